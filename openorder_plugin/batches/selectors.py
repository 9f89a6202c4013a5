"""Reading pre-order batches: which batch a product sells in now, and how
far each batch is towards its minimum. Each costs one query whatever the
number of products or batches."""

from typing import Dict, NamedTuple, Optional

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..host import get_host
from ..models import PreOrderBatch, PreOrderBatchLine
from ..models.batches import BatchStatus
from . import rules


class Selling(NamedTuple):
    """How a product sells: `in_batches` while it has a batch that has not
    closed; `current` is the one taking orders now, `upcoming` the next one
    when none is."""

    in_batches: bool
    current: Optional[PreOrderBatch]
    upcoming: Optional[PreOrderBatch]


NOT_IN_BATCHES = Selling(False, None, None)


def selling_for_products(products, now=None) -> Dict[object, Selling]:
    """{product pk: Selling} for products (objects with pk and
    product_type_id), in one query. A product with batches of its own sells
    only in those; otherwise in its product type's."""
    now = now or timezone.now()
    products = list(products)
    if not products:
        return {}
    batches = list(
        PreOrderBatch.objects.filter(status=BatchStatus.OPEN)
        .filter(
            Q(product_id__in={p.pk for p in products})
            | Q(
                product_type_id__in={p.product_type_id for p in products},
                product__isnull=True,
            )
        )
        .order_by("opens_at", "pk")
    )
    result = {}
    for product in products:
        own = [b for b in batches if b.product_id == product.pk]
        pending = own or [
            b
            for b in batches
            if b.product_id is None and b.product_type_id == product.product_type_id
        ]
        if not pending:
            result[product.pk] = NOT_IN_BATCHES
            continue
        current = next((b for b in pending if rules.is_taking_orders(b, now)), None)
        upcoming = None
        if current is None:
            upcoming = next((b for b in pending if b.opens_at > now), None)
        result[product.pk] = Selling(True, current, upcoming)
    return result


def selling_for_product(product, now=None) -> Selling:
    return selling_for_products([product], now)[product.pk]


def ordered_quantities(batch_ids) -> Dict[int, int]:
    """{batch pk: units ordered}: lines that joined in time, of orders that
    are not cancelled. One query."""
    batch_ids = list(batch_ids)
    totals = {pk: 0 for pk in batch_ids}
    if not batch_ids:
        return totals
    rows = (
        PreOrderBatchLine.objects.filter(batch_id__in=batch_ids, joined_late=False)
        .exclude(order__status=get_host().cancelled_order_status)
        # No ordering: Django would group by the model's ordering fields too.
        .order_by()
        .values("batch_id")
        .annotate(units=Sum("quantity"))
    )
    for row in rows:
        totals[row["batch_id"]] = row["units"] or 0
    return totals


def progress_of(batch, ordered, now=None):
    """A batch's progress; a closed batch shows what it closed on."""
    now = now or timezone.now()
    if batch.is_closed and batch.closed_quantity is not None:
        ordered = batch.closed_quantity
    return rules.progress(batch.minimum_quantity, ordered, batch.closes_at, now)


def with_ordered(batches):
    """`batches` annotated with `ordered_units` (what ordered_quantities
    counts), so a page of batches costs one query."""
    counted = Q(lines__joined_late=False) & ~Q(
        lines__order__status=get_host().cancelled_order_status
    )
    return batches.annotate(
        ordered_units=Coalesce(Sum("lines__quantity", filter=counted), 0)
    )


def ordered_of(batch):
    units = getattr(batch, "ordered_units", None)
    if units is None:
        units = ordered_quantities([batch.pk])[batch.pk]
    return units


def staff_batches():
    """Every batch, newest closing first, for the staff list."""
    return with_ordered(
        PreOrderBatch.objects.select_related("product", "product_type", "closed_by")
    ).order_by("-closes_at", "-pk")


def filtered(batches, *, status=None):
    """Batches in any of the `status` values."""
    if status:
        batches = batches.filter(status__in=list(status))
    return batches


def batch_of_job(job):
    """The batch a production job's order line is in, or None (no query
    when board_jobs selected it)."""
    cache = job.order_line._state.fields_cache
    if "preorder_batch_line" in cache:
        line = cache["preorder_batch_line"]
        return line.batch if line is not None else None
    line = (
        PreOrderBatchLine.objects.select_related("batch")
        .filter(order_line_id=job.order_line_id)
        .first()
    )
    return line.batch if line else None


def batches_of_order_lines(order_line_ids) -> Dict[object, PreOrderBatch]:
    """{order line pk: batch} in one query."""
    return {
        line.order_line_id: line.batch
        for line in PreOrderBatchLine.objects.select_related("batch").filter(
            order_line_id__in=list(order_line_ids)
        )
    }


def order_is_in_cancelled_batch(order_pk):
    """Whether an order was cancelled by its batch (then it is refunded in
    full, whatever stage its jobs reached)."""
    return PreOrderBatchLine.objects.filter(
        order_id=order_pk, batch__status=BatchStatus.CANCELLED
    ).exists()
