"""Staff record money received: a capture on the order's Saleor payment, so
Saleor's own payment status, events and order_fully_paid follow."""

import threading

import pytest

from saleor.payment.models import Payment, Transaction

from openorder_plugin.models import PaymentRecord

from .payments_helpers import (
    DUMMY,
    SCHEDULE,
    fully_paid_events,
    installments,
    order_payment,
    place,
    place_with_deposit,
    record,
    saved,
    set_policy,
)

SHIRT = 92000
SHIPPING = 20000


def captures(order):
    return list(
        Transaction.objects.filter(payment__order__token=order["token"], kind="capture")
        .order_by("pk")
        .values_list("amount", flat=True)
    )


def test_deposit_then_balance_moves_saleors_payment_status(api, staff_api, demo_shop):
    set_policy("kaos-type", deposit_type="NONE", deposit_value=0)
    order = place(api, demo_shop, [("kaos-custom", 1)])
    assert order_payment(staff_api, order)["paymentStatus"] == "NOT_CHARGED"
    total = SHIRT + SHIPPING

    first = record(staff_api, order, 50000, "transfer-1", reference="BCA 0001")
    assert first["openOrderErrors"] == []
    assert first["order"]["paymentStatus"] == "PARTIALLY_CHARGED"
    assert first["order"]["totalCaptured"]["amount"] == 50000
    assert first["paymentSchedule"]["outstanding"]["amount"] == total - 50000
    assert (
        installments(first["paymentSchedule"])["BALANCE"]["paidAmount"]["amount"]
        == 50000
    )
    assert fully_paid_events(order) == 0

    last = record(staff_api, order, total - 50000, "transfer-2", reference="BCA 0002")
    assert last["openOrderErrors"] == []
    assert last["order"]["paymentStatus"] == "FULLY_CHARGED"
    assert installments(last["paymentSchedule"])["BALANCE"]["status"] == "PAID"
    assert last["paymentSchedule"]["outstanding"]["amount"] == 0
    seen = order_payment(staff_api, order)
    assert seen["isPaid"] is True
    assert [e["amount"] for e in seen["events"] if e["type"] == "PAYMENT_CAPTURED"] == [
        50000,
        total - 50000,
    ]
    assert fully_paid_events(order) == 1
    assert captures(order) == [50000, total - 50000]


def test_deposit_recorded_then_the_balance(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    assert order_payment(staff_api, order)["paymentStatus"] == "PARTIALLY_CHARGED"

    result = record(staff_api, order, SHIRT / 2 + SHIPPING, "balance")

    assert result["openOrderErrors"] == []
    assert result["order"]["paymentStatus"] == "FULLY_CHARGED"
    parts = installments(result["paymentSchedule"])
    assert parts["DEPOSIT"]["status"] == parts["BALANCE"]["status"] == "PAID"
    assert fully_paid_events(order) == 1
    assert result["paymentRecord"]["amount"] == {
        "amount": SHIRT / 2 + SHIPPING,
        "currency": "IDR",
    }


def test_the_same_idempotency_key_records_once(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])

    first = record(staff_api, order, 10000, "key-1")
    again = record(staff_api, order, 10000, "key-1")

    assert first["openOrderErrors"] == again["openOrderErrors"] == []
    assert again["paymentRecord"] == first["paymentRecord"]
    assert again["order"]["totalCaptured"]["amount"] == SHIRT / 2 + 10000
    assert captures(order) == [SHIRT / 2, 10000]
    assert PaymentRecord.objects.filter(idempotency_key="key-1").count() == 1

    other = record(staff_api, order, 20000, "key-1")
    assert [e["code"] for e in other["openOrderErrors"]] == ["CONFLICT"]
    assert other["openOrderErrors"][0]["field"] == "idempotencyKey"
    assert captures(order) == [SHIRT / 2, 10000]


def _fire(client, variables_list):
    """Send every request at once from its own thread; return the results."""
    barrier = threading.Barrier(len(variables_list))
    results = [None] * len(variables_list)

    def run(index, variables):
        barrier.wait()
        results[index] = record(client, **variables)

    threads = [
        threading.Thread(target=run, args=(i, v)) for i, v in enumerate(variables_list)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.mark.parametrize("clients", [8, 50])
def test_concurrent_duplicates_capture_once(api, staff_api, demo_shop, clients):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])

    results = _fire(
        staff_api, [{"order": order, "amount": 15000, "key": "same-key"}] * clients
    )

    assert all(r["openOrderErrors"] == [] for r in results)
    assert len({r["paymentRecord"]["id"] for r in results}) == 1
    assert captures(order) == [SHIRT / 2, 15000]
    assert PaymentRecord.objects.filter(idempotency_key="same-key").count() == 1
    assert (
        Payment.objects.get(order__token=order["token"]).captured_amount
        == SHIRT / 2 + 15000
    )


@pytest.mark.parametrize("clients", [6, 50])
def test_concurrent_payments_never_capture_more_than_owed(
    api, staff_api, demo_shop, clients
):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    balance = SHIRT / 2 + SHIPPING

    results = _fire(
        staff_api,
        [
            {"order": order, "amount": balance, "key": "pay-%s" % i}
            for i in range(clients)
        ],
    )

    codes = sorted(e["code"] for r in results for e in r["openOrderErrors"])
    assert codes == ["OVERPAYMENT"] * (clients - 1)
    assert captures(order) == [SHIRT / 2, balance]
    assert fully_paid_events(order) == 1


def _state(order):
    payment = Payment.objects.get(order__token=order["token"])
    return (
        payment.captured_amount,
        payment.charge_status,
        Transaction.objects.filter(payment=payment).count(),
        PaymentRecord.objects.count(),
        list(
            saved(order).payment_schedule.installments.values_list(
                "paid_amount", "status"
            )
        ),
    )


def test_overpayment_and_currency_mismatch_change_nothing(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    before = _state(order)

    over = record(staff_api, order, SHIRT / 2 + SHIPPING + 1, "too-much")
    assert [(e["field"], e["code"]) for e in over["openOrderErrors"]] == [
        ("amount", "OVERPAYMENT")
    ]
    assert "Rp 66,000" in over["openOrderErrors"][0]["message"]

    usd = record(staff_api, order, 10, "dollars", currency="USD")
    assert [(e["field"], e["code"]) for e in usd["openOrderErrors"]] == [
        ("currency", "CURRENCY_MISMATCH")
    ]

    fraction = record(staff_api, order, 100.555, "fraction")
    assert [(e["field"], e["code"]) for e in fraction["openOrderErrors"]] == [
        ("amount", "INVALID")
    ]

    blank = record(staff_api, order, 100, " ", reference=" ")
    assert sorted((e["field"], e["code"]) for e in blank["openOrderErrors"]) == [
        ("idempotencyKey", "REQUIRED"),
        ("reference", "REQUIRED"),
    ]
    assert _state(order) == before

    body = staff_api.execute(
        'mutation($id: ID!) { orderPaymentRecord(orderId: $id, amount: -5, reference: "x", '
        'idempotencyKey: "neg") { openOrderErrors { code } } }',
        {"id": order["id"]},
    )
    assert body["errors"] and "amount" in body["errors"][0]["message"]
    assert _state(order) == before


def test_a_fully_paid_card_order_has_nothing_outstanding(api, staff_api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY)

    result = record(staff_api, order, 1000, "extra")

    assert [e["code"] for e in result["openOrderErrors"]] == ["OVERPAYMENT"]


def test_orders_without_a_schedule_or_payment_are_refused(api, staff_api, demo_shop):
    tote = place(api, demo_shop, [("tas-kanvas", 1)], gateway=DUMMY)
    result = record(staff_api, tote, 1000, "tote")
    assert [(e["field"], e["code"]) for e in result["openOrderErrors"]] == [
        ("orderId", "NOT_MADE_TO_ORDER")
    ]

    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    # The buyer's payment was removed (e.g. a payment taken outside Saleor
    # and cleaned up): nothing to capture against.
    payment = Payment.objects.get(order__token=order["token"])
    payment.is_active = False
    payment.save(update_fields=["is_active"])
    result = record(staff_api, order, 1000, "no-payment")
    assert [(e["field"], e["code"]) for e in result["openOrderErrors"]] == [
        ("orderId", "NO_PAYMENT")
    ]
    assert (
        staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"][
            "outstanding"
        ]["amount"]
        == SHIRT / 2 + SHIPPING
    )


def test_query_counts_stay_small(api, staff_api, demo_shop):
    from .payments_helpers import SCHEDULE_BY_TOKEN
    from .sql import count_queries

    order = place(api, demo_shop, [("kaos-custom", 1)])
    with count_queries() as read:
        api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})
    with count_queries() as write:
        assert record(staff_api, order, 1000, "counted")["openOrderErrors"] == []
    with count_queries() as replay:
        assert record(staff_api, order, 1000, "counted")["openOrderErrors"] == []
    print(
        "schedule by token: %s, record: %s, replay: %s"
        % (read.count, write.count, replay.count)
    )
    # The schedule: the order, the schedule, its installments (no query per
    # installment) and, for its summary, whether a deposit's transfer proof
    # waits for staff.
    assert read.count <= 4
    assert replay.count < write.count
    assert write.count <= 45
