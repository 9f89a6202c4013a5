"""Balance reminders, run by Celery beat (tasks.run_payment_reminders).

A balance is PENDING until its trigger is reached (production ready, the order
delivered, or a date), then DUE with a date to pay by; the buyer gets one
e-mail. Past that date it is OVERDUE and staff are told once.

Exactly once: each installment is handled in its own transaction under a row
lock; the reminder and alert timestamps are claimed in that transaction and
the e-mail is sent before it commits, so a concurrent run waits and then finds
them claimed, and a failed send leaves them unclaimed for the next run."""
import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from saleor.account.models import StaffNotificationRecipient
from saleor.core.emails import get_email_context
from saleor.order import FulfillmentStatus, OrderStatus
from saleor.order import events as order_events
from templated_email import send_templated_mail

from ..models import Installment, ProductionJob
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from ..models.production import JobStatus
from .deposits import display
from .gates import plugin_setting

BALANCE_DUE = "payment_balance_due"
BALANCE_OVERDUE = "payment_balance_overdue"
FALLBACK_LANGUAGE = "en"
LANGUAGES = ("en", "id")


def payment_days():
    """Days a buyer has to pay once the balance is due."""
    return int(getattr(settings, "OPENORDER_BALANCE_PAYMENT_DAYS", 3))


def _language(code):
    code = (code or "").lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def _template(kind, language):
    for lang in (language, FALLBACK_LANGUAGE):
        name = "openorder/%s/%s" % (lang, kind)
        try:
            get_template("templated_email/%s.email" % name)
            return name
        except TemplateDoesNotExist:
            continue
    raise TemplateDoesNotExist(kind)


def due_date_if_reached(installment, order, today):
    """The pay-by date when the installment's trigger has been reached, else None."""
    trigger = installment.due_trigger
    if trigger == DueTrigger.DAYS_AFTER_ORDER:
        due = installment.due_date
        if due and today >= due - datetime.timedelta(days=payment_days()):
            return due
        return None
    if trigger == DueTrigger.ON_READY:
        jobs = list(ProductionJob.objects.filter(order_id=order.pk).exclude(status=JobStatus.CANCELLED))
        if jobs and all(job.current_stage == job.last_stage for job in jobs):
            return today + datetime.timedelta(days=payment_days())
        return None
    if trigger == DueTrigger.ON_DELIVERY:
        if order.fulfillments.exclude(status=FulfillmentStatus.CANCELED).exists():
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
        Installment.objects.filter(kind=InstallmentKind.BALANCE, schedule__cancellation_rule="")
        .exclude(schedule__order__status=OrderStatus.CANCELED)
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
        or order.status == OrderStatus.CANCELED
        or installment.status
        not in (InstallmentStatus.PENDING, InstallmentStatus.DUE, InstallmentStatus.OVERDUE)
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
    if installment.status == InstallmentStatus.DUE and installment.due_date and installment.due_date < today:
        installment.status = InstallmentStatus.OVERDUE
        installment.save(update_fields=["status"])
    if installment.status == InstallmentStatus.OVERDUE and installment.overdue_alerted_at is None:
        installment.overdue_alerted_at = now
        installment.save(update_fields=["overdue_alerted_at"])
        sent += _alert_staff(order, installment)
    return sent


def _context(order, installment):
    send_kwargs, context = get_email_context()
    currency = installment.schedule.currency
    context.update(
        order=order,
        order_number=order.pk,
        amount=display(installment.amount - installment.paid_amount, currency),
        total=display(installment.schedule.total, currency),
        due_date=installment.due_date.isoformat() if installment.due_date else "",
    )
    return send_kwargs, context


def _send_reminder(order, installment):
    recipient = order.get_customer_email()
    if not recipient:
        return 0
    send_kwargs, context = _context(order, installment)
    send_templated_mail(
        template_name=_template(BALANCE_DUE, _language(order.language_code)),
        recipient_list=[recipient],
        context=context,
        **send_kwargs,
    )
    order_events.order_note_added_event(
        order=order,
        user=None,
        message="Balance reminder sent to %s: %s due by %s."
        % (recipient, context["amount"], context["due_date"]),
    )
    return 1


def staff_recipients():
    configured = plugin_setting("Staff notification e-mail", "") or ""
    emails = [e.strip() for e in configured.replace(";", ",").split(",") if e.strip()]
    if emails:
        return emails
    return [
        recipient.get_email()
        for recipient in StaffNotificationRecipient.objects.filter(
            active=True, user__is_active=True, user__is_staff=True
        ).select_related("user")
    ]


def _alert_staff(order, installment):
    recipients = staff_recipients()
    send_kwargs, context = _context(order, installment)
    if recipients:
        send_templated_mail(
            template_name=_template(BALANCE_OVERDUE, _language(settings.LANGUAGE_CODE)),
            recipient_list=recipients,
            context=context,
            **send_kwargs,
        )
    order_events.order_note_added_event(
        order=order,
        user=None,
        message="Balance overdue: %s was due by %s.%s"
        % (
            context["amount"],
            context["due_date"],
            " Staff told: %s." % ", ".join(recipients) if recipients else "",
        ),
    )
    return 1 if recipients else 0
