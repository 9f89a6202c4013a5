"""Balance reminders (Celery beat): when the balance becomes due the buyer
gets one e-mail, in the order's language; once it is overdue staff are told
once; however often, and however concurrently, the task runs."""

import datetime
import email
import os
import threading
import time

import pytest
import redis
from django.core import mail
from django.db import connection
from django.utils import timezone
from saleor.order import OrderEvents
from saleor.order.models import Order, OrderEvent

from openorder_plugin.l10n import format_date
from openorder_plugin.models import Installment
from openorder_plugin.payments.reminders import run_reminders
from openorder_plugin.saleor2.plugin import OpenOrderPlugin
from openorder_plugin.tasks import run_payment_reminders

from .payments_helpers import place, place_with_deposit, set_policy
from .production_helpers import advance_ok, jobs_of
from .test_foundation import PLUGIN_UPDATE
from .workers import REDIS_URL, wait_for

SHIRT = 92000
SHIPPING = 20000
BALANCE = SHIRT / 2 + SHIPPING


def notes(order, prefix):
    return OrderEvent.objects.filter(
        order__token=order["token"],
        type=OrderEvents.NOTE_ADDED,
        parameters__message__startswith=prefix,
    ).count()


def balance_mails(to=None):
    return [
        m
        for m in mail.outbox
        if ("balance" in m.subject.lower() or "pelunasan" in m.subject.lower())
        and (to is None or m.to == [to])
    ]


def concurrently(fn, times=4):
    """Run fn in `times` threads at once, each with its own connection."""
    barrier = threading.Barrier(times)
    errors = []

    def run():
        try:
            barrier.wait()
            fn()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []


def make_ready(staff_api, order):
    (job,) = jobs_of(staff_api, order["number"])
    advance_ok(staff_api, job, toStage="READY")


def balance_of(order):
    return Installment.objects.get(
        schedule__order__token=order["token"], kind="BALANCE"
    )


def test_one_reminder_when_due_and_one_staff_alert_when_overdue(
    api, staff_api, demo_shop
):
    data = staff_api.query(
        PLUGIN_UPDATE,
        {
            "id": OpenOrderPlugin.PLUGIN_ID,
            "input": {
                "active": True,
                "configuration": [
                    {
                        "name": "Staff notification e-mail",
                        "value": "dapur@openorder.test",
                    }
                ],
            },
        },
    )["pluginUpdate"]
    assert data["pluginsErrors"] == []
    english = place_with_deposit(
        api, staff_api, demo_shop, [("kaos-custom", 1)], key="dp-en"
    )
    indonesian = place_with_deposit(
        api, staff_api, demo_shop, [("kaos-custom", 1)], key="dp-id"
    )
    Order.objects.filter(token=indonesian["token"]).update(language_code="id")
    mail.outbox = []

    # Not ready yet: nothing is due.
    assert run_reminders() == 0
    assert balance_of(english).status == "PENDING"

    make_ready(staff_api, english)
    make_ready(staff_api, indonesian)
    concurrently(run_reminders)
    concurrently(run_reminders)

    today = timezone.localdate()
    for order in (english, indonesian):
        balance = balance_of(order)
        assert balance.status == "DUE"
        assert balance.due_date == today + datetime.timedelta(days=3)
        assert notes(order, "Balance reminder sent") == 1
    reminders = balance_mails("pembeli@openorder.test")
    assert sorted(m.subject for m in reminders) == sorted(
        [
            "Order #%s: your balance of Rp 66,000 is due" % english["number"],
            "Pesanan #%s: pelunasan Rp 66.000 sudah jatuh tempo" % indonesian["number"],
        ]
    )
    due = today + datetime.timedelta(days=3)
    assert "Please pay by %s." % format_date(due, "en") in next(
        m.body for m in reminders if m.subject.startswith("Order")
    )
    assert "paling lambat %s." % format_date(due, "id") in next(
        m.body for m in reminders if m.subject.startswith("Pesanan")
    )

    # Four days later, still unpaid: overdue, staff told once.
    later = timezone.now() + datetime.timedelta(days=4)
    concurrently(lambda: run_reminders(now=later))
    assert run_reminders(now=later) == 0
    for order in (english, indonesian):
        assert balance_of(order).status == "OVERDUE"
        assert notes(order, "Balance overdue") == 1
        assert notes(order, "Balance reminder sent") == 1
    alerts = [m for m in mail.outbox if m.to == ["dapur@openorder.test"]]
    # Staff are told in the shop's language (Indonesian by default).
    assert sorted(m.subject for m in alerts) == sorted(
        "Pelunasan terlambat: pesanan #%s (Rp 66.000)" % order["number"]
        for order in (english, indonesian)
    )
    assert len(balance_mails("pembeli@openorder.test")) == 2


def test_a_paid_balance_is_left_alone(api, staff_api, demo_shop):
    from .payments_helpers import record

    paid = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    assert record(staff_api, paid, BALANCE, "paid")["openOrderErrors"] == []
    make_ready(staff_api, paid)
    mail.outbox = []

    assert run_reminders(now=timezone.now() + datetime.timedelta(days=30)) == 0
    assert balance_mails() == []
    assert balance_of(paid).status == "PAID"


def test_a_balance_due_days_after_the_order(api, demo_shop):
    set_policy("kaos-type", balance_due="DAYS_AFTER_ORDER", balance_due_days=10)
    order = place(api, demo_shop, [("kaos-custom", 1)])
    balance = balance_of(order)
    assert balance.due_date == timezone.localdate() + datetime.timedelta(days=10)
    mail.outbox = []

    assert run_reminders(now=timezone.now() + datetime.timedelta(days=6)) == 0
    assert run_reminders(now=timezone.now() + datetime.timedelta(days=7)) == 1
    assert balance_of(order).status == "DUE"
    assert run_reminders(now=timezone.now() + datetime.timedelta(days=10)) == 0
    assert balance_of(order).status == "DUE"
    run_reminders(now=timezone.now() + datetime.timedelta(days=11))
    assert balance_of(order).status == "OVERDUE"
    assert len(balance_mails("pembeli@openorder.test")) == 1


@pytest.fixture
def worker_email_url(tmp_path):
    return "file:///%s" % tmp_path


def worker_mails(directory):
    found = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name)) as handle:
            for chunk in handle.read().split("-" * 79):
                if chunk.strip():
                    message = email.message_from_string(chunk.strip())
                    found.append((message["Subject"], message["To"]))
    return found


@pytest.mark.celery_worker
def test_the_beat_task_on_a_real_worker_reminds_once(
    api, staff_api, demo_shop, celery_worker, tmp_path
):
    order = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    make_ready(staff_api, order)

    for _ in range(3):
        run_payment_reminders.delay()
    wait_for(lambda: notes(order, "Balance reminder sent") >= 1)
    # The worker takes tasks one at a time: once the queue is empty and the
    # last task has had time to finish, every run is done.
    queue = redis.Redis.from_url(REDIS_URL)
    wait_for(lambda: queue.llen("celery") == 0)
    time.sleep(2)

    assert notes(order, "Balance reminder sent") == 1
    assert balance_of(order).status == "DUE"
    ours = [(s, to) for s, to in worker_mails(tmp_path) if "balance" in s]
    assert ours == [
        (
            "Order #%s: your balance of Rp 66,000 is due" % order["number"],
            "pembeli@openorder.test",
        )
    ]
