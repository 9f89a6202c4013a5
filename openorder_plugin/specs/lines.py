"""Specs on checkout lines.

A line's openorder entry, {"key", "specs", "unitPriceModifier",
"schemaVersion"}, is kept on the host's checkout line (Host.line_specs and
set_line_specs): the host keeps lines of one variant apart when their entries
differ, deletes the entry with the line, and the price hooks read the
modifier without a query.
"""

import datetime
import hashlib
import json
from decimal import Decimal
from typing import NamedTuple, Optional

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import capacity
from ..batches import rules as batch_rules, selectors as batch_selectors
from ..choices import SpecFieldType
from ..errors import OpenOrderError, OpenOrderErrorCode as Code, Problems
from ..catalog import selectors as catalog_selectors
from ..host import get_host
from ..models import MadeToOrderSettings, SpecUpload
from ..pricing import price_specs
from .values import clean_values


def line_data(line) -> Optional[dict]:
    return get_host().line_specs(line)


def unit_price_modifier(line) -> Decimal:
    data = line_data(line)
    return Decimal(data["unitPriceModifier"]) if data else Decimal(0)


def specs_key(cleaned):
    canonical = json.dumps(cleaned, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


class Schema(NamedTuple):
    settings: MadeToOrderSettings
    fields: list


def schemas_for_product_types(type_ids):
    """{product type id: Schema} for the made-to-order types among them, in
    two queries."""
    settings = {
        type_id: s
        for type_id, s in catalog_selectors.settings_for_product_types(type_ids).items()
        if s.is_made_to_order
    }
    # No query at all when none of the types is made to order.
    fields = catalog_selectors.fields_for_product_types(settings)
    return {type_id: Schema(settings[type_id], fields[type_id]) for type_id in settings}


def uploads_for_checkout(checkout_token):
    return {
        str(u.pk): u for u in SpecUpload.objects.filter(checkout_token=checkout_token)
    }


def deadline(schema, cleaned):
    """The buyer's "date wanted": the earliest DATE spec they gave, if any."""
    dates = [
        datetime.date.fromisoformat(cleaned[f.code])
        for f in schema.fields
        if f.type == SpecFieldType.DATE and f.code in cleaned
    ]
    return min(dates) if dates else None


def build_line_data(schema, specs, *, today, uploads, prefix, currency):
    """Validate specs against a schema; return the line's data entry."""
    cleaned = clean_values(
        schema.fields, specs, today=today, uploads=uploads, prefix=prefix
    )
    _items, modifier = price_specs(schema.fields, cleaned, currency)
    return {
        "key": specs_key(cleaned),
        "specs": cleaned,
        "unitPriceModifier": str(modifier),
        "schemaVersion": schema.settings.schema_version,
    }


def quantity_range_message():
    return gettext("Quantity must be from 1 to %(max)d.") % {"max": _max_quantity()}


def _lock_checkout(checkout):
    # Serialises concurrent edits of one checkout's lines.
    return get_host().lock_checkout(checkout)


def _max_quantity():
    return get_host().max_line_quantity()


def selling_of_variants(variants, now):
    """{product pk: Selling} of the variants' products, in one query."""
    products = {variant.product.pk: variant.product for variant in variants}
    return batch_selectors.selling_for_products(products.values(), now)


def batch_problem(problems, path, selling, now):
    """A problem when the product sells only in batches and none is taking
    orders; else the batch the line goes into (None outside batches)."""
    if selling.in_batches and selling.current is None:
        problems.add(
            path,
            Code.BATCH_NOT_OPEN,
            batch_rules.not_open_message(selling.upcoming, now),
        )
    return selling.current


@transaction.atomic
def add_lines(checkout, lines, today=None):
    """Add made-to-order lines with specs: [{"variant", "quantity", "specs"}].
    The same variant with the same specs adds to one line. All or nothing."""
    today = today or timezone.localdate()
    checkout = _lock_checkout(checkout)
    schemas = schemas_for_product_types(
        ln["variant"].product.product_type_id for ln in lines
    )
    uploads = uploads_for_checkout(checkout.token)
    now = timezone.now()
    selling = selling_of_variants([ln["variant"] for ln in lines], now)
    problems = Problems()
    prepared = []
    for index, line in enumerate(lines):
        prefix = "lines.%d" % index
        variant, quantity = line["variant"], line["quantity"]
        schema = schemas.get(variant.product.product_type_id)
        if schema is None:
            problems.add(
                prefix + ".variant_id",
                Code.NOT_MADE_TO_ORDER,
                gettext(
                    "%(product)s is not made to order; add it with checkoutLinesAdd."
                )
                % {"product": variant.product.name},
            )
            continue
        if not get_host().variant_is_published(variant, checkout):
            problems.add(
                prefix + ".variant_id",
                Code.INVALID,
                gettext("This product is not published."),
            )
            continue
        if quantity < 1 or quantity > _max_quantity():
            problems.add(
                prefix + ".quantity", Code.OUT_OF_RANGE, quantity_range_message()
            )
            continue
        count = len(problems.items)
        batch_problem(
            problems, prefix + ".variant_id", selling[variant.product.pk], now
        )
        if len(problems.items) > count:
            continue
        try:
            data = build_line_data(
                schema,
                line.get("specs") or [],
                today=today,
                uploads=uploads,
                prefix=prefix + ".specs",
                currency=checkout.currency,
            )
        except OpenOrderError as error:
            problems.extend(error)
            continue
        prepared.append((index, variant, quantity, data))
    problems.raise_if_any()

    existing = list(checkout.lines.all())
    for index, variant, quantity, data in prepared:
        line = next(
            (
                ln
                for ln in existing
                if ln.variant_id == variant.pk
                and (line_data(ln) or {}).get("key") == data["key"]
            ),
            None,
        )
        if line is None:
            line = get_host().new_checkout_line(checkout, variant)
            existing.append(line)
        if line.quantity + quantity > _max_quantity():
            raise OpenOrderError.single(
                "lines.%d.quantity" % index,
                Code.OUT_OF_RANGE,
                gettext("A line holds at most %(max)d units.")
                % {"max": _max_quantity()},
            )
        line.quantity += quantity
        get_host().set_line_specs(line, data)
        line.save()
    get_host().checkout_lines_changed(checkout)
    return checkout


@transaction.atomic
def update_line_specs(checkout, line_pk, specs, today=None):
    """Replace one line's specs. When another line of the same variant already
    has these specs, the two become one line."""
    today = today or timezone.localdate()
    checkout = _lock_checkout(checkout)
    line = checkout.lines.filter(pk=line_pk).select_related("variant__product").first()
    if line is None:
        raise OpenOrderError.single(
            "line_id", Code.NOT_FOUND, gettext("The checkout has no such line.")
        )
    schema = schemas_for_product_types([line.variant.product.product_type_id]).get(
        line.variant.product.product_type_id
    )
    if schema is None:
        raise OpenOrderError.single(
            "line_id",
            Code.NOT_MADE_TO_ORDER,
            gettext("This line's product is not made to order."),
        )
    data = build_line_data(
        schema,
        specs,
        today=today,
        uploads=uploads_for_checkout(checkout.token),
        prefix="specs",
        currency=checkout.currency,
    )
    twin = next(
        (
            ln
            for ln in checkout.lines.filter(variant_id=line.variant_id).exclude(
                pk=line.pk
            )
            if (line_data(ln) or {}).get("key") == data["key"]
        ),
        None,
    )
    if twin is not None:
        twin.quantity = min(twin.quantity + line.quantity, _max_quantity())
        get_host().set_line_specs(twin, data)
        line.delete()
        twin.save()
    else:
        line.save(update_fields=get_host().set_line_specs(line, data))
    get_host().checkout_lines_changed(checkout)
    return checkout


class LineCheck(NamedTuple):
    index: int  # the line's place in the checkout, for error paths
    line: object  # the host's checkout line
    schema: Schema
    cleaned: dict
    items: list
    modifier: Decimal
    batch: object  # the pre-order batch the line goes into, or None


def check_checkout_lines(checkout, lines, today=None, entry_of=line_data):
    """Re-check every made-to-order line against the current schema, as
    checkoutComplete must: required specs present, values still valid, price
    unchanged. Returns [LineCheck]; raises OpenOrderError naming each line.
    `checkout` gives the token uploads were made under and the currency;
    `entry_of(line)` the line's openorder entry (a chat order keeps its
    own)."""
    today = today or timezone.localdate()
    schemas = schemas_for_product_types(
        ln.variant.product.product_type_id for ln in lines
    )
    uploads = None
    now = timezone.now()
    selling = selling_of_variants(
        [ln.variant for ln in lines if ln.variant.product.product_type_id in schemas],
        now,
    )
    problems = Problems()
    checked = []
    for index, line in enumerate(lines):
        schema = schemas.get(line.variant.product.product_type_id)
        if schema is None:
            continue
        count = len(problems.items)
        batch = batch_problem(
            problems, "lines.%d" % index, selling[line.variant.product.pk], now
        )
        if len(problems.items) > count:
            continue
        if uploads is None:
            uploads = uploads_for_checkout(checkout.token)
        data = entry_of(line) or {"specs": {}, "unitPriceModifier": "0"}
        specs = [
            {"code": code, "values": value}
            if isinstance(value, list)
            else {"code": code, "value": value}
            for code, value in data["specs"].items()
        ]
        prefix = "lines.%d.specs" % index
        try:
            cleaned = clean_values(
                schema.fields, specs, today=today, uploads=uploads, prefix=prefix
            )
        except OpenOrderError as error:
            problems.extend(error)
            continue
        items, modifier = price_specs(schema.fields, cleaned, checkout.currency)
        if modifier != Decimal(data["unitPriceModifier"]):
            problems.add(
                prefix,
                Code.INVALID,
                gettext(
                    "The price of %(product)s's options changed; update the line's specs "
                    "to see the new price."
                )
                % {"product": line.variant.product.name},
            )
            continue
        checked.append(LineCheck(index, line, schema, cleaned, items, modifier, batch))
    problems.raise_if_any()
    return checked


def demands(checks):
    return [
        capacity.LineDemand(
            key=check.line.pk,
            settings=check.schema.settings,
            quantity=check.line.quantity,
            deadline=deadline(check.schema, check.cleaned),
            path="lines.%d" % check.index,
            earliest_start=batch_rules.earliest_start(check.batch),
            batch_id=check.batch.pk if check.batch is not None else None,
        )
        for check in checks
    ]
