"""From checkout to order on the host the suite runs on: the checks before an
order is created, and what the plugin does once it exists, which a host may
tell it of more than once (Saleor 3 does so after the order is committed)."""

import pytest
from django.apps import apps

from openorder_plugin.models import (
    CapacityReservation,
    Installment,
    OrderLineSpec,
    ProductionJob,
)
from openorder_plugin.payments import schedule as payment_schedule
from openorder_plugin.production import services as production
from openorder_plugin.specs import orders as spec_orders

from ..hosts import CHANNEL, ON_SALEOR3
from ..specs_helpers import tshirt_checkout
from ..storefront import (
    CHECKOUT_COMPLETE,
    choose_shipping,
    create_checkout,
    place_order,
    set_shipping_address,
    variant_id,
)

only_on_saleor3 = pytest.mark.skipif(
    not ON_SALEOR3, reason="Saleor 3's price overrides and plain checkoutLinesAdd"
)

LINES_ADD = """
mutation($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) {
    checkout { id }
    errors { field code message }
  }
}
"""


def counts(order):
    return (
        OrderLineSpec.objects.filter(order_line__order=order).count(),
        ProductionJob.objects.filter(order=order).count(),
        Installment.objects.filter(schedule__order=order).count(),
        CapacityReservation.objects.filter(order=order).count(),
    )


def test_what_follows_an_order_happens_once_however_often_the_host_tells(
    api, demo_shop
):
    result = place_order(api, tshirt_checkout(api, demo_shop))
    assert result["checkoutErrors"] == []
    Order = apps.get_model("order", "Order")
    order = Order.objects.get(
        **(
            {"pk": result["order"]["token"]}
            if ON_SALEOR3
            else {"token": result["order"]["token"]}
        )
    )
    placed = counts(order)
    assert placed[:3] == (1, 1, 2)  # specs, a job, deposit and balance
    assert placed[3] >= 1  # the capacity the checkout held is the order's
    frozen = OrderLineSpec.objects.get(order_line__order=order)

    # The host tells the plugin of the order again: nothing more is made.
    spec_orders.freeze_onto_order(order)
    production.create_jobs_for_order(order)
    payment_schedule.open_schedule(order)
    assert counts(order) == placed
    assert OrderLineSpec.objects.get(order_line__order=order) == frozen


@only_on_saleor3
def test_a_made_to_order_line_without_specs_is_refused_before_the_order(api, demo_shop):
    checkout = create_checkout(api, [])
    added = api.query(
        LINES_ADD,
        {
            "id": checkout["id"],
            "lines": [
                {
                    "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
                    "quantity": 1,
                }
            ],
        },
    )["checkoutLinesAdd"]
    assert added["errors"] == []
    checkout = set_shipping_address(api, checkout)
    choose_shipping(api, checkout)
    result = api.query(CHECKOUT_COMPLETE, {"checkoutId": checkout["id"]})[
        "checkoutComplete"
    ]
    assert result["order"] is None
    (error,) = result["checkoutErrors"]
    assert error["code"] == "REQUIRED"
    assert "checkoutLinesAddCustom" in error["message"]


@only_on_saleor3
def test_a_stale_spec_price_is_refused_before_the_order(api, demo_shop):
    checkout = tshirt_checkout(api, demo_shop)
    choose_shipping(api, checkout)
    # The shop changes the T-shirt's price after the buyer added it: the
    # line's override no longer says what the order would cost.
    Listing = apps.get_model("product", "ProductVariantChannelListing")
    Listing.objects.filter(
        variant__product=demo_shop["products"]["kaos-custom"], channel__slug=CHANNEL
    ).update(price_amount=99000)
    result = api.query(CHECKOUT_COMPLETE, {"checkoutId": checkout["id"]})[
        "checkoutComplete"
    ]
    assert result["order"] is None
    (error,) = result["checkoutErrors"]
    assert error["code"] == "INVALID"
    assert error["message"].startswith("lines.0.specs:")
