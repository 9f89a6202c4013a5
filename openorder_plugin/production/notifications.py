"""What production tells people, through the outbox (notifications.outbox):
the buyer hears when their items reach a stage the product type announces
and when a promised date moves later; staff hear of overdue jobs.

Rework (moving a job back) never e-mails the buyer, nor does reaching again a
stage the buyer was already told of. Jobs of one order that reach the same
stage within a few minutes are told in one e-mail listing the items."""

from django.conf import settings

from ..host import get_host
from ..l10n import format_date, language_of
from ..models import MadeToOrderSettings, ProductionJobEvent
from ..models.production import JobEventType
from ..notifications import outbox
from ..notifications.recipients import staff_recipients

STAGE_CHANGED = "stage_changed"
DELAY_NOTICE = "delay_notice"
OVERDUE_ALERT = "overdue_alert"


def batch_seconds():
    """How long a stage e-mail waits for the order's other jobs to reach the
    same stage."""
    return int(getattr(settings, "OPENORDER_STAGE_EMAIL_BATCH_SECONDS", 180))


def notified_stages(job):
    """The stage codes of `job` at which the buyer is e-mailed: its product
    type's choice, else every stage after the first."""
    chosen = (
        MadeToOrderSettings.objects.filter(product_type_id=job.product_type_id)
        .values_list("notify_stages", flat=True)
        .first()
    )
    if chosen is None:
        return job.stage_codes[1:]
    return [code for code in job.stage_codes if code in chosen]


def _item(job, language):
    line = job.order_line
    return {
        "job_id": job.pk,
        "product_name": line.product_name,
        # Saleor repeats the product name as the name of a single variant.
        "variant_name": ""
        if line.variant_name == line.product_name
        else line.variant_name,
        "quantity": job.quantity,
        "stage_label": job.stage_label(job.current_stage),
        "is_last_stage": job.current_stage == job.last_stage,
        "promised_date": format_date(job.promised_date, language)
        if job.promised_date
        else "",
    }


def _order_context(order):
    host = get_host()
    return {
        "order_number": host.order_number(order),
        "order_token": host.order_token(order),
    }


def queue_stage_changed(job, event):
    """Tell the buyer `job` reached a stage, unless it is rework, a stage its
    product type does not announce, or one the buyer already heard of."""
    if event.parameters.get("rework") or job.current_stage not in notified_stages(job):
        return None
    told_before = (
        ProductionJobEvent.objects.filter(
            job_id=job.pk,
            type=JobEventType.STAGE_CHANGED,
            to_stage=job.current_stage,
            parameters__rework=False,
        )
        .exclude(pk=event.pk)
        .exists()
    )
    if told_before:
        return None
    order = job.order
    language = language_of(order.language_code)
    context = dict(
        _order_context(order),
        stage_code=job.current_stage,
        stage_label=job.stage_label(job.current_stage),
        is_last_stage=job.current_stage == job.last_stage,
    )
    return outbox.add_to_batch(
        "order:%s:stage:%s" % (order.pk, job.current_stage),
        "job:%s:v%s:stage" % (job.pk, job.version),
        STAGE_CHANGED,
        order.get_customer_email(),
        context,
        _item(job, language),
        order=order,
        language=language,
        delay_seconds=batch_seconds(),
    )


def queue_delay_notice(job, old_date):
    order = job.order
    language = language_of(order.language_code)
    context = {
        **_order_context(order),
        **_item(job, language),
        "old_promised_date": format_date(old_date, language),
    }
    return outbox.queue(
        "job:%s:v%s:delay" % (job.pk, job.version),
        DELAY_NOTICE,
        order.get_customer_email(),
        context,
        order=order,
        language=language,
    )


def queue_overdue_alert(job):
    """One alert per staff recipient, in the shop's language; returns the
    notifications queued."""
    language = language_of(settings.LANGUAGE_CODE)
    context = {
        **_order_context(job.order),
        **_item(job, language),
        "customer_email": job.order.get_customer_email(),
    }
    queued = []
    for email in staff_recipients():
        notification = outbox.queue(
            "job:%s:overdue:%s:%s" % (job.pk, job.promised_date, email),
            OVERDUE_ALERT,
            email,
            context,
            order=job.order,
            language=language,
        )
        if notification:
            queued.append(notification)
    return queued
