"""URL conf of a Saleor 3.23 host: Saleor's own routes, with /graphql/
serving the extended schema, plus the plugin's routes."""

from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt
from saleor.graphql.views import GraphQLView
from saleor.urls import urlpatterns as saleor_urls

from ..urls import urlpatterns as openorder_urls
from . import payment_app
from .graphql.api import backend, schema

urlpatterns = [
    re_path(
        r"^graphql/$",
        csrf_exempt(GraphQLView.as_view(backend=backend, schema=schema)),
        name="api",
    ),
    *(route for route in saleor_urls if getattr(route, "name", None) != "api"),
    # The app's payment webhooks, before the board's catch-all route.
    *(
        re_path(
            r"^%s%s$" % (payment_app.WEBHOOK_PATH, path),
            view,
            name="openorder-%s" % path,
        )
        for _event, _query, path, view in payment_app.WEBHOOKS
    ),
    *openorder_urls,
]
