"""Read models for storefronts: a quote, a checkout's made-to-order lines and
an order's frozen specs. Plain data, no GraphQL."""

from decimal import Decimal
from typing import List, NamedTuple, Optional

from django.utils import timezone
from django.utils.translation import gettext
from prices import Money, TaxedMoney

from .. import capacity
from ..batches import rules as batch_rules
from ..errors import OpenOrderError, OpenOrderErrorCode as Code, Problem, Problems
from ..host import get_host
from ..l10n import format_date
from ..models import OrderLineSpec
from ..payments.deposits import line_deposit
from ..pricing import price_specs
from .lines import (
    batch_problem,
    deadline,
    line_data,
    quantity_range_message,
    schemas_for_product_types,
    selling_of_variants,
    uploads_for_checkout,
)
from .values import clean_values


class LineView(NamedTuple):
    line: object  # the host's checkout line
    specs: list  # [{"code", "label", "type", "value", "priceModifier"}]
    unit_price: Optional[TaxedMoney]
    total_price: Optional[TaxedMoney]
    unit_price_modifier: Money
    promised_date: object
    deposit: Money
    problems: List[Problem]


class CheckoutView(NamedTuple):
    checkout: object
    lines: List[LineView]
    deposit: Money


def _specs_input(stored):
    return [
        {"code": code, "values": value}
        if isinstance(value, list)
        else {"code": code, "value": value}
        for code, value in stored.items()
    ]


def checkout_view(checkout, discounts) -> CheckoutView:
    today = timezone.localdate()
    # In the host's own line order (its model's), as its checkout shows them.
    lines = list(checkout.lines.select_related("variant__product"))
    schemas = schemas_for_product_types(
        ln.variant.product.product_type_id for ln in lines
    )
    uploads = uploads_for_checkout(checkout.token)
    currency = checkout.currency
    now = timezone.now()
    selling = selling_of_variants(
        [ln.variant for ln in lines if ln.variant.product.product_type_id in schemas],
        now,
    )
    demands, prepared = [], []
    for index, line in enumerate(lines):
        schema = schemas.get(line.variant.product.product_type_id)
        if schema is None:
            continue
        stored = (line_data(line) or {}).get("specs", {})
        problems, cleaned = [], {}
        try:
            cleaned = clean_values(
                schema.fields,
                _specs_input(stored),
                today=today,
                uploads=uploads,
                prefix="lines.%d.specs" % index,
            )
        except OpenOrderError as error:
            problems = error.problems
        not_open = Problems()
        batch = batch_problem(
            not_open, "lines.%d" % index, selling[line.variant.product.pk], now
        )
        problems = list(problems) + not_open.items
        items, modifier = price_specs(schema.fields, cleaned or stored, currency)
        if not problems:
            demands.append(
                capacity.LineDemand(
                    line.pk,
                    schema.settings,
                    line.quantity,
                    deadline(schema, cleaned),
                    "lines.%d" % index,
                    earliest_start=batch_rules.earliest_start(batch),
                )
            )
        prepared.append((line, schema, items, modifier, problems))
    promised = capacity.estimate(demands, today=today, exclude_checkout=checkout.token)
    views = []
    deposit_total = Decimal(0)
    for line, schema, items, modifier, problems in prepared:
        total = get_host().checkout_line_total(line, discounts)
        deposit = line_deposit(
            schema.settings, total.gross.amount, line.quantity, currency
        )
        deposit_total += deposit
        views.append(
            LineView(
                line=line,
                specs=items,
                unit_price=total / line.quantity,
                total_price=total,
                unit_price_modifier=Money(modifier, currency),
                promised_date=promised.get(line.pk),
                deposit=Money(deposit, currency),
                problems=problems,
            )
        )
    return CheckoutView(checkout, views, Money(deposit_total, currency))


class Quote(NamedTuple):
    specs: list
    unit_price: Optional[Money]
    unit_price_modifier: Optional[Money]
    total_price: Optional[Money]
    deposit: Optional[Money]
    promised_date: object
    errors: List[Problem]


def quote(variant, quantity, specs, discounts, country, checkout_token=None) -> Quote:
    """Price, deposit and promised date for a variant with specs, creating
    nothing. Problems come back in `errors`, with whatever could be worked out."""
    empty = Quote([], None, None, None, None, None, [])
    product = variant.product
    schema = schemas_for_product_types([product.product_type_id]).get(
        product.product_type_id
    )
    if schema is None:
        return empty._replace(
            errors=[
                Problem(
                    "variant_id",
                    Code.NOT_MADE_TO_ORDER,
                    gettext("%(product)s is not made to order.")
                    % {"product": product.name},
                )
            ]
        )
    if not 1 <= quantity <= get_host().max_line_quantity():
        return empty._replace(
            errors=[Problem("quantity", Code.OUT_OF_RANGE, quantity_range_message())]
        )
    today = timezone.localdate()
    uploads = uploads_for_checkout(checkout_token) if checkout_token else {}
    try:
        cleaned = clean_values(schema.fields, specs, today=today, uploads=uploads)
    except OpenOrderError as error:
        return empty._replace(errors=error.problems)
    base = get_host().variant_unit_price(variant, discounts, country)
    currency = base.currency
    items, modifier = price_specs(schema.fields, cleaned, currency)
    unit = base.gross.amount + modifier
    total = unit * quantity
    wanted = deadline(schema, cleaned)
    errors = []
    now = timezone.now()
    selling = selling_of_variants([variant], now)[product.pk]
    not_open = Problems()
    batch = batch_problem(not_open, "variant_id", selling, now)
    errors.extend(not_open.items)
    promised = capacity.estimate(
        [
            capacity.LineDemand(
                "quote",
                schema.settings,
                quantity,
                wanted,
                "",
                earliest_start=batch_rules.earliest_start(batch),
            )
        ],
        today=today,
    )["quote"]
    if promised is None:
        errors.append(
            Problem(
                "quantity",
                Code.CAPACITY_FULL,
                gettext("There is no production capacity for this quantity."),
            )
        )
    elif wanted is not None and promised > wanted:
        errors.append(
            Problem(
                "specs",
                Code.CAPACITY_FULL,
                gettext(
                    "The earliest date we can promise is %(promised)s, after the date wanted "
                    "(%(wanted)s)."
                )
                % {"promised": format_date(promised), "wanted": format_date(wanted)},
            )
        )
    return Quote(
        specs=items,
        unit_price=Money(unit, currency),
        unit_price_modifier=Money(modifier, currency),
        total_price=Money(total, currency),
        deposit=Money(
            line_deposit(schema.settings, total, quantity, currency), currency
        ),
        promised_date=promised,
        errors=errors,
    )


def frozen_specs_for_order(order):
    """{order line pk: OrderLineSpec} for an order, in one query."""
    return {
        spec.order_line_id: spec
        for spec in OrderLineSpec.objects.filter(order_line__order=order)
    }
