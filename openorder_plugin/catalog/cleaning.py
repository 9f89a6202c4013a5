"""What the catalog's validation is built from: limits, API paths, and the
checks of one value (a whole number, a price, a text, one of a list).

Each `clean_*` function adds a Problem to `problems` (naming the value by
its path, such as `input.lead_time_days` or `input.choices.1.value`) and
returns the cleaned value, or None when it was refused. Nothing here touches
the database."""

import re
from decimal import Decimal, InvalidOperation

from ..errors import OpenOrderErrorCode as Code
from ..host import get_host
from ..money import currency_precision

FIELD_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
STAGE_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
MIME_TYPE_RE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")

MAX_CODE_LENGTH = 64
MAX_LABEL_LENGTH = 128
MAX_HELP_TEXT_LENGTH = 512
MAX_PATTERN_LENGTH = 512
MAX_CHOICE_VALUE_LENGTH = 256
MAX_CHOICES = 200
MAX_STAGES = 30
MAX_LEAD_TIME_DAYS = 365
MAX_DAYS = 3650
MAX_INT = 2147483647  # PostgreSQL integer
MAX_PRICE = Decimal("1000000000")  # DecimalField(max_digits=12, decimal_places=3)
MAX_NUMBER = Decimal("1000000000000")  # DecimalField(max_digits=18, decimal_places=6)
NUMBER_PLACES = 6
BOOLEAN_VALUES = ("true", "false")


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def path(prefix, *parts):
    return ".".join(
        [prefix] + [str(part) for part in parts] if prefix else map(str, parts)
    )


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def decimal_or_none(value):
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def decimal_places(number):
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent)


def clean_int(problems, field, value, minimum, maximum, nullable=False):
    if value is None:
        if nullable:
            return None
        problems.add(field, Code.REQUIRED, "A whole number is required.")
        return None
    if not is_int(value):
        problems.add(field, Code.INVALID, "Must be a whole number.")
        return None
    if not minimum <= value <= maximum:
        problems.add(
            field, Code.OUT_OF_RANGE, "Must be between %s and %s." % (minimum, maximum)
        )
        return None
    return value


def clean_price(problems, field, value):
    """A money amount in the shop currency: not negative, and no finer than
    the currency's precision."""
    currency = get_host().currency()
    places = currency_precision(currency)
    if value is None or value == "":
        value = 0
    amount = decimal_or_none(value)
    if amount is None:
        problems.add(field, Code.INVALID, "Must be an amount of money.")
        return None
    if amount < 0:
        problems.add(field, Code.NEGATIVE_PRICE, "A price cannot be negative.")
        return None
    if amount >= MAX_PRICE:
        problems.add(field, Code.OUT_OF_RANGE, "Must be below %s." % MAX_PRICE)
        return None
    if decimal_places(amount) > places:
        problems.add(
            field,
            Code.INVALID,
            "%s amounts have at most %d decimal places." % (currency, places),
        )
        return None
    return amount.quantize(Decimal(1).scaleb(-places))


def clean_text(problems, field, value, max_length, required=False):
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems.add(field, Code.INVALID, "Must be text.")
        return None
    value = value.strip()
    if required and not value:
        problems.add(field, Code.REQUIRED, "This is required.")
        return None
    if len(value) > max_length:
        problems.add(field, Code.TOO_LONG, "At most %d characters." % max_length)
        return None
    return value


def unknown_attrs(problems, prefix, changes, known):
    for key in changes:
        if key not in known:
            problems.add(path(prefix, key), Code.INVALID, "Unknown setting.")


def one_of(problems, field, value, choices):
    values = [choice for choice, _label in choices]
    if value not in values:
        problems.add(field, Code.INVALID, "Must be one of %s." % ", ".join(values))
        return None
    return value
