"""E-mails about production: the buyer hears of each stage change and of a
later promised date; staff hear of overdue jobs.

Each e-mail is a Notification row with a unique key naming the change (job,
version, recipient). The row is written in the change's transaction; after
the commit a Celery task sends it. Sending happens while the row is locked
and marks it sent in the same transaction, so a retried or repeated task
finds it sent and sends nothing. A periodic sweep (send_unsent) sends what a
lost task message or a killed worker left unsent."""
import datetime

from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone
from templated_email import send_templated_mail

from ..models import Notification

STAGE_CHANGED = "stage_changed"
DELAY_NOTICE = "delay_notice"
OVERDUE_ALERT = "overdue_alert"

TEMPLATE_DIR = "openorder"
LANGUAGES = ("en", "id")
FALLBACK_LANGUAGE = "en"


def language_for(order):
    """The template language for an order: Indonesian for `id`/`id-ID`,
    English otherwise."""
    code = (order.language_code or "").lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def template_name(kind, language):
    """`openorder/<language>/<kind>`, falling back to English when the
    language has no template of that kind."""
    for lang in (language, FALLBACK_LANGUAGE):
        name = "%s/%s/%s" % (TEMPLATE_DIR, lang, kind)
        try:
            get_template("templated_email/%s.email" % name)
        except TemplateDoesNotExist:
            continue
        return name
    raise TemplateDoesNotExist(kind)


def _job_context(job):
    from .services import stage_label

    line = job.order_line
    return {
        "job_id": job.pk,
        "order_number": job.order.pk,
        "order_token": str(job.order.token),
        "product_name": line.product_name,
        # Saleor repeats the product name as the name of a single variant.
        "variant_name": ""
        if line.variant_name == line.product_name
        else line.variant_name,
        "quantity": job.quantity,
        "stage_code": job.current_stage,
        "stage_label": stage_label(job, job.current_stage),
        "is_last_stage": job.current_stage == job.last_stage,
        "promised_date": job.promised_date.isoformat() if job.promised_date else None,
    }


def _queue(key, kind, order, recipient, context):
    """Create the notification (once per key) and send it after the commit."""
    if not recipient:
        return None
    notification, created = Notification.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "order": order,
            "recipient": recipient,
            "context": context,
        },
    )
    if created:
        from ..tasks import send_production_notification

        transaction.on_commit(
            lambda: send_production_notification.delay(notification.pk)
        )
    return notification


def queue_stage_changed(job, event):
    context = _job_context(job)
    context["from_stage_label"] = _label(job, event.from_stage)
    return _queue(
        "job:%s:v%s:stage" % (job.pk, job.version),
        STAGE_CHANGED,
        job.order,
        job.order.get_customer_email(),
        context,
    )


def queue_delay_notice(job, old_date):
    context = _job_context(job)
    context["old_promised_date"] = old_date.isoformat()
    return _queue(
        "job:%s:v%s:delay" % (job.pk, job.version),
        DELAY_NOTICE,
        job.order,
        job.order.get_customer_email(),
        context,
    )


def staff_recipients():
    """The plugin's "Staff notification e-mail" when set, else Saleor's staff
    notification recipients."""
    from saleor.account.models import StaffNotificationRecipient
    from saleor.plugins.manager import get_plugins_manager

    from ..plugin import PLUGIN_ID

    plugin = get_plugins_manager().get_plugin(PLUGIN_ID)
    configured = ""
    if plugin is not None:
        configured = (plugin.config.get("Staff notification e-mail") or "").strip()
    if configured:
        return [email.strip() for email in configured.split(",") if email.strip()]
    recipients = StaffNotificationRecipient.objects.filter(active=True).select_related(
        "user"
    )
    emails = []
    for recipient in recipients:
        if recipient.user and not (recipient.user.is_active and recipient.user.is_staff):
            continue
        email = recipient.get_email()
        if email and email not in emails:
            emails.append(email)
    return emails


def queue_overdue_alert(job):
    """One alert per staff recipient; returns the notifications queued."""
    context = _job_context(job)
    context["customer_email"] = job.order.get_customer_email()
    queued = []
    for email in staff_recipients():
        notification = _queue(
            "job:%s:overdue:%s:%s" % (job.pk, context["promised_date"], email),
            OVERDUE_ALERT,
            job.order,
            email,
            context,
        )
        if notification:
            queued.append(notification)
    return queued


def _label(job, code):
    from .services import stage_label

    return stage_label(job, code) if code else ""


@transaction.atomic
def send_notification(notification_id, wait=True):
    """Send one notification unless it was sent already. Returns True when
    this call sent it. With wait=False a row another worker is sending right
    now is skipped."""
    from saleor.core.emails import get_email_context

    notification = (
        Notification.objects.select_for_update(of=("self",), skip_locked=not wait)
        .select_related("order")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or notification.sent_at is not None:
        return False
    notification.attempts += 1
    send_kwargs, context = get_email_context()
    context.update(notification.context)
    language = (
        language_for(notification.order)
        if notification.order is not None and notification.kind != OVERDUE_ALERT
        else FALLBACK_LANGUAGE
    )
    send_templated_mail(
        template_name=template_name(notification.kind, language),
        recipient_list=[notification.recipient],
        context=context,
        **send_kwargs,
    )
    notification.sent_at = timezone.now()
    notification.save(update_fields=["sent_at", "attempts"])
    return True


def send_unsent(older_than=datetime.timedelta(minutes=1)):
    """The outbox sweep: send what a lost task message or a worker killed
    mid-send left unsent. Each row is written in the same transaction as the
    change it reports, so no notification is lost; the row claim keeps each
    one to a single e-mail. Returns the ids it sent."""
    import logging

    cutoff = timezone.now() - older_than
    pending = Notification.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
    sent = []
    for notification_id in pending.order_by("pk").values_list("pk", flat=True)[:500]:
        try:
            if send_notification(notification_id, wait=False):
                sent.append(notification_id)
        except Exception:  # the mail server is down: the next sweep tries again
            logging.getLogger(__name__).exception("Notification %s not sent", notification_id)
    return sent
