"""E-mails about production: one per stage change (also through a real
worker on Redis), never twice for one change however often the task runs,
in the order's language; delay notices; overdue marking and staff alerts."""

import datetime
import email
import os

import pytest
from django.core import mail
from saleor.account.models import StaffNotificationRecipient
from saleor.order.models import Order

from openorder_plugin.l10n import format_date
from openorder_plugin.models import Notification, ProductionJob
from openorder_plugin.saleor2.plugin import OpenOrderPlugin
from openorder_plugin.tasks import mark_overdue_production_jobs, send_notification

from .production_helpers import (
    JOB,
    TIMELINE,
    UPDATE,
    advance_ok,
    jobs_of,
    place_order,
)
from .workers import wait_for

PLUGIN_UPDATE = """
mutation($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) { pluginsErrors { field code message } }
}
"""


@pytest.fixture
def worker_email_url(tmp_path):
    """The worker writes each e-mail it sends into this directory
    (dj_email_url drops the first slash of the path)."""
    return "file:///%s" % tmp_path


def worker_mails(directory):
    """(subject, to) of every e-mail the worker wrote."""
    found = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name)) as handle:
            for chunk in handle.read().split("-" * 79):
                if chunk.strip():
                    message = email.message_from_string(chunk.strip())
                    found.append((message["Subject"], message["To"]))
    return found


def stage_mails(outbox, order_number):
    return [m for m in outbox if m.subject.startswith("Order #%s: " % order_number)]


@pytest.mark.celery_worker
def test_a_real_worker_sends_one_email_per_stage_change(
    api, staff_api, demo_shop, celery_worker, tmp_path
):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])

    job = advance_ok(staff_api, job)
    first = wait_for(
        lambda: Notification.objects.filter(
            order__token=order["token"], kind="stage_changed", sent_at__isnull=False
        ).first()
    )
    # The task delivered again (as a broker redelivers, or a retry): nothing.
    send_notification.delay(first.pk)
    # The worker runs tasks in order: once the next change's e-mail is out,
    # the repeat has been handled.
    advance_ok(staff_api, job)
    wait_for(
        lambda: (
            Notification.objects.filter(
                order__token=order["token"], kind="stage_changed", sent_at__isnull=False
            ).count()
            == 2
        )
    )
    # File names don't order e-mails sent within one second: compare sorted.
    ours = sorted(
        (subject, to)
        for subject, to in worker_mails(tmp_path)
        if subject.startswith("Order #%s: " % order["number"])
    )
    assert ours == [
        (
            'Order #%s: Kaos Sablon Custom is now "Design confirmed"' % order["number"],
            "pembeli@openorder.test",
        ),
        (
            'Order #%s: Kaos Sablon Custom is now "Printing (sablon)"'
            % order["number"],
            "pembeli@openorder.test",
        ),
    ]
    first.refresh_from_db()
    assert first.attempts == 1


def test_a_retried_task_sends_nothing_more(api, staff_api, demo_shop, settings):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])

    # The mail server is down when the change is made: the in-process task
    # fails, the change stands and the e-mail stays owed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    settings.EMAIL_TIMEOUT = 2
    mail.outbox = []
    job = advance_ok(staff_api, job)
    notification = Notification.objects.get(
        order__token=order["token"], kind="stage_changed"
    )
    assert notification.sent_at is None

    # The retry sends it; every later retry or repeat sends nothing.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_notification.apply(args=[notification.pk], retries=1).result is True
    assert send_notification.apply(args=[notification.pk], retries=2).result is False
    assert send_notification.apply(args=[notification.pk]).result is False
    assert len(stage_mails(mail.outbox, order["number"])) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert notification.attempts == 1


@pytest.mark.parametrize(
    "language,subject",
    [
        ("id", 'Pesanan #{n}: Kue Ulang Tahun Custom sekarang "Confirmed"'),
        ("id-id", 'Pesanan #{n}: Kue Ulang Tahun Custom sekarang "Confirmed"'),
        ("en", 'Order #{n}: Kue Ulang Tahun Custom is now "Confirmed"'),
        ("fr", 'Order #{n}: Kue Ulang Tahun Custom is now "Confirmed"'),
    ],
)
def test_stage_email_in_the_orders_language(
    api, staff_api, demo_shop, language, subject
):
    order = place_order(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    Order.objects.filter(token=order["token"]).update(language_code=language)
    (job,) = jobs_of(staff_api, order["number"])
    mail.outbox = []
    advance_ok(staff_api, job)
    (sent,) = [m for m in mail.outbox if "#%s:" % order["number"] in m.subject]
    assert sent.subject == subject.format(n=order["number"])
    assert sent.to == ["pembeli@openorder.test"]


def _configure_staff_email(staff_api, value):
    errors = staff_api.query(
        PLUGIN_UPDATE,
        {
            "id": OpenOrderPlugin.PLUGIN_ID,
            "input": {
                "active": True,
                "configuration": [
                    {"name": "Staff notification e-mail", "value": value}
                ],
            },
        },
    )["pluginUpdate"]["pluginsErrors"]
    assert errors == []


def test_overdue_jobs_are_marked_and_staff_alerted_once(api, staff_api, demo_shop):
    _configure_staff_email(staff_api, "dapur@openorder.test")
    late = place_order(api, demo_shop, [("kaos-custom", 1)])
    done = place_order(api, demo_shop, [("rangkaian-bunga-custom", 1)])
    cancelled = place_order(api, demo_shop, [("kaos-custom", 1)])
    (late_job,) = jobs_of(staff_api, late["number"])
    (done_job,) = jobs_of(staff_api, done["number"])
    for _ in range(3):
        done_job = advance_ok(staff_api, done_job)
    assert done_job["isLastStage"]
    staff_api.query(
        "mutation($id: ID!) { orderCancel(id: $id) { orderErrors { code } } }",
        {"id": cancelled["id"]},
    )

    promised = datetime.date.fromisoformat(late_job["promisedDate"])
    mail.outbox = []
    # On the promised date itself nothing is late yet.
    assert mark_overdue_production_jobs(promised.isoformat()) == []
    # A week later: the unfinished job is overdue; the finished and the
    # cancelled ones are not.
    week_later = (promised + datetime.timedelta(days=7)).isoformat()
    marked = mark_overdue_production_jobs(week_later)
    assert marked == [ProductionJob.objects.get(order__token=late["token"]).pk]
    job = staff_api.query(JOB, {"id": late_job["id"]})["productionJob"]
    assert job["isOverdue"] is True
    assert job["events"][-1]["type"] == "OVERDUE"
    alerts = [m for m in mail.outbox if m.subject.startswith("Terlambat:")]
    assert len(alerts) == 1
    assert alerts[0].to == ["dapur@openorder.test"]
    # Staff are told in the shop's language (Indonesian by default).
    assert "pesanan #%s" % late["number"] in alerts[0].subject
    # The buyer's timeline says it is late.
    (timeline,) = api.query(TIMELINE, {"token": late["token"]})["productionTimeline"]
    assert timeline["isLate"] is True

    # The next runs alert nobody again.
    assert mark_overdue_production_jobs(week_later) == []
    assert (
        mark_overdue_production_jobs(
            (promised + datetime.timedelta(days=8)).isoformat()
        )
        == []
    )
    assert len([m for m in mail.outbox if m.subject.startswith("Terlambat:")]) == 1
    # The overview filter finds it.
    data = staff_api.query(
        "query { productionJobs(first: 10, filter: {overdue: true}) { totalCount "
        "edges { node { id } } } }"
    )["productionJobs"]
    assert data["totalCount"] == 1
    assert data["edges"][0]["node"]["id"] == late_job["id"]

    # A new, later date makes it on time again (and tells the buyer).
    new_date = (promised + datetime.timedelta(days=30)).isoformat()
    # `today` for the domain is the real today, so the new date is ahead.
    result = staff_api.query(
        UPDATE,
        {"id": job["id"], "input": {"dueDate": new_date}, "version": job["version"]},
    )["productionJobUpdate"]
    assert result["openOrderErrors"] == []
    assert result["job"]["isOverdue"] is False
    notices = [m for m in mail.outbox if "new date" in m.subject]
    assert len(notices) == 1
    assert format_date(datetime.date.fromisoformat(new_date), "en") in notices[0].body


def test_overdue_alert_goes_to_saleors_staff_recipients_without_a_plugin_email(
    api, staff_api, demo_shop
):
    # Saleor 2.10's pluginUpdate writes into the plugin's in-memory default
    # configuration, so an earlier test's e-mail may linger: clear it.
    _configure_staff_email(staff_api, "")
    StaffNotificationRecipient.objects.create(user=demo_shop["staff"], active=True)
    StaffNotificationRecipient.objects.create(
        staff_email="gudang@openorder.test", active=True
    )
    StaffNotificationRecipient.objects.create(
        staff_email="lama@openorder.test", active=False
    )
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    promised = datetime.date.fromisoformat(job["promisedDate"])
    mail.outbox = []
    mark_overdue_production_jobs((promised + datetime.timedelta(days=1)).isoformat())
    alerts = [m for m in mail.outbox if m.subject.startswith("Terlambat:")]
    assert sorted(m.to[0] for m in alerts) == [
        "gudang@openorder.test",
        "staff@openorder.test",
    ]


@pytest.mark.celery_worker
def test_the_periodic_task_marks_overdue_jobs_in_a_real_worker(
    api, staff_api, demo_shop, celery_worker, tmp_path
):
    _configure_staff_email(staff_api, "dapur@openorder.test")
    order = place_order(api, demo_shop, [("kue-ulang-tahun-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    day_after = datetime.date.fromisoformat(job["promisedDate"]) + datetime.timedelta(
        days=1
    )

    # What beat sends: the task by name, on Redis.
    mark_overdue_production_jobs.delay(day_after.isoformat())
    wait_for(
        lambda: ProductionJob.objects.filter(
            order__token=order["token"], is_overdue=True
        ).exists()
    )
    alert = wait_for(
        lambda: Notification.objects.filter(
            order__token=order["token"], kind="overdue_alert", sent_at__isnull=False
        ).first()
    )
    assert alert.recipient == "dapur@openorder.test"
    subjects = [
        subject
        for subject, to in worker_mails(tmp_path)
        if to == "dapur@openorder.test"
    ]
    assert len(subjects) == 1 and subjects[0].startswith(
        "Terlambat: pesanan #%s" % order["number"]
    )
    _configure_staff_email(staff_api, "")


def test_the_beat_schedule_runs_the_overdue_task():
    from django.conf import settings

    from saleor.celeryconf import app

    entry = settings.CELERY_BEAT_SCHEDULE["openorder-mark-overdue-production-jobs"]
    assert entry["task"] == mark_overdue_production_jobs.name
    assert entry["task"] in app.tasks
    # Celery (beat) reads the schedule from Django's settings.
    assert app.conf.beat_schedule["openorder-mark-overdue-production-jobs"] == entry
