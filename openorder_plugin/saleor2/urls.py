"""URL conf of the host: Saleor's own routes, with /graphql/ serving the
extended schema, plus the plugin's routes."""

from django.conf import settings
from django.conf.urls import include, url
from django.conf.urls.static import static
from django.views.decorators.csrf import csrf_exempt
from saleor.data_feeds.urls import urlpatterns as feed_urls
from saleor.product.views import digital_product

from ..urls import urlpatterns as openorder_urls
from .graphql.api import schema
from .graphql.view import OpenOrderGraphQLView

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
    *openorder_urls,
]

if settings.DEBUG:
    urlpatterns += static("/media/", document_root=settings.MEDIA_ROOT)
