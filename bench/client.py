"""A GraphQL-over-HTTP client that times each request and reads the SQL
query count the bench middleware puts in the response."""

import time
from typing import Any, NamedTuple

import requests

SQL_HEADER = "X-SQL-Queries"
PLUGIN_SQL_HEADER = "X-SQL-Queries-OpenOrder"


class BenchError(Exception):
    pass


class Response(NamedTuple):
    data: Any
    ms: float
    sql: int
    plugin_sql: int  # of `sql`, those on the plugin's tables


class Client:
    """One client (use one per thread: a requests.Session is not thread-safe)."""

    def __init__(self, base_url, token=None):
        self.url = base_url + "/graphql/"
        self.session = requests.Session()
        self.headers = {"Content-Type": "application/json"}
        if token:
            self.headers["Authorization"] = "JWT %s" % token

    def call(self, query, variables=None):
        body = {"query": query, "variables": variables or {}}
        started = time.perf_counter()
        response = self.session.post(
            self.url, json=body, headers=self.headers, timeout=120
        )
        ms = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise BenchError(
                "HTTP %s from %s: %s"
                % (response.status_code, self.url, response.text[:500])
            )
        payload = response.json()
        if payload.get("errors"):
            raise BenchError(
                "GraphQL errors from %s: %s" % (self.url, payload["errors"])
            )
        sql = int(response.headers.get(SQL_HEADER, "-1"))
        plugin_sql = int(response.headers.get(PLUGIN_SQL_HEADER, "-1"))
        return Response(payload["data"], ms, sql, plugin_sql)

    def mutate(self, query, variables, field):
        """A mutation whose typed error lists must all be empty."""
        response = self.call(query, variables)
        result = response.data[field]
        for key, value in result.items():
            if key.endswith("rrors") and value:
                raise BenchError("%s failed: %s" % (field, value))
        return response, result
