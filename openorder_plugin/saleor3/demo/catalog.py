"""The demo shop on Saleor 3.23: the same shop as on 2.10 (openorder_plugin.
demo), in a channel of its own, "toko-open-order", selling in rupiah to
Indonesia. The channel allows unpaid orders: an open order is paid later
(deposit, balance, on delivery), as its payment schedule says.

Every function is idempotent: it finds what an earlier run created by slug or
e-mail and brings it back to the demo's state.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from saleor.account.models import CustomerType, Group, User
from saleor.permission.models import Permission
from saleor.channel.models import Channel
from saleor.product.models import (
    Category,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from saleor.shipping import ShippingMethodType
from saleor.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingZone,
)
from saleor.tax.models import TaxConfiguration
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

CHANNEL_SLUG = "toko-open-order"
CURRENCY = "IDR"
SHIPPING_PRICE = Decimal("20000")


def ensure_channel():
    channel, _ = Channel.objects.update_or_create(
        slug=CHANNEL_SLUG,
        defaults={
            "name": SHOP_NAME,
            "currency_code": CURRENCY,
            "default_country": "ID",
            "is_active": True,
            # Open orders are paid later: the schedule, not the checkout,
            # says what is due when.
            "allow_unpaid_orders": True,
        },
    )
    TaxConfiguration.objects.get_or_create(channel=channel)
    return channel


def default_customer_type():
    # Saleor's migration 0103 makes it; a test database flush removes it.
    customer_type, _ = CustomerType.objects.get_or_create(
        is_default=True, defaults={"name": "Default", "slug": "default"}
    )
    return customer_type


def _user(email, password, **fields):
    # Saleor 3's UserManager creates no superusers; its createsuperuser
    # command builds the row the same way.
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email,
            is_active=True,
            customer_type=default_customer_type(),
            **fields,
        )
        user.set_password(password)
        user.save()
    return user


def ensure_users():
    staff = _user(STAFF_EMAIL, STAFF_PASSWORD, is_staff=True, is_superuser=True)
    # Saleor 3 gives staff their channels through permission groups: the
    # demo's staff member sees every channel.
    group, _ = Group.objects.get_or_create(
        name="Toko Open Order: full access",
        defaults={"restricted_access_to_channels": False},
    )
    group.permissions.set(Permission.objects.all())
    group.user_set.add(staff)
    customer = _user(
        CUSTOMER_EMAIL, CUSTOMER_PASSWORD, first_name="Siti", last_name="Rahma"
    )
    return staff, customer


def ensure_shipping(channel):
    zone, _ = ShippingZone.objects.get_or_create(
        name="Indonesia", defaults={"countries": ["ID"]}
    )
    if list(zone.countries) != ["ID"]:
        zone.countries = ["ID"]
        zone.save()
    zone.channels.add(channel)
    method, _ = ShippingMethod.objects.get_or_create(
        name="Kurir reguler",
        shipping_zone=zone,
        defaults={"type": ShippingMethodType.PRICE_BASED},
    )
    ShippingMethodChannelListing.objects.update_or_create(
        shipping_method=method,
        channel=channel,
        defaults={
            "price_amount": SHIPPING_PRICE,
            "minimum_order_price_amount": Decimal(0),
            "currency": CURRENCY,
        },
    )
    warehouse = Warehouse.objects.filter(slug="gudang-bandung").first()
    if warehouse is None:
        address = shop_address()
        address.save()
        warehouse = Warehouse.objects.create(
            name="Gudang Bandung",
            slug="gudang-bandung",
            address=address,
            email="gudang@openorder.test",
        )
    warehouse.shipping_zones.add(zone)
    warehouse.channels.add(channel)
    return zone, warehouse


def ensure_products(channel, warehouse):
    category, _ = Category.objects.get_or_create(
        slug="open-order", defaults={"name": "Open order"}
    )
    products = {}
    now = timezone.now()
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
            },
        )
        ProductChannelListing.objects.update_or_create(
            product=product,
            channel=channel,
            defaults={
                "is_published": True,
                "published_at": now,
                "visible_in_listings": True,
                "available_for_purchase_at": now,
                "currency": CURRENCY,
                "discounted_price_amount": price,
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
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant,
            channel=channel,
            defaults={
                "price_amount": price,
                "discounted_price_amount": price,
                "currency": CURRENCY,
            },
        )
        Stock.objects.get_or_create(
            warehouse=warehouse,
            product_variant=variant,
            defaults={"quantity": 0 if made_to_order else READY_STOCK_QUANTITY},
        )
        products[slug] = product
    return products


@transaction.atomic
def load_catalog(domain="127.0.0.1:8000"):
    ensure_site(domain)
    channel = ensure_channel()
    staff, customer = ensure_users()
    _zone, warehouse = ensure_shipping(channel)
    products = ensure_products(channel, warehouse)
    load_made_to_order()
    return {
        "staff": staff,
        "customer": customer,
        "products": products,
        "channel": channel,
    }
