"""The buyer's flow: specs on checkout lines, modified prices, a promised
date, checkout completion and the specs frozen onto the order."""

from decimal import Decimal

from saleor.order.models import Order

from openorder_plugin.models import CustomSpecField, OrderLineSpec

from .specs_helpers import (
    MTO_CHECKOUT,
    MTO_ORDER,
    QUOTE,
    TSHIRT_SPECS,
    add_custom,
    empty_checkout,
)
from .storefront import pay_and_complete, set_shipping_address, variant_id


def test_tshirt_with_specs_from_quote_to_frozen_order(api, demo_shop):
    tshirt = variant_id(demo_shop["products"]["kaos-custom"])
    quote = api.query(
        QUOTE, {"variantId": tshirt, "quantity": 2, "specs": TSHIRT_SPECS}
    )["madeToOrderQuote"]
    assert quote["errors"] == []
    # Rp 85.000 + 5.000 (XL) + 4 x 500 (print text)
    assert quote["unitPrice"] == {"amount": 92000.0, "currency": "IDR"}
    assert quote["unitPriceModifier"]["amount"] == 7000.0
    assert quote["totalPrice"]["amount"] == 184000.0
    assert quote["deposit"]["amount"] == 92000.0  # 50 %
    assert quote["promisedDate"]

    checkout = empty_checkout(api)
    added = add_custom(
        api, checkout, [{"variantId": tshirt, "quantity": 2, "specs": TSHIRT_SPECS}]
    )
    assert added["openOrderErrors"] == []
    assert added["checkout"]["subtotalPrice"]["gross"]["amount"] == 184000.0

    view = api.query(MTO_CHECKOUT, {"token": checkout["token"]})["madeToOrderCheckout"]
    (line,) = view["lines"]
    assert line["problems"] == []
    assert line["unitPrice"]["gross"]["amount"] == 92000.0
    assert {s["code"]: s["value"] for s in line["specs"]} == {
        "size": "XL",
        "color": "#1b2a4a",
        "print_text": "HALO",
    }
    assert line["promisedDate"] == quote["promisedDate"]
    assert view["deposit"]["amount"] == 92000.0

    result = pay_and_complete(api, set_shipping_address(api, checkout))
    assert result["checkoutErrors"] == []
    order = result["order"]
    assert order["total"]["gross"]["amount"] == 204000.0  # + Rp 20.000 shipping
    assert order["lines"][0]["unitPrice"]["gross"]["amount"] == 92000.0

    frozen = api.query(MTO_ORDER, {"token": order["token"]})["madeToOrderOrder"]
    (frozen_line,) = frozen["lines"]
    assert frozen_line["promisedDate"] == quote["promisedDate"]
    assert frozen_line["unitPriceModifier"]["amount"] == 7000.0
    # The buyer follows production and payment on the same order view.
    (timeline,) = frozen["timeline"]
    assert timeline["currentStage"] == "RECEIVED"
    assert timeline["promisedDate"] == quote["promisedDate"]
    assert timeline["stages"][0]["reachedAt"] and not timeline["stages"][1]["reachedAt"]
    assert [i["kind"] for i in frozen["paymentSchedule"]["installments"]] == [
        "DEPOSIT",
        "BALANCE",
    ]
    assert (
        sum(i["amount"]["amount"] for i in frozen["paymentSchedule"]["installments"])
        == 204000.0
    )
    specs = {s["code"]: s for s in frozen_line["specs"]}
    assert specs["size"]["label"] == "Size"
    assert specs["size"]["priceModifier"]["amount"] == 5000.0
    assert specs["print_text"]["value"] == "HALO"

    # A later schema edit never changes what the order recorded.
    CustomSpecField.objects.filter(code="size", product_type__slug="kaos-type").update(
        label="Ukuran", choices=[{"value": "XL", "label": "XL", "priceAmount": "99000"}]
    )
    again = api.query(MTO_ORDER, {"token": order["token"]})["madeToOrderOrder"]
    assert again == frozen
    saved = Order.objects.get(token=order["token"])
    assert saved.total_gross_amount == Decimal("204000")
    assert OrderLineSpec.objects.get(
        order_line__order=saved
    ).unit_price_modifier == Decimal("7000")
