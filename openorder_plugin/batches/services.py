"""Changing pre-order batches. Each public function is one atomic change.

A batch closes exactly once: `close_batch` locks its row and moves it from
OPEN to PRODUCING (minimum reached) or CANCELLED, counting the units of the
lines that joined before. An order line joins its batch under the same lock
(`join_order`), so a checkout racing the close either counts, or joins late
and takes the outcome without counting. The outcome is applied to each order
after the commit (`apply_outcome`, from a Celery task), once per line."""

import datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext

from ..errors import OpenOrderError, OpenOrderErrorCode as Code, Problems
from ..host import get_host
from ..models import (
    CapacityReservation,
    MadeToOrderSettings,
    PreOrderBatch,
    PreOrderBatchLine,
)
from ..models.batches import BatchStatus
from . import notifications, rules, selectors

UNSET = object()

# Sent after a commit that owes orders a batch's outcome (a close, or an order
# that joined a closed batch); tasks.py listens and applies it in a worker.
outcome_due = Signal()


def _announce_outcome(batch_pk):
    transaction.on_commit(
        lambda: outcome_due.send(sender=PreOrderBatch, batch_id=batch_pk)
    )


def _lock_type_settings(product_type_id):
    """Batches of one product type (and of its products) change one at a time:
    overlapping windows are checked under this lock."""
    return (
        MadeToOrderSettings.objects.select_for_update()
        .filter(product_type_id=product_type_id)
        .first()
    )


def _check_made_to_order(settings, field):
    if settings is None or not settings.is_made_to_order:
        raise OpenOrderError.single(
            field,
            Code.NOT_MADE_TO_ORDER,
            gettext("Pre-order batches are for made-to-order products only."),
        )


def _check_no_overlap(problems, batch, opens_at, closes_at):
    others = PreOrderBatch.objects.filter(status=BatchStatus.OPEN).exclude(pk=batch.pk)
    if batch.product_id is not None:
        others = others.filter(product_id=batch.product_id)
    else:
        others = others.filter(product_type_id=batch.product_type_id, product=None)
    for other in others:
        if rules.overlaps(opens_at, closes_at, other.opens_at, other.closes_at):
            problems.add(
                "input.closes_at",
                Code.INVALID_RANGE,
                rules.window_overlap_message(other),
            )
            return


@transaction.atomic
def create_batch(
    *,
    name,
    closes_at,
    minimum_quantity,
    product_type_id=None,
    product=None,
    opens_at=None,
    now=None,
):
    """A new batch of a made-to-order product type, or of one product of such
    a type (`product`: the host's product). It opens at `opens_at` (now by
    default)."""
    now = now or timezone.now()
    if (product_type_id is None) == (product is None):
        raise OpenOrderError.single(
            "input.product_type",
            Code.REQUIRED,
            gettext("Give either a product type or a product, not both."),
        )
    type_id = product.product_type_id if product is not None else product_type_id
    field = "input.product" if product is not None else "input.product_type"
    settings = _lock_type_settings(type_id)
    _check_made_to_order(settings, field)
    opens_at = opens_at or now
    problems = Problems()
    rules.clean_window(
        problems,
        name=name or "",
        opens_at=opens_at,
        closes_at=closes_at,
        minimum=minimum_quantity,
        now=now,
        prefix="input.",
    )
    batch = PreOrderBatch(
        product_type_id=None if product is not None else type_id,
        product_id=product.pk if product is not None else None,
        name=(name or "").strip(),
        opens_at=opens_at,
        closes_at=closes_at,
        minimum_quantity=minimum_quantity,
    )
    if not problems:
        _check_no_overlap(problems, batch, opens_at, closes_at)
    problems.raise_if_any()
    batch.save()
    return batch


def _locked_batch(batch_pk):
    batch = PreOrderBatch.objects.select_for_update().filter(pk=batch_pk).first()
    if batch is None:
        raise OpenOrderError.single(
            "id", Code.NOT_FOUND, gettext("No pre-order batch with this ID.")
        )
    return batch


def _require_open(batch):
    if batch.is_closed:
        raise OpenOrderError.single(
            "id", Code.BATCH_CLOSED, rules.already_closed_message(batch)
        )


def _check_version(batch, version):
    if version is not None and version != batch.version:
        raise OpenOrderError.single(
            "version",
            Code.CONFLICT,
            gettext(
                "The batch was changed by someone else (version %(current)s, you sent "
                "%(sent)s): reload it and try again."
            )
            % {"current": batch.version, "sent": version},
        )


@transaction.atomic
def update_batch(
    batch_pk,
    *,
    version=None,
    name=UNSET,
    opens_at=UNSET,
    closes_at=UNSET,
    minimum_quantity=UNSET,
    now=None,
):
    """Change an open batch's name, window or minimum. Once it has opened its
    opening time stays; a closed batch cannot change."""
    now = now or timezone.now()
    type_id = (
        PreOrderBatch.objects.filter(pk=batch_pk)
        .values_list("product_type_id", "product__product_type_id")
        .first()
    )
    if type_id is not None:
        _lock_type_settings(type_id[0] or type_id[1])
    batch = _locked_batch(batch_pk)
    _require_open(batch)
    _check_version(batch, version)
    given = {
        "name": name,
        "opens_at": opens_at,
        "closes_at": closes_at,
        "minimum_quantity": minimum_quantity,
    }
    given = {key: value for key, value in given.items() if value is not UNSET}
    if not given:
        raise OpenOrderError.single(
            "input",
            Code.REQUIRED,
            gettext("Give at least one of name, opensAt, closesAt or minimumQuantity."),
        )
    problems = Problems()
    for key in ("name", "opens_at", "closes_at", "minimum_quantity"):
        if key in given and given[key] is None:
            problems.add(
                "input." + key, Code.REQUIRED, gettext("This value cannot be empty.")
            )
    problems.raise_if_any()
    if (
        "opens_at" in given
        and given["opens_at"] != batch.opens_at
        and batch.opens_at <= now
    ):
        problems.add(
            "input.opens_at",
            Code.INVALID,
            gettext("The batch has opened already; its opening time stays."),
        )
    new_opens = given.get("opens_at", batch.opens_at)
    new_closes = given.get("closes_at", batch.closes_at)
    rules.clean_window(
        problems,
        name=given.get("name"),
        opens_at=new_opens,
        # An unchanged closing time is checked only against the opening.
        closes_at=new_closes
        if "closes_at" in given
        else max(new_closes, now + datetime.timedelta(microseconds=1)),
        minimum=given.get("minimum_quantity"),
        now=now,
        prefix="input.",
    )
    if not problems:
        _check_no_overlap(problems, batch, new_opens, new_closes)
    problems.raise_if_any()
    for key, value in given.items():
        setattr(batch, key, value.strip() if key == "name" else value)
    batch.version += 1
    batch.save()
    return batch


@transaction.atomic
def close_batch(batch_pk, *, user=None, version=None, now=None, due_only=False):
    """Close a batch now, exactly once: PRODUCING when the units ordered reach
    its minimum, else CANCELLED. Staff closing early get BATCH_CLOSED for a
    batch already closed; the periodic close (`due_only`) closes only a
    batch whose closing time has passed, and returns None otherwise."""
    now = now or timezone.now()
    if due_only:
        batch = PreOrderBatch.objects.select_for_update().filter(pk=batch_pk).first()
        if batch is None or batch.is_closed or batch.closes_at > now:
            return None
    else:
        batch = _locked_batch(batch_pk)
        _require_open(batch)
        _check_version(batch, version)
    ordered = selectors.ordered_quantities([batch.pk])[batch.pk]
    batch.status = rules.outcome(batch.minimum_quantity, ordered)
    batch.closed_at = now
    batch.closed_by = user if getattr(user, "is_authenticated", False) else None
    batch.closed_quantity = ordered
    batch.version += 1
    batch.save()
    _announce_outcome(batch.pk)
    return batch


def close_due(now=None):
    """The periodic close: every open batch past its closing time, and any
    outcome a lost task left unapplied. Returns the pks of the batches this
    call closed."""
    now = now or timezone.now()
    due = list(
        PreOrderBatch.objects.filter(
            status=BatchStatus.OPEN, closes_at__lte=now
        ).values_list("pk", flat=True)
    )
    closed = [pk for pk in due if close_batch(pk, now=now, due_only=True)]
    stale = now - datetime.timedelta(minutes=1)
    pending = (
        PreOrderBatchLine.objects.filter(
            batch__status__in=BatchStatus.CLOSED,
            outcome_applied_at__isnull=True,
            batch__closed_at__lte=stale,
        )
        .values_list("batch_id", flat=True)
        .distinct()
    )
    for batch_pk in list(pending):
        apply_outcome(batch_pk)
    return closed


@transaction.atomic
def join_order(order):
    """A new order's lines join the batches they were checked into (their
    capacity holds name them). Idempotent; a line joining a batch that closed
    meanwhile is marked late and takes the outcome after the commit."""
    rows = sorted(
        set(
            CapacityReservation.objects.filter(
                order_id=order.pk, batch__isnull=False
            ).values_list("batch_id", "order_line_id")
        )
    )
    if not rows:
        return []
    quantities = dict(
        order.lines.filter(pk__in=[line for _batch, line in rows]).values_list(
            "pk", "quantity"
        )
    )
    joined = []
    # Locked in pk order, as every other writer of batches does.
    batches = {
        batch.pk: batch
        for batch in PreOrderBatch.objects.select_for_update()
        .filter(pk__in={batch for batch, _line in rows})
        .order_by("pk")
    }
    already = set(
        PreOrderBatchLine.objects.filter(order_id=order.pk).values_list(
            "order_line_id", flat=True
        )
    )
    late = set()
    for batch_pk, line_pk in rows:
        batch = batches.get(batch_pk)
        if batch is None or line_pk in already or line_pk not in quantities:
            continue
        joined.append(
            PreOrderBatchLine(
                batch=batch,
                order_id=order.pk,
                order_line_id=line_pk,
                quantity=quantities[line_pk],
                joined_late=batch.is_closed,
            )
        )
        if batch.is_closed:
            late.add(batch.pk)
    PreOrderBatchLine.objects.bulk_create(joined, ignore_conflicts=True)
    for batch_pk in sorted(late):
        _announce_outcome(batch_pk)
    return joined


def apply_outcome(batch_pk, now=None):
    """Apply a closed batch's outcome to each of its orders not yet told:
    production starts (the buyers are e-mailed), or the order is cancelled
    through the host, which refunds or voids what was paid. Once per order
    line, however often it runs. Returns the order pks it applied to."""
    order_ids = list(
        PreOrderBatchLine.objects.filter(
            batch_id=batch_pk,
            outcome_applied_at__isnull=True,
            batch__status__in=BatchStatus.CLOSED,
        )
        .values_list("order_id", flat=True)
        .distinct()
        .order_by("order_id")
    )
    return [pk for pk in order_ids if _apply_to_order(batch_pk, pk, now)]


@transaction.atomic
def _apply_to_order(batch_pk, order_pk, now=None):
    now = now or timezone.now()
    lines = list(
        PreOrderBatchLine.objects.select_for_update(of=("self",))
        .select_related("batch", "order", "order_line")
        .filter(batch_id=batch_pk, order_id=order_pk, outcome_applied_at__isnull=True)
        .order_by("pk")
    )
    if not lines or not lines[0].batch.is_closed:
        return False
    batch, order = lines[0].batch, lines[0].order
    PreOrderBatchLine.objects.filter(pk__in=[line.pk for line in lines]).update(
        outcome_applied_at=now
    )
    host = get_host()
    if host.order_is_cancelled(order):
        return True  # nothing to start or to cancel
    units = "%s of %s units" % (batch.closed_quantity, batch.minimum_quantity)
    if batch.status == BatchStatus.PRODUCING:
        # The order history is staff's, in English like the rest of Saleor's.
        host.add_order_note(
            order,
            "Pre-order batch %s closed with its minimum reached (%s): production "
            "starts." % (batch.name, units),
        )
        notifications.queue_outcome(batch, order, lines)
        return True
    if not host.order_can_be_cancelled(order):
        host.add_order_note(
            order,
            "Pre-order batch %s closed short of its minimum (%s), but the order can "
            "no longer be cancelled: settle it by hand." % (batch.name, units),
        )
        return True
    host.add_order_note(
        order,
        "Cancelled: pre-order batch %s closed short of its minimum (%s)."
        % (batch.name, units),
    )
    notifications.queue_outcome(batch, order, lines)
    # The host's own cancellation: its event and the plugins' hooks (ours
    # refunds or voids what was paid, cancels the jobs and frees capacity).
    host.cancel_order(order)
    return True
