"""Cancelling an order: before the free-cancellation stage everything
captured is refunded (or the authorisation voided); after it the deposit is
kept and the balance waived. The rule is on the schedule and in the order's
history."""

from saleor.order import OrderEvents
from saleor.order.models import OrderEvent

from .payments_helpers import (
    DUMMY,
    SCHEDULE,
    installments,
    order_payment,
    place,
    place_with_deposit,
    record,
    set_policy,
)
from .production_helpers import ORDER_CANCEL, advance_ok, jobs_of

SHIRT = 92000
SHIPPING = 20000
TOTAL = SHIRT + SHIPPING


def cancel(staff_api, order):
    result = staff_api.query(ORDER_CANCEL, {"id": order["id"]})["orderCancel"]
    assert result["orderErrors"] == [], result["orderErrors"]
    return result


def after_cancel(staff_api, order):
    seen = order_payment(staff_api, order)
    schedule = staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"]
    notes = list(
        OrderEvent.objects.filter(
            order__token=order["token"], type=OrderEvents.NOTE_ADDED
        )
        .filter(parameters__message__startswith="Cancelled")
        .values_list("parameters__message", flat=True)
    )
    return seen, schedule, notes


def refunds(seen):
    return [
        t["amount"]["amount"]
        for t in seen["payments"][0]["transactions"]
        if t["kind"] == "REFUND"
    ]


def test_cancelling_at_the_free_stage_refunds_the_deposit(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    advance_ok(staff_api, job)  # CONFIRMED: the konveksi's last free stage

    cancel(staff_api, order)

    seen, schedule, notes = after_cancel(staff_api, order)
    assert seen["paymentStatus"] == "FULLY_REFUNDED"
    assert refunds(seen) == [SHIRT / 2]
    assert seen["payments"][0]["isActive"] is False
    assert [e["amount"] for e in seen["events"] if e["type"] == "PAYMENT_REFUNDED"] == [
        SHIRT / 2
    ]
    assert schedule["cancellationRule"] == "FULL_REFUND"
    parts = installments(schedule)
    assert (parts["DEPOSIT"]["status"], parts["BALANCE"]["status"]) == (
        "REFUNDED",
        "WAIVED",
    )
    assert schedule["outstanding"]["amount"] == 0
    assert notes == [
        "Cancelled before the free-cancellation stage: full refund (Rp 46,000 refunded)."
    ]

    late = record(staff_api, order, 1000, "after-cancel")
    assert [e["code"] for e in late["openOrderErrors"]] == ["INVALID"]


def test_cancelling_a_card_order_early_refunds_the_whole_total(
    api, staff_api, demo_shop
):
    order = place(api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY)

    cancel(staff_api, order)

    seen, schedule, _notes = after_cancel(staff_api, order)
    assert refunds(seen) == [TOTAL]
    assert seen["paymentStatus"] == "FULLY_REFUNDED"
    parts = installments(schedule)
    assert parts["DEPOSIT"]["status"] == parts["BALANCE"]["status"] == "REFUNDED"


def test_cancelling_with_nothing_captured_voids_the_authorisation(
    api, staff_api, demo_shop
):
    set_policy("kaos-type", deposit_type="NONE", deposit_value=0)
    order = place(api, demo_shop, [("kaos-custom", 1)])

    cancel(staff_api, order)

    seen, schedule, notes = after_cancel(staff_api, order)
    assert refunds(seen) == []
    assert [t["kind"] for t in seen["payments"][0]["transactions"]] == ["AUTH", "VOID"]
    assert seen["payments"][0]["isActive"] is False
    assert any(e["type"] == "PAYMENT_VOIDED" for e in seen["events"])
    assert installments(schedule)["BALANCE"]["status"] == "WAIVED"
    assert notes == [
        "Cancelled before the free-cancellation stage: full refund (Rp 0 refunded, authorisation voided)."
    ]


def test_cancelling_after_the_free_stage_keeps_the_deposit(api, staff_api, demo_shop):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    advance_ok(staff_api, job, toStage="IN_PRODUCTION")

    cancel(staff_api, order)

    seen, schedule, notes = after_cancel(staff_api, order)
    assert refunds(seen) == []
    assert seen["paymentStatus"] == "PARTIALLY_CHARGED"
    assert seen["totalCaptured"]["amount"] == SHIRT / 2
    assert schedule["cancellationRule"] == "DEPOSIT_KEPT"
    parts = installments(schedule)
    assert (parts["DEPOSIT"]["status"], parts["BALANCE"]["status"]) == (
        "PAID",
        "WAIVED",
    )
    assert schedule["outstanding"]["amount"] == 0
    assert notes == [
        "Cancelled after the free-cancellation stage: deposit kept (Rp 46,000), balance waived (Rp 0 refunded)."
    ]


def test_cancelling_a_card_order_late_refunds_all_but_the_deposit(
    api, staff_api, demo_shop
):
    order = place(api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY)
    (job,) = jobs_of(staff_api, order["number"])
    advance_ok(staff_api, job, toStage="QUALITY_CHECK")

    cancel(staff_api, order)

    seen, schedule, _notes = after_cancel(staff_api, order)
    assert refunds(seen) == [TOTAL - SHIRT / 2]
    assert seen["paymentStatus"] == "PARTIALLY_REFUNDED"
    assert seen["totalCaptured"]["amount"] == SHIRT / 2
    parts = installments(schedule)
    assert (parts["DEPOSIT"]["status"], parts["BALANCE"]["status"]) == (
        "PAID",
        "REFUNDED",
    )
