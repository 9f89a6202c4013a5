"""The production board as a Saleor App: the manifest a Saleor dashboard
installs it from, so the board can be mounted as an app extension (the
order details page and the navigation). Embedded, the board takes the staff
member's token from @saleor/app-sdk's app bridge and sends every request with
it, so the app keeps no app token of its own."""

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

APP_ID = "openorder.production-board"
APP_VERSION = "0.1.0"
BASE_PATH = "/dashboard-extension/"


@require_GET
def app_manifest(request):
    app_url = request.build_absolute_uri(BASE_PATH)
    return JsonResponse(
        {
            "id": APP_ID,
            "version": APP_VERSION,
            "name": "Open order production",
            "about": (
                "The production board for made-to-order goods: jobs per stage, "
                "the buyer's specs, promised dates and deposits."
            ),
            "permissions": ["MANAGE_ORDERS", "MANAGE_PRODUCTS"],
            "appUrl": app_url,
            "tokenTargetUrl": request.build_absolute_uri(BASE_PATH + "api/register"),
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
