"""Deferred payment through the API on the host the suite runs on: an open
order is placed with nothing paid, staff record the money that arrives, and
the host's own books follow (Saleor 2.10: the order's payment; Saleor 3: a
charge on the order's transaction item). The books never say money arrived
when it did not, and a repeated request records once."""

from decimal import Decimal

from ..hosts import ON_SALEOR3
from ..specs_helpers import tshirt_checkout
from ..storefront import place_order

SCHEDULE = """
  state
  total { amount currency } outstanding { amount }
  installments { kind status amount { amount } paidAmount { amount } }
"""

# What the host says was paid: Saleor 3's transactions, Saleor 2.10's payment.
HOST_PAID = (
    "chargeStatus isPaid totalCharged { amount }"
    if ON_SALEOR3
    else "paymentStatus isPaid totalCaptured { amount }"
)

RECORD = (
    """
mutation($id: ID!, $amount: PositiveDecimal!, $reference: String!, $key: String!) {
  orderPaymentRecord(orderId: $id, amount: $amount, reference: $reference,
                     idempotencyKey: $key) {
    paymentSchedule { %s }
    paymentRecord { id amount { amount currency } reference idempotencyKey }
    openOrderErrors { field code message }
  }
}
"""
    % SCHEDULE
)

ORDER = "query($id: ID!) { order(id: $id) { id %s } }" % HOST_PAID

# Rp 2 x 92.000 + Rp 20.000 shipping; the konveksi asks 50 % of the line up
# front (92.000), the rest (112.000) when it is ready.
TOTAL = Decimal("204000")
DEPOSIT = Decimal("92000")


def paid(staff_api, order_id):
    order = staff_api.query(ORDER, {"id": order_id})["order"]
    amount = order["totalCharged" if ON_SALEOR3 else "totalCaptured"]["amount"]
    status = order["chargeStatus" if ON_SALEOR3 else "paymentStatus"]
    return Decimal(str(amount)), status, order["isPaid"]


def record(staff_api, order_id, amount, key, reference="BCA transfer 0042"):
    return staff_api.query(
        RECORD,
        {"id": order_id, "amount": str(amount), "reference": reference, "key": key},
    )["orderPaymentRecord"]


def open_order(api, demo_shop):
    result = place_order(api, tshirt_checkout(api, demo_shop))
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return result["order"]


def test_staff_record_the_deposit_and_the_balance_as_they_arrive(
    api, staff_api, demo_shop
):
    order = open_order(api, demo_shop)
    assert Decimal(str(order["total"]["gross"]["amount"])) == TOTAL
    # Placed with nothing paid: the host's books say so.
    assert paid(staff_api, order["id"]) == (
        Decimal(0),
        "NONE" if ON_SALEOR3 else "NOT_CHARGED",
        False,
    )

    deposit = record(staff_api, order["id"], DEPOSIT, key="deposit-1")
    assert deposit["openOrderErrors"] == []
    schedule = deposit["paymentSchedule"]
    assert [(i["kind"], i["status"]) for i in schedule["installments"]] == [
        ("DEPOSIT", "PAID"),
        ("BALANCE", "PENDING"),
    ]
    assert Decimal(str(schedule["outstanding"]["amount"])) == TOTAL - DEPOSIT
    assert paid(staff_api, order["id"]) == (
        DEPOSIT,
        "PARTIAL" if ON_SALEOR3 else "PARTIALLY_CHARGED",
        False,
    )

    # The same request again (a retry after a dropped connection) records
    # nothing more.
    again = record(staff_api, order["id"], DEPOSIT, key="deposit-1")
    assert again["openOrderErrors"] == []
    assert again["paymentRecord"]["id"] == deposit["paymentRecord"]["id"]
    assert paid(staff_api, order["id"])[0] == DEPOSIT

    # More than is outstanding is refused and changes nothing.
    over = record(staff_api, order["id"], TOTAL, key="too-much")
    assert [e["code"] for e in over["openOrderErrors"]] == ["OVERPAYMENT"]
    assert paid(staff_api, order["id"])[0] == DEPOSIT

    balance = record(staff_api, order["id"], TOTAL - DEPOSIT, key="balance-1")
    assert balance["openOrderErrors"] == []
    assert balance["paymentSchedule"]["state"] == "PAID"
    assert paid(staff_api, order["id"]) == (
        TOTAL,
        "FULL" if ON_SALEOR3 else "FULLY_CHARGED",
        True,
    )


def test_recording_money_is_for_staff(api, customer_api, demo_shop):
    order = open_order(api, demo_shop)
    for client in (api, customer_api):
        body = client.execute(
            RECORD,
            {"id": order["id"], "amount": "1000", "reference": "x", "key": "k"},
        )
        assert body["data"]["orderPaymentRecord"] is None
        assert body["errors"]


CANCEL = """
mutation($id: ID!) { orderCancel(id: $id) { order { id status } orderErrors { field code message } } }
"""

SCHEDULE_OF = (
    "query($id: ID!) { orderPaymentSchedule(orderId: $id) { cancellationRule %s } }"
    % SCHEDULE
)


def test_cancelling_before_production_refunds_what_was_paid(api, staff_api, demo_shop):
    order = open_order(api, demo_shop)
    assert (
        record(staff_api, order["id"], DEPOSIT, key="deposit-1")["openOrderErrors"]
        == []
    )

    cancelled = staff_api.query(CANCEL, {"id": order["id"]})["orderCancel"]
    assert cancelled["orderErrors"] == []

    schedule = staff_api.query(SCHEDULE_OF, {"id": order["id"]})["orderPaymentSchedule"]
    assert schedule["cancellationRule"] == "FULL_REFUND"
    assert [(i["kind"], i["status"]) for i in schedule["installments"]] == [
        ("DEPOSIT", "REFUNDED"),
        ("BALANCE", "WAIVED"),
    ]
    # The host's books: the deposit went back (Saleor 3: a refund event on the
    # order's transaction item).
    amount, status, is_paid = paid(staff_api, order["id"])
    assert amount == 0 and not is_paid
    assert status == ("NONE" if ON_SALEOR3 else "FULLY_REFUNDED")
    # Nothing more is taken for a cancelled order.
    late = record(staff_api, order["id"], 1000, key="after-cancel")
    assert [e["code"] for e in late["openOrderErrors"]] == ["INVALID"]
