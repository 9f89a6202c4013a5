"""The demo shop's Saleor catalog: an Indonesian shop (IDR) with a konveksi, a
toko kue and a toko bunga selling made to order, plus one ready-stock product.

Every function is idempotent: it finds what an earlier run created by slug or
e-mail and brings it back to the demo's state.
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from saleor.account.models import User
from saleor.product.models import Category, Product, ProductType, ProductVariant
from saleor.product.utils.variant_prices import update_product_minimal_variant_price
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import ShippingMethod, ShippingZone
from saleor.warehouse.models import Stock, Warehouse

from ...saleor_common.demo import ensure_site, shop_address
from ...demo.shop import (  # noqa: F401  (the demo's names, for its users)
    CUSTOMER_EMAIL,
    CUSTOMER_PASSWORD,
    PRODUCTS,
    READY_STOCK_QUANTITY,
    SHOP_NAME,
    STAFF_EMAIL,
    STAFF_PASSWORD,
    load_made_to_order,
    product_type_slug,
)


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
        address = shop_address()
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
            slug=product_type_slug(slug),
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
