"""What a batch's close tells each buyer, through the outbox: production
starts (with each item's promised date), or the order is cancelled and what
was paid comes back."""

from ..host import get_host
from ..l10n import format_date, format_money, language_of
from ..models import ProductionJob
from ..models.batches import BatchStatus
from ..notifications import outbox

BATCH_PRODUCING = "batch_producing"
BATCH_CANCELLED = "batch_cancelled"


def queue_outcome(batch, order, lines):
    host = get_host()
    language = language_of(order.language_code)
    promised = dict(
        ProductionJob.objects.filter(
            order_line_id__in=[line.order_line_id for line in lines]
        ).values_list("order_line_id", "promised_date")
    )
    items = []
    for line in lines:
        order_line = line.order_line
        date = promised.get(order_line.pk)
        items.append(
            {
                "product_name": order_line.product_name,
                "variant_name": ""
                if order_line.variant_name == order_line.product_name
                else order_line.variant_name,
                "quantity": line.quantity,
                "promised_date": format_date(date, language) if date else "",
            }
        )
    producing = batch.status == BatchStatus.PRODUCING
    return outbox.queue(
        "batch:%s:order:%s:%s" % (batch.pk, order.pk, batch.status.lower()),
        BATCH_PRODUCING if producing else BATCH_CANCELLED,
        order.get_customer_email(),
        {
            "order_number": host.order_number(order),
            "order_token": host.order_token(order),
            "batch_name": batch.name,
            "ordered": batch.closed_quantity,
            "minimum": batch.minimum_quantity,
            "items": items,
            "total": format_money(order.total_gross_amount, order.currency, language),
        },
        order=order,
        language=language,
    )
