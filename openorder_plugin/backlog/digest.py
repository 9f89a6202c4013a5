"""The weekly backlog digest: the backlog's figures e-mailed to staff once a
week, from Monday morning (shop time), in the shop's language, when the
plugin's "Weekly backlog digest" setting is on. Each staff recipient gets one
per ISO week however often the periodic task runs (the outbox's key)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import config
from ..l10n import format_date, format_money, language_of, override
from ..notifications import outbox
from ..notifications.recipients import staff_recipients
from . import selectors

DIGEST = "backlog_digest"  # to staff
SEND_FROM_HOUR = 7  # Monday, shop time
AT_RISK_SHOWN = 10


def week_key(now):
    year, week, _day = now.isocalendar()
    return "%d-W%02d" % (year, week)


def due(now):
    """Whether this week's digest may go out: from Monday 07:00 on (a beat
    that was down on Monday sends it when it is back)."""
    return now.weekday() > 0 or now.hour >= SEND_FROM_HOUR


def _money(value):
    return format_money(value.amount, value.currency)


def digest_context(backlog, language):
    """The figures as the e-mail shows them, written in `language`."""
    with override(language):
        weeks = backlog.forecast.weeks
        return {
            "today": format_date(backlog.today),
            "orders": backlog.orders,
            "units": backlog.units,
            "total": _money(backlog.total),
            "paid": _money(backlog.paid),
            "outstanding": _money(backlog.outstanding),
            "overdue": _money(backlog.forecast.overdue),
            "this_week": _money(weeks[0].total) if weeks else "",
            "next_week": _money(weeks[1].total) if len(weeks) > 1 else "",
            "stages": [
                {"label": s.label, "orders": s.orders, "units": s.units}
                for s in backlog.stages
            ],
            "at_risk_count": len(backlog.at_risk),
            "at_risk": [
                {
                    "order_number": job.order_number,
                    "product_name": job.product_name,
                    "stage": job.stage_label,
                    "promised_date": format_date(job.promised_date),
                    "late": job.risk == "LATE",
                }
                for job in backlog.at_risk[:AT_RISK_SHOWN]
            ],
        }


def send_weekly(now=None):
    """Queue this week's digest for each staff recipient; returns the
    recipients queued for (none when the setting is off, it is too early on
    Monday, or the shop has no open orders)."""
    if not config.setting_enabled(config.BACKLOG_DIGEST):
        return []
    now = timezone.localtime(now or timezone.now())
    if not due(now):
        return []
    backlog = selectors.backlog(today=now.date())
    if not backlog.orders:
        return []
    language = language_of(settings.LANGUAGE_CODE)  # the shop's
    context = digest_context(backlog, language)
    recipients = staff_recipients()
    with transaction.atomic():
        for recipient in recipients:
            outbox.queue(
                "backlog-digest:%s:%s" % (week_key(now), recipient),
                DIGEST,
                recipient,
                context,
                language=language,
            )
    return recipients
