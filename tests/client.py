"""A GraphQL client that talks to the server the way a storefront does: JSON
over HTTP, a JWT in the Authorization header, the buyer's language in
Accept-Language."""

import requests

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token
    accountErrors { field code message }
  }
}
"""


class ApiClient:
    """`language` is sent as Accept-Language with every request (None sends
    no header, so the shop's language applies). Tests read English messages
    by default; the demo shop's own language is Indonesian."""

    def __init__(self, base_url, token=None, language="en"):
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + "/graphql/"
        self.token = token
        self.language = language
        self.session = requests.Session()

    def signed_in(self, email, password):
        data = self.query(TOKEN_CREATE, {"email": email, "password": password})
        token = data["tokenCreate"]["token"]
        assert token, data["tokenCreate"]["accountErrors"]
        return ApiClient(self.base_url, token=token, language=self.language)

    def speaking(self, language):
        """The same client (same sign-in) in another language."""
        return ApiClient(self.base_url, token=self.token, language=language)

    def headers(self):
        headers = {}
        if self.token:
            headers["Authorization"] = "JWT %s" % self.token
        if self.language:
            headers["Accept-Language"] = self.language
        return headers

    def post(self, query, variables=None):
        headers = self.headers()
        return self.session.post(
            self.url,
            json={"query": query, "variables": variables or {}},
            headers=headers,
            timeout=60,
        )

    def upload(self, query, variables, file_variable, name, content, content_type):
        """A GraphQL multipart request (the spec Saleor's view implements)."""
        import json

        headers = self.headers()
        response = self.session.post(
            self.url,
            data={
                "operations": json.dumps({"query": query, "variables": variables}),
                "map": json.dumps({"0": ["variables.%s" % file_variable]}),
            },
            files={"0": (name, content, content_type)},
            headers=headers,
            timeout=60,
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"]

    def execute(self, query, variables=None):
        """The whole response body: `data` and `errors`."""
        response = self.post(query, variables)
        assert response.status_code in (200, 400), response.text
        return response.json()

    def query(self, query, variables=None):
        """`data` of a response that must have no top-level errors."""
        body = self.execute(query, variables)
        assert not body.get("errors"), body["errors"]
        return body["data"]
