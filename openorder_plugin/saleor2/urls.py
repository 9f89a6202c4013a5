"""URL conf of the host: Saleor's own routes, with /graphql/ serving the
extended schema, plus the plugin's routes."""

from django.conf import settings
from django.conf.urls import include, url
from django.conf.urls.static import static
from django.views.decorators.csrf import csrf_exempt
from saleor.data_feeds.urls import urlpatterns as feed_urls
from saleor.product.views import digital_product

from ..app_manifest import app_manifest, app_register
from .graphql.api import schema
from .graphql.view import OpenOrderGraphQLView
from ..views import dashboard_extension, spec_file

urlpatterns = [
    url(
        r"^graphql/",
        csrf_exempt(OpenOrderGraphQLView.as_view(schema=schema)),
        name="api",
    ),
    url(r"^feeds/", include((feed_urls, "data_feeds"), namespace="data_feeds")),
    url(
        r"^digital-download/(?P<token>[0-9A-Za-z_\-]+)/$",
        digital_product,
        name="digital-product",
    ),
    url(
        r"^openorder/spec-files/(?P<upload_id>[0-9a-f-]{36})/$",
        spec_file,
        name="openorder-spec-file",
    ),
    url(r"^dashboard-extension/api/manifest$", app_manifest, name="app-manifest"),
    url(r"^dashboard-extension/api/register$", app_register, name="app-register"),
    url(
        r"^dashboard-extension/(?P<path>.*)$",
        dashboard_extension,
        name="dashboard-extension",
    ),
]

if settings.DEBUG:
    urlpatterns += static("/media/", document_root=settings.MEDIA_ROOT)
