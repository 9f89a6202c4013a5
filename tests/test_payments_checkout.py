"""The "Pay deposit / pay later" gateway through Saleor's own checkout flow:
listed for made-to-order checkouts, the total authorised and nothing captured
until staff record money, and every made-to-order order gets its schedule."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from saleor.checkout.models import Checkout
from saleor.order.models import Order

from openorder_plugin.saleor2.gateway.deferred import NOT_MADE_TO_ORDER_MESSAGE

from .payments_helpers import (
    CHECKOUT_GATEWAYS,
    DEFERRED,
    DUMMY,
    SCHEDULE_BY_TOKEN,
    checkout_for,
    fully_paid_events,
    installments,
    order_payment,
    pay,
    place,
    record,
    set_policy,
)

# Kaos: Rp 85.000 + XL Rp 5.000 + "HALO" 4 x Rp 500 = Rp 92.000 a shirt; 50% deposit.
SHIRT = 92000
SHIPPING = 20000


def gateways(api, checkout):
    data = api.query(CHECKOUT_GATEWAYS, {"token": checkout["token"]})
    return {g["id"]: g["name"] for g in data["checkout"]["availablePaymentGateways"]}


def test_the_gateway_is_listed_only_for_made_to_order_checkouts(api, demo_shop):
    tote_only = checkout_for(api, demo_shop, [("tas-kanvas", 1)])
    with_shirt = checkout_for(api, demo_shop, [("kaos-custom", 1), ("tas-kanvas", 1)])

    assert DEFERRED not in gateways(api, tote_only)
    assert DUMMY in gateways(api, tote_only)
    listed = gateways(api, with_shirt)
    assert listed[DEFERRED] == "Pay deposit / pay later"
    assert DUMMY in listed


def test_the_gateway_refuses_a_checkout_without_made_to_order_lines(api, demo_shop):
    checkout = checkout_for(api, demo_shop, [("tas-kanvas", 1)])

    result = pay(api, checkout, DEFERRED)

    assert result["order"] is None
    assert [(e["code"], e["message"]) for e in result["checkoutErrors"]] == [
        ("PAYMENT_ERROR", NOT_MADE_TO_ORDER_MESSAGE)
    ]
    assert not Order.objects.exists()
    assert Checkout.objects.filter(token=checkout["token"]).exists()


def test_deferred_checkout_captures_nothing_and_the_deposit_is_due(
    api, staff_api, demo_shop
):
    before = timezone.now()
    order = place(api, demo_shop, [("kaos-custom", 2)])

    total = 2 * SHIRT + SHIPPING
    assert order["total"]["gross"]["amount"] == total
    # No money has moved: the buyer only promised to pay.
    assert order["paymentStatus"] == "NOT_CHARGED"
    seen = order_payment(staff_api, order)
    (payment,) = seen["payments"]
    assert payment["gateway"] == DEFERRED
    assert payment["total"]["amount"] == total
    assert payment["capturedAmount"]["amount"] == 0
    assert [(t["kind"], t["amount"]["amount"]) for t in payment["transactions"]] == [
        ("AUTH", total)
    ]
    assert seen["totalCaptured"]["amount"] == 0
    assert [e for e in seen["events"] if e["type"] == "PAYMENT_CAPTURED"] == []
    assert fully_paid_events(order) == 0

    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    assert schedule["total"] == {"amount": total, "currency": "IDR"}
    assert schedule["outstanding"]["amount"] == total
    assert schedule["state"] == "AWAITING_DEPOSIT"
    # The deposit payment window: 24 hours by default.
    deadline = parse_datetime(schedule["deadline"])
    assert (
        before + timedelta(hours=24) <= deadline <= timezone.now() + timedelta(hours=24)
    )
    parts = installments(schedule)
    assert parts["DEPOSIT"]["amount"]["amount"] == SHIRT  # 50% of 2 shirts
    assert parts["DEPOSIT"]["paidAmount"]["amount"] == 0
    assert (parts["DEPOSIT"]["status"], parts["DEPOSIT"]["dueTrigger"]) == (
        "DUE",
        "AT_CHECKOUT",
    )
    assert (
        parts["DEPOSIT"]["dueDate"] == timezone.localtime(deadline).date().isoformat()
    )
    # Shipping belongs to the balance.
    assert parts["BALANCE"]["amount"]["amount"] == SHIRT + SHIPPING
    assert (parts["BALANCE"]["status"], parts["BALANCE"]["dueTrigger"]) == (
        "PENDING",
        "ON_READY",
    )
    assert parts["BALANCE"]["paidAmount"]["amount"] == 0
    assert schedule["summary"].startswith(
        "Waiting for the deposit: Rp 92,000, to be paid by "
    )


def test_a_recorded_deposit_is_paid_and_closes_the_window(api, staff_api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 2)])

    result = record(staff_api, order, SHIRT, "dp-1")

    assert result["openOrderErrors"] == []
    assert result["order"]["paymentStatus"] == "PARTIALLY_CHARGED"
    schedule = result["paymentSchedule"]
    assert installments(schedule)["DEPOSIT"]["status"] == "PAID"
    assert installments(schedule)["BALANCE"]["status"] == "PENDING"
    assert (schedule["state"], schedule["deadline"]) == ("BALANCE_PENDING", None)
    assert schedule["summary"] == (
        "Deposit paid. The balance of Rp 112,000 is due when the order is ready."
    )


def test_pay_on_delivery_captures_nothing(api, staff_api, demo_shop):
    set_policy("kue-ulang-tahun-type", deposit_type="NONE", deposit_value=0)

    order = place(api, demo_shop, [("kue-ulang-tahun-custom", 1)])

    total = 250000 + SHIPPING
    assert order["paymentStatus"] == "NOT_CHARGED"
    seen = order_payment(staff_api, order)
    assert seen["totalAuthorized"]["amount"] == total
    assert seen["totalCaptured"]["amount"] == 0
    assert [t["kind"] for t in seen["payments"][0]["transactions"]] == ["AUTH"]
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    assert [
        (i["kind"], i["amount"]["amount"], i["dueTrigger"], i["status"])
        for i in schedule["installments"]
    ] == [("BALANCE", total, "ON_DELIVERY", "PENDING")]
    # Nothing due up front: staff have the confirmation window (48 hours).
    assert schedule["state"] == "AWAITING_CONFIRMATION"
    deadline = parse_datetime(schedule["deadline"])
    assert timedelta(hours=47) < deadline - timezone.now() <= timedelta(hours=48)


def test_full_deposit_is_owed_in_full_until_recorded(api, staff_api, demo_shop):
    order = place(api, demo_shop, [("rangkaian-bunga-custom", 1)])

    total = 350000 + 50000 + 40000 + SHIPPING  # roses and lilies, shipping
    assert order["paymentStatus"] == "NOT_CHARGED"
    seen = order_payment(staff_api, order)
    assert seen["isPaid"] is False
    assert seen["payments"][0]["capturedAmount"]["amount"] == 0
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    assert [
        (i["kind"], i["amount"]["amount"], i["status"])
        for i in schedule["installments"]
    ] == [("DEPOSIT", total, "DUE")]
    assert schedule["outstanding"]["amount"] == total

    result = record(staff_api, order, total, "lunas-1")

    assert result["order"]["paymentStatus"] == "FULLY_CHARGED"
    assert fully_paid_events(order) == 1
    assert result["paymentSchedule"]["state"] == "PAID"
    assert result["paymentSchedule"]["outstanding"]["amount"] == 0


def test_a_card_payment_of_the_total_still_gets_a_schedule(api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY)

    assert order["paymentStatus"] == "FULLY_CHARGED"
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    parts = installments(schedule)
    # What the gateway really captured is paid; no deadline is left open.
    assert parts["DEPOSIT"]["status"] == parts["BALANCE"]["status"] == "PAID"
    assert (schedule["state"], schedule["deadline"]) == ("PAID", None)
    assert parts["BALANCE"]["paidAmount"]["amount"] == SHIRT - SHIRT / 2 + SHIPPING


def test_a_card_authorisation_leaves_the_deposit_due(api, demo_shop):
    # The dummy gateway's "not-charged" token only authorises, like a card
    # gateway without automatic capture.
    order = place(
        api, demo_shop, [("kaos-custom", 1)], gateway=DUMMY, token="not-charged"
    )

    assert order["paymentStatus"] == "NOT_CHARGED"
    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    assert installments(schedule)["DEPOSIT"]["status"] == "DUE"


def test_ready_stock_orders_have_no_schedule(api, demo_shop):
    order = place(api, demo_shop, [("tas-kanvas", 1)], gateway=DUMMY)
    assert (
        api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
            "paymentScheduleByOrderToken"
        ]
        is None
    )


def test_mixed_order_takes_the_latest_trigger_and_exact_amounts(api, demo_shop):
    order = place(
        api,
        demo_shop,
        [("kaos-custom", 1), ("kue-ulang-tahun-custom", 1), ("tas-kanvas", 1)],
    )

    schedule = api.query(SCHEDULE_BY_TOKEN, {"token": order["token"]})[
        "paymentScheduleByOrderToken"
    ]
    parts = installments(schedule)
    total = order["total"]["gross"]["amount"]
    assert parts["DEPOSIT"]["amount"]["amount"] == SHIRT / 2 + 100000
    assert (
        parts["DEPOSIT"]["amount"]["amount"] + parts["BALANCE"]["amount"]["amount"]
        == total
    )
    assert parts["BALANCE"]["dueTrigger"] == "ON_DELIVERY"
    assert (
        Decimal(str(schedule["total"]["amount"]))
        == Order.objects.get(token=order["token"]).total_gross_amount
    )
