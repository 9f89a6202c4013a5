"""The README's storefront walkthrough, run exactly as written: every
operation and its variables are read from README.md (between the walkthrough
markers) and sent in order, for a first-time guest, for a signed-in customer,
and for each deposit policy. A README example that stops working fails here."""

import pytest

from .client import ApiClient
from .payments_helpers import set_policy
from .readme import errors_of, walkthrough
from .storefront import variant_id


def test_the_walkthrough_is_complete():
    names = [name for name, _document, _variables in walkthrough()]
    assert names == [
        "CheckoutCreate",
        "AddCustomLines",
        "ShippingAddress",
        "BillingAddress",
        "ShippingMethod",
        "Payment",
        "Complete",
        "MyOrder",
    ]


def run_walkthrough(client, demo_shop):
    """Send every step; returns the answers by operation name."""
    known = {"variantId": variant_id(demo_shop["products"]["kaos-custom"])}
    answers = {}
    for name, document, variables in walkthrough():
        filled = {}
        for key, value in variables.items():
            if key == "variantId":
                filled[key] = known["variantId"]
            elif value == "…":
                filled[key] = known[(name, key)] if (name, key) in known else known[key]
            else:
                filled[key] = value
        data = client.query(document, filled)
        assert errors_of(data) == [], (name, errors_of(data))
        answers[name] = data
        if name == "CheckoutCreate":
            checkout = data["checkoutCreate"]["checkout"]
            known["checkoutId"] = checkout["id"]
            known[("Payment", "token")] = checkout["token"]
        elif name == "ShippingAddress":
            methods = data["checkoutShippingAddressUpdate"]["checkout"][
                "availableShippingMethods"
            ]
            known["shippingMethodId"] = methods[0]["id"]
        elif name == "ShippingMethod":
            checkout = data["checkoutShippingMethodUpdate"]["checkout"]
            known["amount"] = checkout["totalPrice"]["gross"]["amount"]
            gateways = [g["id"] for g in checkout["availablePaymentGateways"]]
            assert "openorder.payments.deferred" in gateways
        elif name == "Complete":
            known[("MyOrder", "token")] = data["checkoutComplete"]["order"]["token"]
    return answers


# Two XL shirts printed "HALO": 2 x (85.000 + 5.000 + 4 x 500) + Rp 20.000 shipping.
TOTAL = 2 * 92000 + 20000


def schedule_of(answers):
    return answers["MyOrder"]["madeToOrderOrder"]["paymentSchedule"]


def test_a_first_time_guest_checks_out_as_the_readme_says(api, demo_shop):
    answers = run_walkthrough(api, demo_shop)

    order = answers["Complete"]["checkoutComplete"]["order"]
    assert order["total"]["gross"] == {"amount": TOTAL, "currency": "IDR"}
    assert order["paymentStatus"] == "NOT_CHARGED"
    schedule = schedule_of(answers)
    assert schedule["state"] == "AWAITING_DEPOSIT"
    assert schedule["deadline"]
    (line,) = answers["MyOrder"]["madeToOrderOrder"]["lines"]
    assert line["quantity"] == 2 and line["promisedDate"]


def test_a_signed_in_customer_checks_out_as_the_readme_says(api, demo_shop):
    from openorder_plugin.saleor2.demo import catalog

    customer = api.signed_in(catalog.CUSTOMER_EMAIL, catalog.CUSTOMER_PASSWORD)
    answers = run_walkthrough(customer, demo_shop)

    assert (
        answers["Complete"]["checkoutComplete"]["order"]["total"]["gross"]["amount"]
        == TOTAL
    )
    assert schedule_of(answers)["state"] == "AWAITING_DEPOSIT"


@pytest.mark.parametrize(
    "policy,deposit,state",
    [
        ({"deposit_type": "NONE", "deposit_value": 0}, None, "AWAITING_CONFIRMATION"),
        ({"deposit_type": "PERCENT", "deposit_value": 50}, 92000, "AWAITING_DEPOSIT"),
        ({"deposit_type": "FIXED", "deposit_value": 25000}, 50000, "AWAITING_DEPOSIT"),
        ({"deposit_type": "FULL", "deposit_value": 0}, TOTAL, "AWAITING_DEPOSIT"),
    ],
)
def test_every_deposit_policy_through_the_readme(
    live_server, site, demo_shop, policy, deposit, state
):
    set_policy("kaos-type", **policy)
    answers = run_walkthrough(ApiClient(live_server.url), demo_shop)

    schedule = schedule_of(answers)
    kinds = {i["kind"]: i for i in schedule["installments"]}
    assert schedule["state"] == state
    if deposit is None:
        assert "DEPOSIT" not in kinds
        assert kinds["BALANCE"]["amount"]["amount"] == TOTAL
    else:
        assert (kinds["DEPOSIT"]["amount"]["amount"], kinds["DEPOSIT"]["status"]) == (
            deposit,
            "DUE",
        )
        balance = kinds.get("BALANCE", {"amount": {"amount": 0}})["amount"]["amount"]
        assert deposit + balance == TOTAL
