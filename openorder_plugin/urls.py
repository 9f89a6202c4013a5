"""The plugin's own routes, the same on every host; each adapter's URL conf
adds them to its Saleor's."""

from django.urls import re_path

from .app_manifest import app_manifest, app_register
from .chat_order_page import chat_order_page
from .views import (
    dashboard_extension,
    design_proof_file,
    payment_proof_file,
    spec_file,
)

urlpatterns = [
    re_path(
        r"^openorder/spec-files/(?P<upload_id>[0-9a-f-]{36})/$",
        spec_file,
        name="openorder-spec-file",
    ),
    re_path(
        r"^openorder/payment-proofs/(?P<proof_id>[0-9a-f-]{36})/$",
        payment_proof_file,
        name="openorder-payment-proof-file",
    ),
    re_path(
        r"^openorder/design-proofs/(?P<proof_id>[0-9a-f-]{36})/$",
        design_proof_file,
        name="openorder-design-proof-file",
    ),
    re_path(
        r"^openorder/chat-orders/(?P<token>[0-9a-f-]{36})/$",
        chat_order_page,
        name="openorder-chat-order",
    ),
    re_path(r"^dashboard-extension/api/manifest$", app_manifest, name="app-manifest"),
    re_path(r"^dashboard-extension/api/register$", app_register, name="app-register"),
    re_path(
        r"^dashboard-extension/(?P<path>.*)$",
        dashboard_extension,
        name="dashboard-extension",
    ),
]
