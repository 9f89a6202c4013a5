"""The README's storefront walkthrough for Saleor 3.23, run exactly as
written: every operation and its variables are read from README.md (between
the saleor3-walkthrough markers) and sent in order, by a guest and by a
signed-in customer. A README example that stops working on Saleor 3 fails
here. Saleor 2.10 has its own walkthrough (tests/test_readme_walkthrough.py)."""

from decimal import Decimal

import pytest

from openorder_plugin.demo import shop

from ..hosts import CHANNEL, ON_SALEOR3
from ..readme import FROM_EARLIER, errors_of, walkthrough
from ..storefront import variant_id

pytestmark = pytest.mark.skipif(
    not ON_SALEOR3, reason="the Saleor 3.23 walkthrough runs on Saleor 3.23"
)

MARKER = "saleor3-walkthrough"
# Two XL shirts printed "HALO": 2 x (85.000 + 5.000 + 4 x 500) + Rp 20.000 shipping.
UNIT = 92000
TOTAL = 2 * UNIT + 20000


def test_the_saleor3_walkthrough_is_complete():
    names = [name for name, _document, _variables in walkthrough(MARKER)]
    assert names == [
        "Product",
        "Quote",
        "CheckoutCreate",
        "AddCustomLines",
        "ShippingAddress",
        "DeliveryMethod",
        "Complete",
        "MyOrder",
    ]


def run_walkthrough(client, demo_shop):
    """Send every step as the README writes it; the answers by operation name.
    Only what the README marks as coming from an earlier answer ("…"), and
    the variant's ID (the README shows an example), are filled in."""
    known = {"variantId": variant_id(demo_shop["products"]["kaos-custom"])}
    answers = {}
    for name, document, variables in walkthrough(MARKER):
        filled = {}
        for key, value in variables.items():
            if key == "variantId" or value == FROM_EARLIER:
                filled[key] = known[key]
            else:
                filled[key] = value
        data = client.query(document, filled)
        assert errors_of(data) == [], (name, errors_of(data))
        answers[name] = data
        if name == "Product":
            variants = data["madeToOrderProduct"]["product"]["variants"]
            assert known["variantId"] in [v["id"] for v in variants]
        elif name == "Quote":
            assert data["madeToOrderQuote"]["errors"] == []
        elif name == "CheckoutCreate":
            known["checkoutId"] = data["checkoutCreate"]["checkout"]["id"]
        elif name == "ShippingAddress":
            methods = data["checkoutShippingAddressUpdate"]["checkout"][
                "shippingMethods"
            ]
            known["deliveryMethodId"] = methods[0]["id"]
        elif name == "Complete":
            known["token"] = data["checkoutComplete"]["order"]["token"]
    return answers


def check_order(answers):
    quote = answers["Quote"]["madeToOrderQuote"]
    assert quote["unitPrice"] == {"amount": UNIT, "currency": "IDR"}
    delivery = answers["DeliveryMethod"]["checkoutDeliveryMethodUpdate"]["checkout"]
    assert delivery["totalPrice"]["gross"] == {"amount": TOTAL, "currency": "IDR"}
    order = answers["Complete"]["checkoutComplete"]["order"]
    assert order["total"]["gross"] == {"amount": TOTAL, "currency": "IDR"}
    # Nothing was paid: Saleor says so, and so does the schedule.
    assert order["chargeStatus"] == "NONE"
    made_to_order = answers["MyOrder"]["madeToOrderOrder"]
    (line,) = made_to_order["lines"]
    assert line["quantity"] == 2 and line["promisedDate"]
    assert {s["label"]: s["value"] for s in line["specs"]}["Print text"] == "HALO"
    (timeline,) = made_to_order["timeline"]
    assert timeline["promisedDate"] == line["promisedDate"]
    schedule = made_to_order["paymentSchedule"]
    assert schedule["state"] == "AWAITING_DEPOSIT" and schedule["deadline"]
    kinds = {i["kind"]: i for i in schedule["installments"]}
    assert (kinds["DEPOSIT"]["status"], kinds["DEPOSIT"]["amount"]) == (
        "DUE",
        {"amount": quote["deposit"]["amount"], "currency": "IDR"},
    )
    assert Decimal(str(kinds["DEPOSIT"]["amount"]["amount"])) + Decimal(
        str(kinds["BALANCE"]["amount"]["amount"])
    ) == Decimal(TOTAL)
    return order


def test_a_guest_checks_out_in_a_channel_as_the_readme_says(api, demo_shop):
    answers = run_walkthrough(api, demo_shop)
    check_order(answers)
    variables = dict(walkthrough(MARKER)[0][2])
    assert variables == {"channel": CHANNEL}


def test_a_signed_in_customer_checks_out_as_the_readme_says(api, demo_shop):
    customer = api.signed_in(shop.CUSTOMER_EMAIL, shop.CUSTOMER_PASSWORD)
    order = check_order(run_walkthrough(customer, demo_shop))
    assert order["number"]
