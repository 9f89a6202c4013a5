"""The production board as a Saleor App: the manifest a Saleor dashboard
installs it from, so the board is mounted as app extensions (under Orders,
a widget and an action on the order page, the made-to-order settings under
Catalog). Embedded, the board takes the staff member's token from
@saleor/app-sdk's app bridge and sends every request with it, so the app
keeps no app token of its own."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .host import get_host
from .payments.deferred import GATEWAY_ID

# The app is also the "Pay deposit / pay later" payment method on Saleor 3's
# Transactions API, so a storefront names it by the gateway's ID, the same on
# both hosts.
APP_ID = GATEWAY_ID
APP_VERSION = "0.1.0"
BASE_PATH = "/dashboard-extension/"


@require_GET
def app_manifest(request):
    host = get_host()
    app_url = host.public_url(request, BASE_PATH)
    webhooks = host.app_webhooks(request)
    permissions = ["MANAGE_ORDERS", "MANAGE_PRODUCTS"]
    if webhooks:
        permissions.append("HANDLE_PAYMENTS")  # Saleor's rule for payment events
    return JsonResponse(
        {
            "id": APP_ID,
            "version": APP_VERSION,
            "name": "Open order",
            "about": (
                "The production board for made-to-order goods (jobs per stage, "
                "the buyer's specs, promised dates and deposits) and the "
                '"Pay deposit / pay later" payment method.'
            ),
            "permissions": permissions,
            "webhooks": webhooks,
            "appUrl": app_url,
            "tokenTargetUrl": host.public_url(request, BASE_PATH + "api/register"),
            "homepageUrl": app_url,
            "supportUrl": app_url,
            "extensions": [
                {
                    "label": "Production",
                    "mount": "NAVIGATION_ORDERS",
                    "target": "APP_PAGE",
                    "permissions": ["MANAGE_ORDERS"],
                    "url": "/",
                },
                {
                    # The order's jobs beside the order (the dashboard adds
                    # ?orderId=; the widget asks for its height).
                    "label": "Production",
                    "mount": "ORDER_DETAILS_WIDGETS",
                    "target": "WIDGET",
                    "permissions": ["MANAGE_ORDERS"],
                    "url": "/order",
                    "options": {"widgetTarget": {"method": "GET"}},
                },
                {
                    "label": "Production jobs of this order",
                    "mount": "ORDER_DETAILS_MORE_ACTIONS",
                    "target": "APP_PAGE",
                    "permissions": ["MANAGE_ORDERS"],
                    "url": "/",
                },
                {
                    "label": "Made-to-order settings",
                    "mount": "NAVIGATION_CATALOG",
                    "target": "APP_PAGE",
                    "permissions": ["MANAGE_PRODUCTS"],
                    "url": "/settings",
                },
            ],
        }
    )


@csrf_exempt
@require_POST
def app_register(request):
    """Saleor posts the app's token here on installation. The board never
    acts as the app (each request carries the signed-in staff member's own
    token, with their permissions), so the token is not kept."""
    return JsonResponse({"success": True})
