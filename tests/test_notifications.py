"""E-mails a buyer wants and staff rely on: no e-mail for rework, the product
type's choice of stages, one e-mail for jobs of an order that reach a stage
together, the buyer's language (dates and money too), and one list of staff
recipients for every alert."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from saleor.account.models import StaffNotificationRecipient

from openorder_plugin.l10n import format_date
from openorder_plugin.models import Notification
from openorder_plugin.payments.reminders import run_reminders
from openorder_plugin.tasks import mark_overdue_production_jobs

from saleor.order.models import Order
from saleor.product.models import ProductType

from .catalog_helpers import MADE_TO_ORDER_UPDATE, gid
from .client import ApiClient
from .payments_helpers import place, place_with_deposit
from .production_helpers import advance_ok, jobs_of, place_order
from .test_payments_reminders import make_ready, worker_mails
from .test_production_notifications import _configure_staff_email
from .workers import wait_for


def stage_mails(order):
    return [
        m
        for m in mail.outbox
        if m.subject.startswith(
            ("Order #%s: " % order["number"], "Pesanan #%s: " % order["number"])
        )
        and (" now " in m.subject or " sekarang " in m.subject)
    ]


def test_rework_never_emails_the_buyer_and_a_stage_is_told_once(
    api, staff_api, demo_shop
):
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    mail.outbox = []

    job = advance_ok(staff_api, job)  # CONFIRMED
    job = advance_ok(staff_api, job)  # IN_PRODUCTION
    job = advance_ok(staff_api, job, toStage="CONFIRMED", note="wrong colour")  # rework
    job = advance_ok(staff_api, job)  # IN_PRODUCTION again: the buyer knows

    assert [m.subject for m in stage_mails(order)] == [
        'Order #%s: Kaos Sablon Custom is now "Design confirmed"' % order["number"],
        'Order #%s: Kaos Sablon Custom is now "Printing (sablon)"' % order["number"],
    ]

    # Back to a stage the job skipped (never told): rework still says nothing.
    skipped = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, skipped["number"])
    mail.outbox = []
    job = advance_ok(staff_api, job, toStage="IN_PRODUCTION")
    advance_ok(staff_api, job, toStage="CONFIRMED", note="design not approved yet")
    assert [m.subject for m in stage_mails(skipped)] == [
        'Order #%s: Kaos Sablon Custom is now "Printing (sablon)"' % skipped["number"],
    ]


def test_the_product_type_chooses_the_stages_that_email(api, staff_api, demo_shop):
    type_id = gid("ProductType", ProductType.objects.get(slug="kaos-type").pk)
    unknown = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {"productTypeId": type_id, "input": {"notifyStages": ["BAKING"]}},
    )
    errors = unknown["productTypeMadeToOrderUpdate"]["openOrderErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("input.notifyStages", "INVALID")
    ]

    chosen = staff_api.query(
        MADE_TO_ORDER_UPDATE,
        {
            "productTypeId": type_id,
            "input": {"notifyStages": ["READY", "IN_PRODUCTION"]},
        },
    )["productTypeMadeToOrderUpdate"]
    assert chosen["openOrderErrors"] == []
    assert chosen["madeToOrderSettings"]["notifyStages"] == ["IN_PRODUCTION", "READY"]
    order = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, order["number"])
    mail.outbox = []

    for _ in range(4):
        job = advance_ok(staff_api, job)

    assert [m.subject for m in stage_mails(order)] == [
        'Order #%s: Kaos Sablon Custom is now "Printing (sablon)"' % order["number"],
        'Order #%s: Kaos Sablon Custom is now "Ready to ship"' % order["number"],
    ]


@pytest.fixture
def worker_email_url(tmp_path):
    return "file:///%s" % tmp_path


@pytest.mark.celery_worker
def test_jobs_reaching_a_stage_together_send_one_email(
    api, staff_api, demo_shop, settings, celery_worker, tmp_path
):
    settings.OPENORDER_STAGE_EMAIL_BATCH_SECONDS = 4
    order = place_order(
        api,
        demo_shop,
        [
            ("kaos-custom", 1),
            ("kue-ulang-tahun-custom", 1),
            ("rangkaian-bunga-custom", 1),
        ],
    )
    jobs = jobs_of(staff_api, order["number"])
    assert len(jobs) == 3

    jobs = [advance_ok(staff_api, job) for job in jobs]  # all CONFIRMED
    # A moment later, in the same minute: still one e-mail.
    jobs = [advance_ok(staff_api, job, toStage="READY") for job in jobs]

    def ours():
        return sorted(
            s
            for s, _to in worker_mails(tmp_path)
            if s.startswith("Order #%s:" % order["number"])
        )

    wait_for(lambda: len(ours()) >= 2, timeout=60)
    # One e-mail per stage, each listing the three items (the subject names
    # the stage as the first job's type calls it).
    (confirmed, ready) = sorted(ours(), key=lambda s: "Ready" in s)
    assert confirmed in [
        'Order #%s: 3 items are now "%s"' % (order["number"], label)
        for label in ("Design confirmed", "Confirmed")
    ]
    assert ready in [
        'Order #%s: 3 items are now "%s"' % (order["number"], label)
        for label in ("Ready to ship", "Ready")
    ]
    sent = Notification.objects.filter(
        order__token=order["token"], kind="stage_changed"
    )
    assert sent.count() == 2
    assert all(len(n.context["items"]) == 3 and n.sent_at for n in sent)


def test_an_order_placed_in_indonesian_hears_in_indonesian(
    live_server, site, demo_shop, staff_api
):
    indonesian = ApiClient(live_server.url, language="id")
    english = ApiClient(live_server.url, language="en")
    mail.outbox = []
    orders = {
        "id": place(indonesian, demo_shop, [("kaos-custom", 1)]),
        "en": place(english, demo_shop, [("kaos-custom", 1)]),
    }
    assert Order.objects.get(token=orders["id"]["token"]).language_code == "id"
    assert Order.objects.get(token=orders["en"]["token"]).language_code == "en"

    deposit_mails = {
        language: next(m for m in mail.outbox if "#%s:" % order["number"] in m.subject)
        for language, order in orders.items()
    }
    assert deposit_mails["id"].subject.startswith(
        "Pesanan #%s: mohon bayar DP Rp 46.000 paling lambat " % orders["id"]["number"]
    )
    assert deposit_mails["en"].subject.startswith(
        "Order #%s: please pay the deposit of Rp 46,000 by " % orders["en"]["number"]
    )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert format_date(tomorrow, "id") in deposit_mails["id"].body  # e.g. "2 Des 2026"
    assert format_date(tomorrow, "en") in deposit_mails["en"].body

    for order in orders.values():
        (job,) = jobs_of(staff_api, order["number"])
        advance_ok(staff_api, job)
    promised = {
        language: format_date(
            datetime.date.fromisoformat(
                jobs_of(staff_api, order["number"])[0]["promisedDate"]
            ),
            language,
        )
        for language, order in orders.items()
    }
    (stage_id,) = stage_mails(orders["id"])
    assert (
        stage_id.subject
        == 'Pesanan #%s: Kaos Sablon Custom sekarang "Design confirmed"'
        % orders["id"]["number"]
    )
    assert "(perkiraan selesai: %s)" % promised["id"] in stage_id.body
    (stage_en,) = stage_mails(orders["en"])
    assert "(promised date: %s)" % promised["en"] in stage_en.body


def test_an_email_only_staff_recipient_gets_every_alert(api, staff_api, demo_shop):
    _configure_staff_email(staff_api, "")
    StaffNotificationRecipient.objects.create(
        staff_email="gudang@openorder.test", active=True
    )
    # A production alert: an overdue job.
    late = place_order(api, demo_shop, [("kaos-custom", 1)])
    (job,) = jobs_of(staff_api, late["number"])
    promised = datetime.date.fromisoformat(job["promisedDate"])
    # A payment alert: an overdue balance (a card authorisation, deposit
    # recorded, production ready, then the balance left unpaid).
    unpaid = place_with_deposit(api, staff_api, demo_shop, [("kaos-custom", 1)])
    make_ready(staff_api, unpaid)
    mail.outbox = []

    mark_overdue_production_jobs((promised + datetime.timedelta(days=1)).isoformat())
    run_reminders()
    run_reminders(now=timezone.now() + datetime.timedelta(days=4))

    to_gudang = [m.subject for m in mail.outbox if m.to == ["gudang@openorder.test"]]
    assert any(
        s.startswith("Terlambat: pesanan #%s" % late["number"]) for s in to_gudang
    ), to_gudang
    assert any(
        s.startswith("Pelunasan terlambat: pesanan #%s" % unpaid["number"])
        for s in to_gudang
    ), to_gudang
