"""Balance reminders, run by Celery beat (tasks.run_payment_reminders).

A balance is PENDING until its trigger is reached (production ready, the order
delivered, or a date), then DUE with a date to pay by; the buyer gets one
e-mail. Past that date it is OVERDUE and staff are told once.

Exactly once: each installment is handled in its own transaction under a row
lock, and its e-mails are written to the outbox in that transaction with keys
naming the installment, so a concurrent run waits and then finds the work
done, and the outbox sends each e-mail once."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..host import get_host
from ..l10n import format_date, format_money, language_of
from ..models import Installment, ProductionJob
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from ..models.production import JobStatus
from ..notifications import outbox
from ..notifications.recipients import staff_recipients

BALANCE_DUE = "payment_balance_due"
BALANCE_OVERDUE = "payment_balance_overdue"


def payment_days():
    """Days a buyer has to pay once the balance is due."""
    return int(getattr(settings, "OPENORDER_BALANCE_PAYMENT_DAYS", 3))


def due_date_if_reached(installment, order, today):
    """The pay-by date when the installment's trigger has been reached, else None."""
    trigger = installment.due_trigger
    if trigger == DueTrigger.DAYS_AFTER_ORDER:
        due = installment.due_date
        if due and today >= due - datetime.timedelta(days=payment_days()):
            return due
        return None
    if trigger == DueTrigger.ON_READY:
        jobs = list(
            ProductionJob.objects.filter(order_id=order.pk).exclude(
                status=JobStatus.CANCELLED
            )
        )
        if jobs and all(job.current_stage == job.last_stage for job in jobs):
            return today + datetime.timedelta(days=payment_days())
        return None
    if trigger == DueTrigger.ON_DELIVERY:
        if get_host().order_has_fulfillment(order):
            return today + datetime.timedelta(days=payment_days())
        return None
    return today  # AT_CHECKOUT


def _needs_attention(today):
    return (
        Q(status=InstallmentStatus.PENDING)
        | Q(status=InstallmentStatus.DUE, reminder_sent_at__isnull=True)
        | Q(status=InstallmentStatus.DUE, due_date__lt=today)
        | Q(status=InstallmentStatus.OVERDUE, overdue_alerted_at__isnull=True)
    )


def run_reminders(now=None):
    """Move balances along and send what is owed. Returns how many e-mails
    (reminders, staff alerts) this run sent."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    candidates = (
        Installment.objects.filter(
            kind=InstallmentKind.BALANCE, schedule__cancellation_rule=""
        )
        .exclude(schedule__order__status=get_host().cancelled_order_status)
        .filter(_needs_attention(today))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(advance_installment(pk, now) for pk in list(candidates))


@transaction.atomic
def advance_installment(pk, now):
    installment = (
        Installment.objects.select_for_update(of=("self",))
        .select_related("schedule__order")
        .get(pk=pk)
    )
    schedule = installment.schedule
    order = schedule.order
    today = timezone.localtime(now).date()
    if (
        schedule.cancellation_rule
        or get_host().order_is_cancelled(order)
        or installment.status
        not in (
            InstallmentStatus.PENDING,
            InstallmentStatus.DUE,
            InstallmentStatus.OVERDUE,
        )
    ):
        return 0
    sent = 0
    if installment.status == InstallmentStatus.PENDING:
        due_date = due_date_if_reached(installment, order, today)
        if due_date is None:
            return 0
        installment.status = InstallmentStatus.DUE
        installment.due_date = due_date
        installment.became_due_at = now
        installment.save(update_fields=["status", "due_date", "became_due_at"])
    if installment.reminder_sent_at is None:
        installment.reminder_sent_at = now
        installment.save(update_fields=["reminder_sent_at"])
        sent += _send_reminder(order, installment)
    if (
        installment.status == InstallmentStatus.DUE
        and installment.due_date
        and installment.due_date < today
    ):
        installment.status = InstallmentStatus.OVERDUE
        installment.save(update_fields=["status"])
    if (
        installment.status == InstallmentStatus.OVERDUE
        and installment.overdue_alerted_at is None
    ):
        installment.overdue_alerted_at = now
        installment.save(update_fields=["overdue_alerted_at"])
        sent += _alert_staff(order, installment)
    return sent


def _context(order, installment, language):
    currency = installment.schedule.currency
    return {
        "order_number": get_host().order_number(order),
        "order_token": get_host().order_token(order),
        "amount": format_money(
            installment.amount - installment.paid_amount, currency, language
        ),
        "total": format_money(installment.schedule.total, currency, language),
        "due_date": format_date(installment.due_date, language)
        if installment.due_date
        else "",
    }


def _send_reminder(order, installment):
    recipient = order.get_customer_email()
    if not recipient:
        return 0
    language = language_of(order.language_code)
    context = _context(order, installment, language)
    outbox.queue(
        "installment:%s:due-reminder" % installment.pk,
        BALANCE_DUE,
        recipient,
        context,
        order=order,
        language=language,
    )
    # The order history is staff's, in English like the rest of Saleor's.
    message = "Balance reminder sent to %s: %s due by %s." % (
        recipient,
        format_money(
            installment.amount - installment.paid_amount,
            installment.schedule.currency,
            "en",
        ),
        format_date(installment.due_date, "en") if installment.due_date else "",
    )
    get_host().add_order_note(order, message)
    return 1


def _alert_staff(order, installment):
    recipients = staff_recipients()
    language = language_of(settings.LANGUAGE_CODE)
    context = dict(
        _context(order, installment, language),
        customer_email=order.get_customer_email(),
    )
    for email in recipients:
        outbox.queue(
            "installment:%s:overdue:%s" % (installment.pk, email),
            BALANCE_OVERDUE,
            email,
            context,
            order=order,
            language=language,
        )
    english = _context(order, installment, "en")
    message = "Balance overdue: %s was due by %s." % (
        english["amount"],
        english["due_date"],
    )
    if recipients:
        message += " Staff told: %s." % ", ".join(recipients)
    get_host().add_order_note(order, message)
    return len(recipients)
