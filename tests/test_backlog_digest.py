"""The weekly backlog digest: off unless staff turn it on; from Monday 07:00
(shop time) each staff recipient gets one e-mail a week, in the shop's
language, with the backlog's figures, however often the periodic task runs."""

import datetime

from django.core import mail
from django.utils import timezone
from saleor.account.models import StaffNotificationRecipient

from openorder_plugin.backlog import digest, rules
from openorder_plugin.models import Notification, ProductionJob
from openorder_plugin.notifications import outbox

from .api.test_backlog_api import chat_order
from .specs_helpers import TSHIRT_SPECS
from .test_payments_gates import configure

OWNER = "pemilik@openorder.test"


def monday(hour):
    day = rules.week_start(timezone.localdate())
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_staff_get_the_backlog_once_a_week_when_they_ask_for_it(
    api, staff_api, demo_shop
):
    StaffNotificationRecipient.objects.create(staff_email=OWNER)
    order, _id = chat_order(api, staff_api, demo_shop, "kaos-custom", 2, TSHIRT_SPECS)
    # Off until staff turn it on.
    assert digest.send_weekly(now=monday(8)) == []
    configure(staff_api, **{"Weekly backlog digest": True})
    # Not before Monday 07:00.
    assert digest.send_weekly(now=monday(6)) == []
    assert not Notification.objects.filter(kind=digest.DIGEST).exists()

    for hours in (0, 1, 30):  # the hourly task, and Tuesday
        now = monday(8) + datetime.timedelta(hours=hours)
        assert digest.send_weekly(now=now) == [OWNER]
    (told,) = Notification.objects.filter(kind=digest.DIGEST)
    assert told.recipient == OWNER
    outbox.send_notification(told.pk)  # sent once, whoever sends it
    (sent,) = [m for m in mail.outbox if m.to == [OWNER] and "terbuka" in m.subject]
    # In the shop's language (Indonesian): the open order and its money.
    assert sent.subject == (
        "Pesanan terbuka minggu ini: 1 pesanan, Rp 184.000 belum masuk"
    )
    assert "2 unit, senilai Rp 184.000" in sent.body
    assert "- Received: 1 pesanan, 2 unit" in sent.body
    # The deposit now; the balance when ready, if that is this week too.
    ready = ProductionJob.objects.get(order=order).promised_date
    same_week = rules.week_start(ready) == rules.week_start(timezone.localdate())
    this_week = "Rp 184.000" if same_week else "Rp 92.000"
    assert "minggu ini: %s;" % this_week in sent.body

    # The next week is a new digest.
    next_week = monday(8) + datetime.timedelta(days=7)
    digest.send_weekly(now=next_week)
    assert Notification.objects.filter(kind=digest.DIGEST).count() == 2
