"""The demo shop's Saleor catalog: an Indonesian shop (IDR) with a konveksi, a
toko kue and a toko bunga selling made to order, plus one ready-stock product.

Every function is idempotent: it finds what an earlier run created by slug or
e-mail and brings it back to the demo's state.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction
from saleor.account.models import Address, User
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.product.utils.variant_prices import update_product_minimal_variant_price
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingZone
from saleor.warehouse.models import Stock, Warehouse

from ...catalog import services
from ...models import CustomSpecField
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


def _address():
    return Address(
        first_name="Toko",
        last_name="Open Order",
        company_name=SHOP_NAME,
        street_address_1="Jl. Braga No. 10",
        city="BANDUNG",
        postal_code="40111",
        country="ID",
        country_area="Jawa Barat",
        phone="+6281234567890",
    )


def ensure_site(domain="127.0.0.1:8000"):
    site = Site.objects.get_current()
    site.name = SHOP_NAME
    site.domain = domain
    site.save()
    site_settings = site.settings
    site_settings.default_mail_sender_name = SHOP_NAME
    site_settings.default_mail_sender_address = "toko@openorder.test"
    site_settings.save()
    return site


def ensure_users():
    staff = User.objects.filter(email=STAFF_EMAIL).first()
    if staff is None:
        staff = User.objects.create_superuser(STAFF_EMAIL, STAFF_PASSWORD)
    customer = User.objects.filter(email=CUSTOMER_EMAIL).first()
    if customer is None:
        customer = User.objects.create_user(
            CUSTOMER_EMAIL, CUSTOMER_PASSWORD, first_name="Siti", last_name="Rahma"
        )
    return staff, customer


def ensure_shipping():
    zone, _ = ShippingZone.objects.get_or_create(
        name="Indonesia", defaults={"countries": ["ID"]}
    )
    if list(zone.countries) != ["ID"]:
        zone.countries = ["ID"]
        zone.save()
    ShippingMethod.objects.get_or_create(
        name="Kurir reguler",
        shipping_zone=zone,
        defaults={
            "type": ShippingMethodType.PRICE_BASED,
            "price_amount": Decimal("20000"),
            "currency": settings.DEFAULT_CURRENCY,
        },
    )
    warehouse = Warehouse.objects.filter(slug="gudang-bandung").first()
    if warehouse is None:
        address = _address()
        address.save()
        warehouse = Warehouse.objects.create(
            name="Gudang Bandung",
            slug="gudang-bandung",
            company_name=SHOP_NAME,
            address=address,
            email="gudang@openorder.test",
        )
    warehouse.shipping_zones.add(zone)
    return zone, warehouse


def ensure_products(warehouse):
    category, _ = Category.objects.get_or_create(
        slug="open-order", defaults={"name": "Open order"}
    )
    products = {}
    for slug, (type_name, name, sku, price, made_to_order) in PRODUCTS.items():
        product_type, _ = ProductType.objects.get_or_create(
            slug=slug.replace("-custom", "") + "-type",
            defaults={"name": type_name, "has_variants": False},
        )
        product, _ = Product.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "product_type": product_type,
                "category": category,
                "price_amount": price,
                "currency": settings.DEFAULT_CURRENCY,
                "is_published": True,
                "description": name,
            },
        )
        variant, _ = ProductVariant.objects.get_or_create(
            sku=sku,
            defaults={
                "product": product,
                "name": name,
                "track_inventory": not made_to_order,
            },
        )
        stock, created = Stock.objects.get_or_create(
            warehouse=warehouse,
            product_variant=variant,
            defaults={"quantity": 0 if made_to_order else READY_STOCK_QUANTITY},
        )
        update_product_minimal_variant_price(product)
        products[slug] = product
    return products


@transaction.atomic
def load_catalog(domain="127.0.0.1:8000"):
    ensure_site(domain)
    staff, customer = ensure_users()
    _zone, warehouse = ensure_shipping()
    products = ensure_products(warehouse)
    load_made_to_order()
    return {"staff": staff, "customer": customer, "products": products}


def load_made_to_order():
    """Apply demo/made_to_order.py to the demo product types, through the same
    validation as the API. Re-running it changes nothing that is already so."""
    for slug, definition in MADE_TO_ORDER.items():
        product_type = ProductType.objects.get(slug=slug)
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
