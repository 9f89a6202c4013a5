"""From checkout to order: the checks checkoutComplete must pass, and the
snapshot of specs frozen onto order lines."""

from django.db import transaction

from .. import capacity
from ..choices import Mode
from ..host import get_host
from ..models import OrderLineSpec, SpecUpload
from ..pricing import price_specs
from .lines import check_checkout_lines, demands, line_data, schemas_for_product_types


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


def _pair_lines(checkout_lines, order_lines):
    """Saleor creates order lines from checkout lines in order; pair them up
    by variant and quantity in that order."""
    unused = list(order_lines)
    pairs = {}
    for checkout_line in checkout_lines:
        match = next(
            (
                o
                for o in unused
                if o.variant_id == checkout_line.variant_id
                and o.quantity == checkout_line.quantity
            ),
            None,
        )
        if match is not None:
            unused.remove(match)
            pairs[checkout_line.pk] = match
    return pairs


@transaction.atomic
def freeze_onto_order(order):
    """Freeze each made-to-order line's specs, modifiers, schema version and
    promised date onto its order line, hand the checkout's capacity holds
    and uploads over to the order."""
    checkout = get_host().checkout_by_token(order.checkout_token)
    if checkout is None:
        return []
    checkout_lines = list(
        checkout.lines.select_related("variant__product").order_by("pk")
    )
    schemas = schemas_for_product_types(
        ln.variant.product.product_type_id for ln in checkout_lines
    )
    made_to_order = [
        ln for ln in checkout_lines if ln.variant.product.product_type_id in schemas
    ]
    if not made_to_order:
        return []
    pairs = _pair_lines(made_to_order, order.lines.order_by("pk"))
    start_days = capacity.attach_holds_to_order(order, pairs)
    frozen = []
    for checkout_line in made_to_order:
        order_line = pairs.get(checkout_line.pk)
        if order_line is None:
            continue
        schema = schemas[checkout_line.variant.product.product_type_id]
        data = line_data(checkout_line) or {"specs": {}}
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
    OrderLineSpec.objects.bulk_create(frozen)
    SpecUpload.objects.filter(checkout_token=checkout.token).update(order=order)
    return frozen
