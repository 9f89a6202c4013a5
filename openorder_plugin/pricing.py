"""Price modifiers: what a buyer's specs add to the unit price."""

from decimal import Decimal

from .choices import SpecFieldType as T
from .money import quantize


def _choice_prices(field):
    return {c["value"]: Decimal(str(c.get("priceAmount") or 0)) for c in field.choices}


def field_modifier(field, value) -> Decimal:
    """What one given spec adds per unit: the field's flat amount (for a
    BOOLEAN only when true), the chosen choices' amounts, and the amount per
    character of text."""
    amount = Decimal(0)
    if field.type != T.BOOLEAN or value == "true":
        amount += field.price_per_unit
    if field.type == T.CHOICE:
        amount += _choice_prices(field).get(value, Decimal(0))
    elif field.type == T.MULTI_CHOICE:
        prices = _choice_prices(field)
        amount += sum((prices.get(v, Decimal(0)) for v in value), Decimal(0))
    elif field.type in T.TEXTUAL:
        amount += field.price_per_character * len(value)
    return amount


def price_specs(fields, cleaned, currency):
    """The snapshot of cleaned specs with their modifiers, and the unit price
    modifier (rounded to the currency's precision, and the sum of the
    rounded parts, so the parts always add up)."""
    items = []
    total = Decimal(0)
    for field in fields:
        if field.code not in cleaned:
            continue
        value = cleaned[field.code]
        modifier = quantize(field_modifier(field, value), currency)
        total += modifier
        items.append(
            {
                "code": field.code,
                "label": field.label,
                "type": field.type,
                "value": value,
                "priceModifier": str(modifier),
            }
        )
    return items, quantize(total, currency)
