"""Chat orders as Saleor 3.23 draft orders (the service, on the db): each
line is priced with its specs as a price override, which Saleor's own draft
price recalculation keeps (also after the listing price changes); placing
keeps those prices, and a draft staff place in Saleor themselves is only
marked confirmed when the buyer confirms. Saleor 2.10's drafts are covered
through the API (test_chat_orders_api.py)."""

from decimal import Decimal

import pytest
from django.apps import apps

from openorder_plugin.chat_orders import services
from openorder_plugin.demo import shop
from openorder_plugin.host import get_host
from openorder_plugin.models import ChatOrder, PaymentSchedule, ProductionJob

from ..hosts import ON_SALEOR3

if ON_SALEOR3:
    from saleor.order.calculations import fetch_order_prices_if_expired
    from saleor.plugins.manager import get_plugins_manager

pytestmark = pytest.mark.skipif(
    not ON_SALEOR3, reason="Saleor 3.23's draft orders run on Saleor 3.23"
)

HALO = [
    {"code": "size", "value": "XL"},  # + Rp 5.000
    {"code": "color", "value": "#1B2A4A"},
    {"code": "print_text", "value": "HALO"},  # 4 x Rp 500
]
HI = [
    {"code": "size", "value": "M"},  # no extra
    {"code": "color", "value": "#1B2A4A"},
    {"code": "print_text", "value": "HI"},  # 2 x Rp 500
]


def draft(demo_shop, email="sari@example.com"):
    variant = demo_shop["products"]["kaos-custom"].variants.get()
    return services.create_draft(
        lines=[
            {"variant": variant, "quantity": 2, "specs": HALO},
            {"variant": variant, "quantity": 1, "specs": HI},
        ],
        customer={"name": "Sari", "phone": "0812 3456 7890", "email": email},
        pricing=demo_shop["channel"],
        user=demo_shop["staff"],
    )


def prices(order):
    order = apps.get_model("order", "Order").objects.get(pk=order.pk)
    return [
        (line.quantity, line.base_unit_price_amount, line.total_price_gross_amount)
        for line in order.lines.all()
    ] + [(order.subtotal_gross_amount, order.total_gross_amount)]


def recalculated(order, force=True):
    manager = get_plugins_manager(allow_replica=False)
    order = apps.get_model("order", "Order").objects.get(pk=order.pk)
    return fetch_order_prices_if_expired(
        order, manager, None, force_update=force
    ).get()[0]


def test_spec_prices_survive_saleors_recalculation_and_placing(demo_shop):
    listing = apps.get_model("product", "ProductVariantChannelListing").objects.get(
        variant__product=demo_shop["products"]["kaos-custom"],
        channel=demo_shop["channel"],
    )
    chat_order = draft(demo_shop)
    order = chat_order.order
    # Rp 85.000 + the specs: one line per set of specs, each overridden.
    expected = [
        (2, Decimal("92000"), Decimal("184000")),
        (1, Decimal("86000"), Decimal("86000")),
        (Decimal("270000"), Decimal("270000")),
    ]
    assert prices(order) == expected
    assert all(line.is_price_overridden for line in order.lines.all())

    recalculated(order)
    assert prices(order) == expected
    # The listing's price changes and the draft's price freeze runs out:
    # Saleor refreshes the draft, and the agreed prices stay.
    listing.price_amount += 1000
    listing.save(update_fields=["price_amount"])
    channel = demo_shop["channel"]
    channel.draft_order_line_price_freeze_period = 1
    channel.save(update_fields=["draft_order_line_price_freeze_period"])
    order.should_refresh_prices = True
    order.save(update_fields=["should_refresh_prices"])
    recalculated(order, force=False)
    assert prices(order) == expected

    services.confirm(chat_order.token, expected_total=Decimal("270000"))
    order.refresh_from_db()
    assert order.status != "draft" and order.checkout_token == str(chat_order.pk)
    assert prices(order) == expected
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert order.events.filter(type="placed_from_draft").count() == 1


def test_a_draft_staff_place_in_saleor_is_only_marked_when_the_buyer_confirms(
    demo_shop,
):
    chat_order = draft(demo_shop, email=shop.CUSTOMER_EMAIL)
    channel = demo_shop["channel"]
    channel.automatically_confirm_all_new_orders = False
    channel.save(update_fields=["automatically_confirm_all_new_orders"])
    order = get_host().place_draft_order(
        chat_order.order, checkout_token=str(chat_order.pk), user=demo_shop["staff"]
    )
    # As Saleor places a draft in such a channel; the plugin's hook made the
    # jobs and the schedule, and the customer's account is the order's.
    assert order.status == "unconfirmed"
    assert order.user_id == demo_shop["customer"].pk
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert PaymentSchedule.objects.filter(order=order).count() == 1

    services.confirm(chat_order.token)
    assert ChatOrder.objects.get(pk=chat_order.pk).status == "CONFIRMED"
    assert ProductionJob.objects.filter(order=order).count() == 2
    assert order.events.filter(type="placed_from_draft").count() == 1
