"""The demo shop: an Indonesian shop (IDR) with a konveksi, a toko kue and a
toko bunga selling made to order, plus one ready-stock product."""

from decimal import Decimal

from ..catalog import services
from ..host import get_host
from ..models import CustomSpecField
from .made_to_order import MADE_TO_ORDER

STAFF_EMAIL = "staff@openorder.test"
STAFF_PASSWORD = "openorder-staff"
CUSTOMER_EMAIL = "pembeli@openorder.test"
CUSTOMER_PASSWORD = "openorder-pembeli"

SHOP_NAME = "Toko Open Order"

# slug: (product type name, product name, sku, price in IDR, made to order?)
PRODUCTS = {
    "kaos-custom": (
        "Kaos custom (konveksi)",
        "Kaos Sablon Custom",
        "KAOS-CUSTOM",
        Decimal("85000"),
        True,
    ),
    "kue-ulang-tahun-custom": (
        "Kue custom (toko kue)",
        "Kue Ulang Tahun Custom",
        "KUE-CUSTOM",
        Decimal("250000"),
        True,
    ),
    "rangkaian-bunga-custom": (
        "Rangkaian bunga (toko bunga)",
        "Rangkaian Bunga Custom",
        "BUNGA-CUSTOM",
        Decimal("350000"),
        True,
    ),
    "tas-kanvas": (
        "Ready stock",
        "Tas Kanvas (ready stock)",
        "TAS-KANVAS",
        Decimal("45000"),
        False,
    ),
}
READY_STOCK_QUANTITY = 100


def product_type_slug(product_slug):
    return product_slug.replace("-custom", "") + "-type"


def load_made_to_order():
    """Apply demo/made_to_order.py to the demo product types, through the same
    validation as the API. Re-running it changes nothing that is already so."""
    for slug, definition in MADE_TO_ORDER.items():
        product_type = get_host().product_types().get(slug=slug)
        services.update_settings(product_type.pk, definition["settings"])
        existing = dict(
            CustomSpecField.objects.filter(product_type=product_type).values_list(
                "code", "pk"
            )
        )
        for field in definition["fields"]:
            if field["code"] in existing:
                services.update_field(existing[field["code"]], field)
            else:
                services.create_field(product_type.pk, field)
        services.put_fields_in_order(
            product_type.pk, [field["code"] for field in definition["fields"]]
        )
