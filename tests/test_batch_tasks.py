"""The periodic close of pre-order batches on a real Celery worker and Redis:
a batch past its closing time closes once however often the beat task runs
(here three times at once), and each buyer hears of the outcome once."""

import datetime
import time

import pytest
import redis
from django.utils import timezone
from saleor.order import OrderEvents, OrderStatus
from saleor.order.models import Order, OrderEvent

from openorder_plugin.batches import services
from openorder_plugin.models import PreOrderBatch
from openorder_plugin.tasks import close_due_pre_order_batches

from .payments_helpers import place
from .test_payments_reminders import worker_mails
from .workers import REDIS_URL, wait_for


def cancellation_mails(directory, subject):
    # A long subject arrives folded over two header lines.
    subjects = (" ".join(s.split()) for s, _to in worker_mails(directory))
    return [s for s in subjects if s == subject]


@pytest.fixture
def worker_email_url(tmp_path):
    return "file:///%s" % tmp_path


@pytest.mark.celery_worker
def test_the_beat_closes_a_due_batch_once_on_a_real_worker(
    api, demo_shop, celery_worker, tmp_path
):
    kaos = demo_shop["products"]["kaos-custom"]
    batch = services.create_batch(
        product_type_id=kaos.product_type_id,
        name="PO Kaos Desember",
        closes_at=timezone.now() + datetime.timedelta(days=2),
        minimum_quantity=50,
    )
    order = place(api, demo_shop, [("kaos-custom", 2)])
    # Its closing time passes.
    PreOrderBatch.objects.filter(pk=batch.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    for _ in range(3):
        close_due_pre_order_batches.delay()
    wait_for(
        lambda: Order.objects.get(token=order["token"]).status == OrderStatus.CANCELED
    )
    subject = (
        "Order #%s has been cancelled: pre-order batch PO Kaos Desember did not "
        "reach its minimum" % order["number"]
    )
    wait_for(lambda: cancellation_mails(tmp_path, subject))
    close_due_pre_order_batches.delay()
    wait_for(lambda: redis.Redis.from_url(REDIS_URL).llen("celery") == 0)
    time.sleep(2)

    closed = PreOrderBatch.objects.get(pk=batch.pk)
    assert (closed.status, closed.closed_quantity, closed.closed_by) == (
        "CANCELLED",
        2,
        None,
    )
    notes = OrderEvent.objects.filter(
        order__token=order["token"],
        type=OrderEvents.NOTE_ADDED,
        parameters__message__startswith="Cancelled: pre-order batch",
    )
    assert notes.count() == 1
    assert cancellation_mails(tmp_path, subject) == [subject]
