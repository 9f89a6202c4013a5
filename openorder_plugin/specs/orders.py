"""From checkout to order: the checks checkoutComplete must pass, and the
snapshot of specs frozen onto order lines."""

from django.db import transaction

from .. import capacity
from ..choices import Mode
from ..host import get_host
from ..models import ChatOrderLine, OrderLineSpec, SpecUpload
from ..pricing import price_specs
from .lines import check_checkout_lines, demands, schemas_for_product_types


def has_made_to_order_lines(order):
    return order.lines.filter(
        variant__product__product_type__made_to_order__mode=Mode.MADE_TO_ORDER
    ).exists()


def prepare_completion(checkout, lines):
    """Before payment: re-check the made-to-order lines and hold their
    capacity (replacing this checkout's earlier holds). Raises OpenOrderError."""
    checks = check_checkout_lines(checkout, lines)
    if checks:
        capacity.hold_for_checkout(checkout.token, demands(checks))


def chat_order_line_specs(order):
    """[(order line, entry, key)] of an order taken as a chat order (the
    key names the capacity held at its confirmation); [] for any other."""
    return [
        (chat_line.order_line, chat_line.entry, str(chat_line.order_line_id))
        for chat_line in ChatOrderLine.objects.filter(
            order_line__order_id=order.pk
        ).select_related("order_line__variant__product")
    ]


@transaction.atomic
def freeze_onto_order(order):
    """Freeze each made-to-order line's specs, modifiers, schema version and
    promised date onto its order line, and hand the checkout's capacity holds
    and uploads over to the order. Idempotent: a line frozen once is kept as
    it was (hosts that tell the plugin of a new order after commit may tell
    it again)."""
    host = get_host()
    # A checkout's specs are the host's; a chat order's (no host entry on any
    # line) are the plugin's own, read only then.
    lines = host.order_line_specs(order)
    if not any(entry for _line, entry, _key in lines):
        lines = chat_order_line_specs(order) or lines
    if not lines:
        return []
    schemas = schemas_for_product_types(
        line.variant.product.product_type_id for line, _entry, _key in lines
    )
    lines = [
        (line, entry, key)
        for line, entry, key in lines
        if line.variant.product.product_type_id in schemas
    ]
    # Holds already handed over stay with their lines; a line frozen before
    # is a conflict the insert skips.
    start_days = capacity.attach_holds_to_order(
        order, {key: line for line, _entry, key in lines}
    )
    frozen = []
    for order_line, entry, _key in lines:
        schema = schemas[order_line.variant.product.product_type_id]
        data = entry or {"specs": {}}
        items, modifier = price_specs(schema.fields, data["specs"], order.currency)
        days = start_days.get(order_line.pk)
        frozen.append(
            OrderLineSpec(
                order_line=order_line,
                product_type_id=schema.settings.product_type_id,
                schema_version=schema.settings.schema_version,
                specs=items,
                unit_price_modifier=modifier,
                promised_date=(
                    capacity.ready_date_from_start_days(schema.settings, days)
                    if days
                    else None
                ),
            )
        )
    OrderLineSpec.objects.bulk_create(frozen, ignore_conflicts=True)
    SpecUpload.objects.filter(
        checkout_token=order.checkout_token, order__isnull=True
    ).update(order=order)
    return frozen
