"""Faults: a database connection dropped in the middle of checkoutComplete
leaves no half-created order, job or reservation, and the buyer can retry."""

import threading
import time

import psycopg2
from django.db import connection
from saleor.order.models import Order

from openorder_plugin.models import CapacityReservation, OrderLineSpec, ProductionJob

from .client import ApiClient
from .specs_helpers import TSHIRT_SPECS, add_custom, empty_checkout
from .storefront import complete, pay, set_shipping_address, variant_id


def admin_connection():
    db = connection.settings_dict
    conn = psycopg2.connect(
        dbname=db["NAME"],
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
    )
    conn.autocommit = False
    return conn


def wait_for_blocked_backend(table, timeout=30):
    """The pid of the server's backend waiting for a lock on `table`. Watched
    from an autocommit connection: pg_stat_activity is a snapshot per
    transaction."""
    watcher = admin_connection()
    watcher.autocommit = True
    deadline = time.monotonic() + timeout
    try:
        with watcher.cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute(
                    "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                    "WHERE NOT l.granted AND l.relation = %s::regclass",
                    [table],
                )
                row = cursor.fetchone()
                if row:
                    return row[0]
                time.sleep(0.05)
    finally:
        watcher.close()
    raise AssertionError("no request blocked on %s" % table)


def test_connection_dropped_while_the_order_is_created(api, demo_shop):
    checkout = empty_checkout(api)
    add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
                "quantity": 2,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    checkout = set_shipping_address(api, checkout)
    pay(api, checkout)

    # Hold back job creation: the order, its lines, frozen specs and the
    # reservations are written, uncommitted, when the request blocks here.
    blocker = admin_connection()
    with blocker.cursor() as cursor:
        cursor.execute("LOCK TABLE openorder_productionjob IN EXCLUSIVE MODE")
    outcome = {}
    buyer = ApiClient(api.base_url)
    request = threading.Thread(
        target=lambda: outcome.update(
            response=buyer.post(
                "mutation($id: ID!) { checkoutComplete(checkoutId: $id) { order { id } } }",
                {"id": checkout["id"]},
            )
        )
    )
    request.start()
    try:
        pid = wait_for_blocked_backend("openorder_productionjob")
        with blocker.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        blocker.rollback()
        blocker.close()
        request.join(timeout=60)

    body = outcome["response"].json() if outcome["response"].status_code == 200 else {}
    assert not (body.get("data") or {}).get("checkoutComplete"), body
    assert not Order.objects.exists()
    assert not ProductionJob.objects.exists()
    assert not OrderLineSpec.objects.exists()
    assert not CapacityReservation.objects.filter(order__isnull=False).exists()

    # The buyer retries and gets exactly one order with its job and capacity.
    result = complete(api, checkout)
    assert result["checkoutErrors"] == [], result
    order = Order.objects.get()
    assert ProductionJob.objects.filter(order=order).count() == 1
    assert sum(r.quantity for r in CapacityReservation.objects.filter(order=order)) == 2
    assert not CapacityReservation.objects.filter(order__isnull=True).exists()


class SilentSmtpServer:
    """Accepts connections and never answers: a worker sending mail through
    it hangs mid-send, holding the notification's row lock."""

    def __init__(self):
        import socket

        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.socket.close()
        for conn in self.connections:
            conn.close()


def test_a_worker_killed_mid_notification_loses_none_and_sends_none_twice(
    api, staff_api, demo_shop, celery_worker, tmp_path
):
    """The stage-change e-mail's worker dies while sending; after a new worker
    starts, the outbox sweep sends it exactly once, and the original task
    delivered again sends nothing more."""
    import signal

    from openorder_plugin.models import Notification
    from openorder_plugin.tasks import send_notification, send_unsent_notifications

    from .production_helpers import advance_ok, jobs_of, place_order
    from .test_production_notifications import worker_mails
    from .workers import start_worker, stop_worker, wait_for, worker_output

    stop_worker(celery_worker)  # this test runs its own workers
    smtp = SilentSmtpServer()
    hanging = start_worker(email_url="smtp://127.0.0.1:%d" % smtp.port)
    try:
        order = place_order(api, demo_shop, [("kaos-custom", 1)])
        (job,) = jobs_of(staff_api, order["number"])
        advance_ok(staff_api, job)
        notification = Notification.objects.get(
            order__token=order["token"], kind="stage_changed"
        )
        # The worker has the row locked and is stuck talking to the server.
        wait_for(lambda: smtp.connections)
        hanging.send_signal(signal.SIGKILL)
        hanging.wait(timeout=20)
    finally:
        smtp.close()
    notification.refresh_from_db()
    assert notification.sent_at is None

    outbox = tmp_path / "outbox"
    outbox.mkdir()
    healthy = start_worker(email_url="file:///%s" % outbox)
    try:
        send_unsent_notifications.delay(older_than_seconds=0)
        wait_for(lambda: Notification.objects.get(pk=notification.pk).sent_at)
        # The killed worker's task, delivered again, finds it sent.
        send_notification.delay(notification.pk)
        send_unsent_notifications.delay(older_than_seconds=0)
        marker = send_unsent_notifications.delay(older_than_seconds=0)
        wait_for(
            lambda: (
                marker.id in worker_output(healthy)
                and "succeeded" in worker_output(healthy).split(marker.id)[-1]
            )
        )
    finally:
        stop_worker(healthy)
    mails = worker_mails(str(outbox))
    assert len(mails) == 1, mails
    assert mails[0][1] == "pembeli@openorder.test"
