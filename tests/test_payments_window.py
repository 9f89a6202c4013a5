"""The payment window: an order whose deposit is not paid in time (or that
staff do not confirm, when nothing is due up front) is cancelled through
Saleor's own cancellation exactly once, its capacity freed and its buyer told
once; staff can give one order more time."""

import datetime
import time

import pytest
import redis
from django.core import mail
from django.utils import timezone
from saleor.order import OrderEvents, OrderStatus
from saleor.order.models import Order, OrderEvent

from openorder_plugin.models import CapacityReservation, PaymentSchedule, ProductionJob
from openorder_plugin.models.production import JobStatus
from openorder_plugin.payments.window import lapse_overdue
from openorder_plugin.tasks import lapse_unpaid_orders

from .payments_helpers import (
    SCHEDULE,
    installments,
    order_payment,
    place,
    record,
    set_policy,
)
from .production_helpers import advance_ok, jobs_of, specs_for
from .specs_helpers import QUOTE
from .storefront import variant_id
from .test_payments_reminders import concurrently, worker_mails
from .workers import REDIS_URL, wait_for

EXTEND = """
mutation($id: ID!, $deadline: DateTime!) {
  orderPaymentDeadlineExtend(orderId: $id, deadline: $deadline) {
    paymentSchedule { state deadline summary installments { kind status dueDate } }
    openOrderErrors { field code message }
  }
}
"""


def lapse_notes(order):
    return OrderEvent.objects.filter(
        order__token=order["token"],
        type=OrderEvents.NOTE_ADDED,
        parameters__message__startswith="Cancelled automatically",
    ).count()


def lapse_mails(order):
    return [
        m
        for m in mail.outbox
        if m.subject == "Order #%s has been cancelled" % order["number"]
    ]


def promised(api, demo_shop, slug):
    data = api.query(
        QUOTE,
        {
            "variantId": variant_id(demo_shop["products"][slug]),
            "quantity": 1,
            "specs": specs_for(slug),
        },
    )["madeToOrderQuote"]
    assert data["errors"] == [], data["errors"]
    return datetime.date.fromisoformat(data["promisedDate"])


def test_an_unpaid_deposit_lapses_once_and_frees_the_capacity(
    api, staff_api, demo_shop
):
    # One cake a day: the unpaid order holds the earliest day.
    set_policy("kue-ulang-tahun-type", daily_capacity=1)
    free = promised(api, demo_shop, "kue-ulang-tahun-custom")
    order = place(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    assert promised(api, demo_shop, "kue-ulang-tahun-custom") > free
    schedule = PaymentSchedule.objects.get(order__token=order["token"])
    mail.outbox = []

    # Before the deadline nothing happens.
    assert lapse_overdue(now=schedule.deadline - datetime.timedelta(minutes=1)) == []
    # Two sweeps at once after it: one cancellation.
    later = schedule.deadline + datetime.timedelta(minutes=1)
    concurrently(lambda: lapse_overdue(now=later))
    assert lapse_overdue(now=later) == []

    saved = Order.objects.get(token=order["token"])
    assert saved.status == OrderStatus.CANCELED
    assert (
        OrderEvent.objects.filter(order=saved, type=OrderEvents.CANCELED).count() == 1
    )
    assert lapse_notes(order) == 1
    assert len(lapse_mails(order)) == 1
    assert "the deposit was not paid by" in lapse_mails(order)[0].body
    assert ProductionJob.objects.get(order=saved).status == JobStatus.CANCELLED
    assert not CapacityReservation.objects.filter(order=saved, released=False).exists()
    # Nothing had been paid: the authorisation is voided, nothing is owed.
    seen = order_payment(staff_api, order)
    assert [t["kind"] for t in seen["payments"][0]["transactions"]] == ["AUTH", "VOID"]
    data = staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"]
    assert (data["state"], data["deadline"], data["outstanding"]["amount"]) == (
        "LAPSED",
        None,
        0,
    )
    assert data["summary"].startswith(
        "Cancelled automatically: the deposit was not paid by "
    )
    # The next buyer gets the freed day again.
    assert promised(api, demo_shop, "kue-ulang-tahun-custom") == free


def test_a_paid_deposit_never_lapses(api, staff_api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 1)])
    schedule = PaymentSchedule.objects.get(order__token=order["token"])
    deposit = installments(
        staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"]
    )["DEPOSIT"]
    assert (
        record(staff_api, order, deposit["amount"]["amount"], "dp")["openOrderErrors"]
        == []
    )

    assert lapse_overdue(now=schedule.deadline + datetime.timedelta(days=3)) == []
    assert Order.objects.get(token=order["token"]).status != OrderStatus.CANCELED


def test_staff_extend_one_orders_deadline(api, staff_api, demo_shop):
    order = place(api, demo_shop, [("kaos-custom", 1)])
    schedule = PaymentSchedule.objects.get(order__token=order["token"])
    new_deadline = schedule.deadline + datetime.timedelta(hours=24)

    past = staff_api.query(
        EXTEND, {"id": order["id"], "deadline": timezone.now().isoformat()}
    )
    assert [
        (e["field"], e["code"])
        for e in past["orderPaymentDeadlineExtend"]["openOrderErrors"]
    ] == [("deadline", "INVALID_DATE")]
    # A buyer (or anyone without MANAGE_ORDERS) cannot.
    anonymous = api.execute(
        EXTEND, {"id": order["id"], "deadline": new_deadline.isoformat()}
    )
    assert (
        anonymous["errors"]
        and "permission" in anonymous["errors"][0]["message"].lower()
    )

    result = staff_api.query(
        EXTEND, {"id": order["id"], "deadline": new_deadline.isoformat()}
    )["orderPaymentDeadlineExtend"]
    assert result["openOrderErrors"] == []
    assert result["paymentSchedule"]["state"] == "AWAITING_DEPOSIT"
    assert result["paymentSchedule"]["deadline"] == new_deadline.isoformat()
    deposit = installments(result["paymentSchedule"])["DEPOSIT"]
    assert deposit["dueDate"] == timezone.localtime(new_deadline).date().isoformat()

    # The old deadline has passed: the order stands.
    assert lapse_overdue(now=schedule.deadline + datetime.timedelta(hours=1)) == []
    assert Order.objects.get(token=order["token"]).status != OrderStatus.CANCELED
    # The new one passes too: now it lapses.
    assert lapse_overdue(now=new_deadline + datetime.timedelta(minutes=1)) == [
        Order.objects.get(token=order["token"]).pk
    ]
    assert Order.objects.get(token=order["token"]).status == OrderStatus.CANCELED
    again = staff_api.query(
        EXTEND, {"id": order["id"], "deadline": new_deadline.isoformat()}
    )
    assert [
        e["code"] for e in again["orderPaymentDeadlineExtend"]["openOrderErrors"]
    ] == ["INVALID"]


def test_an_order_with_nothing_due_lapses_unless_staff_confirm_it(
    api, staff_api, demo_shop
):
    set_policy("kue-ulang-tahun-type", deposit_type="NONE", deposit_value=0)
    confirmed = place(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    forgotten = place(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    (job,) = jobs_of(staff_api, confirmed["number"])
    advance_ok(staff_api, job)  # to CONFIRMED: staff confirm the order

    data = staff_api.query(SCHEDULE, {"id": confirmed["id"]})["orderPaymentSchedule"]
    assert (data["state"], data["deadline"]) == ("BALANCE_PENDING", None)
    mail.outbox = []
    lapsed = lapse_overdue(now=timezone.now() + datetime.timedelta(hours=49))

    assert lapsed == [Order.objects.get(token=forgotten["token"]).pk]
    assert Order.objects.get(token=confirmed["token"]).status != OrderStatus.CANCELED
    assert "could not confirm it by" in lapse_mails(forgotten)[0].body
    assert lapse_notes(forgotten) == 1


def test_a_window_of_zero_hours_is_off(api, staff_api, demo_shop):
    from .test_foundation import PLUGIN_UPDATE
    from openorder_plugin.saleor2.plugin import OpenOrderPlugin

    def configure(value):
        return staff_api.query(
            PLUGIN_UPDATE,
            {
                "id": OpenOrderPlugin.PLUGIN_ID,
                "input": {
                    "configuration": [
                        {"name": "Deposit payment window", "value": value}
                    ]
                },
            },
        )["pluginUpdate"]["pluginsErrors"]

    errors = configure("a day")
    assert [e["field"] for e in errors] == ["Deposit payment window"]
    assert configure("0") == []
    order = place(api, demo_shop, [("kaos-custom", 1)])

    data = staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"]
    assert (data["state"], data["deadline"]) == ("AWAITING_DEPOSIT", None)
    assert lapse_overdue(now=timezone.now() + datetime.timedelta(days=30)) == []


@pytest.fixture
def worker_email_url(tmp_path):
    return "file:///%s" % tmp_path


@pytest.mark.celery_worker
def test_the_beat_task_on_a_real_worker_lapses_once(
    api, demo_shop, celery_worker, tmp_path
):
    order = place(api, demo_shop, [("kaos-custom", 1)])
    PaymentSchedule.objects.filter(order__token=order["token"]).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )

    for _ in range(3):
        lapse_unpaid_orders.delay()
    wait_for(
        lambda: Order.objects.get(token=order["token"]).status == OrderStatus.CANCELED
    )
    wait_for(
        lambda: [
            s
            for s, _to in worker_mails(tmp_path)
            if s == "Order #%s has been cancelled" % order["number"]
        ]
    )
    # Once the queue is empty and the last task has had time to finish,
    # every run is done.
    lapse_unpaid_orders.delay()
    queue = redis.Redis.from_url(REDIS_URL)
    wait_for(lambda: queue.llen("celery") == 0)
    time.sleep(2)

    assert lapse_notes(order) == 1
    cancelled = [
        s
        for s, to in worker_mails(tmp_path)
        if s == "Order #%s has been cancelled" % order["number"]
    ]
    assert cancelled == ["Order #%s has been cancelled" % order["number"]]
