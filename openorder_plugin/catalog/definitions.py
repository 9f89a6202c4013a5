"""Validation of what staff define: a product type's made-to-order settings and
its custom-spec fields.

Each `clean_*` function takes the stored values (a dict of model attributes)
and the changes asked for (only the attributes the caller gave), checks the
result as a whole, and returns the values to store, or raises OpenOrderError
naming every problem by its API path (`input.leadTimeDays`,
`input.choices.1.value`, ...). Nothing here touches the database."""
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings

from ..choices import BalanceDue, DepositType, Mode, SpecFieldType
from ..errors import OpenOrderErrorCode as Code, Problems
from .patterns import InvalidPattern, compile_pattern
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
    return ".".join([prefix] + [str(part) for part in parts] if prefix else map(str, parts))


# --- values --------------------------------------------------------------


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _decimal(value):
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _places(number):
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent)


def clean_int(problems, field, value, minimum, maximum, nullable=False):
    if value is None:
        if nullable:
            return None
        problems.add(field, Code.REQUIRED, "A whole number is required.")
        return None
    if not _is_int(value):
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
    places = currency_precision(settings.DEFAULT_CURRENCY)
    if value is None or value == "":
        value = 0
    amount = _decimal(value)
    if amount is None:
        problems.add(field, Code.INVALID, "Must be an amount of money.")
        return None
    if amount < 0:
        problems.add(field, Code.NEGATIVE_PRICE, "A price cannot be negative.")
        return None
    if amount >= MAX_PRICE:
        problems.add(field, Code.OUT_OF_RANGE, "Must be below %s." % MAX_PRICE)
        return None
    if _places(amount) > places:
        problems.add(
            field,
            Code.INVALID,
            "%s amounts have at most %d decimal places."
            % (settings.DEFAULT_CURRENCY, places),
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


def _unknown(problems, prefix, changes, known):
    for key in changes:
        if key not in known:
            problems.add(path(prefix, camel(key)), Code.INVALID, "Unknown setting.")


# --- made-to-order settings ------------------------------------------------

SETTINGS_ATTRS = (
    "mode",
    "lead_time_days",
    "daily_capacity",
    "working_days",
    "stages",
    "deposit_type",
    "deposit_value",
    "balance_due",
    "balance_due_days",
    "free_cancellation_stage",
    "notify_stages",
)


def _one_of(problems, field, value, choices):
    values = [choice for choice, _label in choices]
    if value not in values:
        problems.add(field, Code.INVALID, "Must be one of %s." % ", ".join(values))
        return None
    return value


def clean_stages(problems, field, stages):
    if not isinstance(stages, (list, tuple)):
        problems.add(field, Code.INVALID, "Must be a list of stages.")
        return None
    if not stages:
        problems.add(field, Code.REQUIRED, "At least one production stage is needed.")
        return None
    if len(stages) > MAX_STAGES:
        problems.add(field, Code.INVALID, "At most %d stages." % MAX_STAGES)
        return None
    cleaned, seen = [], set()
    for index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            problems.add(path(field, index), Code.INVALID, "A stage has a code and a label.")
            continue
        code = clean_text(
            problems, path(field, index, "code"), stage.get("code"), MAX_CODE_LENGTH, True
        )
        if code and not STAGE_CODE_RE.match(code):
            problems.add(
                path(field, index, "code"),
                Code.INVALID,
                "A stage code is upper-case letters, digits and _ (e.g. IN_PRODUCTION).",
            )
            code = None
        if code and code in seen:
            problems.add(
                path(field, index, "code"), Code.UNIQUE, "Stage %s is listed twice." % code
            )
            code = None
        label = clean_text(
            problems,
            path(field, index, "label"),
            stage.get("label"),
            MAX_LABEL_LENGTH,
            True,
        )
        if code:
            seen.add(code)
        cleaned.append({"code": code, "label": label})
    return cleaned


def clean_notify_stages(problems, field, chosen, codes, given):
    """The stages at which the buyer is e-mailed, in stage order; None keeps
    the default (every stage after the first). Codes of stages that were
    removed drop out; naming an unknown stage is an error."""
    if chosen is None:
        return None
    if not isinstance(chosen, (list, tuple)) or not all(isinstance(c, str) for c in chosen):
        problems.add(field, Code.INVALID, "Must be a list of stage codes.")
        return None
    unknown = [code for code in chosen if code not in codes]
    if given and unknown:
        problems.add(
            field,
            Code.INVALID,
            "Not among the stages (%s): %s." % (", ".join(codes), ", ".join(unknown)),
        )
    return [code for code in codes if code in chosen]


def clean_settings(current, changes, prefix="input"):
    """The settings to store: `current` (all SETTINGS_ATTRS) with `changes`
    applied, checked as a whole."""
    problems = Problems()
    _unknown(problems, prefix, changes, SETTINGS_ATTRS)
    new = dict(current)
    new.update({k: v for k, v in changes.items() if k in SETTINGS_ATTRS})

    def at(attr):
        return path(prefix, camel(attr))

    new["mode"] = _one_of(problems, at("mode"), new["mode"], Mode.CHOICES)
    new["lead_time_days"] = clean_int(
        problems, at("lead_time_days"), new["lead_time_days"], 0, MAX_LEAD_TIME_DAYS
    )
    new["daily_capacity"] = clean_int(
        problems, at("daily_capacity"), new["daily_capacity"], 1, MAX_INT, nullable=True
    )

    days = new["working_days"]
    if not isinstance(days, (list, tuple)):
        problems.add(at("working_days"), Code.INVALID, "Must be a list of weekdays.")
    elif not days:
        problems.add(
            at("working_days"), Code.REQUIRED, "At least one working day is needed."
        )
    else:
        for index, day in enumerate(days):
            clean_int(problems, path(at("working_days"), index), day, 1, 7)
        if all(_is_int(day) and 1 <= day <= 7 for day in days):
            new["working_days"] = sorted(set(days))

    stages = clean_stages(problems, at("stages"), new["stages"])
    codes = [stage["code"] for stage in stages or []]

    stage = new["free_cancellation_stage"] or ""
    if stage and stages is not None and stage not in codes:
        if "free_cancellation_stage" in changes:
            problems.add(
                at("free_cancellation_stage"),
                Code.INVALID,
                "Must be one of the stages: %s." % ", ".join(codes),
            )
        else:
            problems.add(
                at("stages"),
                Code.INVALID,
                "The free-cancellation stage %s is not among the stages; "
                "change freeCancellationStage too." % stage,
            )
    new["free_cancellation_stage"] = stage
    new["notify_stages"] = clean_notify_stages(
        problems, at("notify_stages"), new["notify_stages"], codes, "notify_stages" in changes
    )

    deposit_type = _one_of(
        problems, at("deposit_type"), new["deposit_type"], DepositType.CHOICES
    )
    value = new["deposit_value"]
    if deposit_type in (DepositType.NONE, DepositType.FULL):
        given = _decimal(changes.get("deposit_value"))
        if given:
            problems.add(
                at("deposit_value"),
                Code.INVALID,
                "A %s deposit takes no value." % deposit_type,
            )
        new["deposit_value"] = Decimal("0")
    elif deposit_type == DepositType.PERCENT:
        percent = _decimal(value)
        if percent is None:
            problems.add(at("deposit_value"), Code.INVALID, "Must be a percentage.")
        elif not 0 <= percent <= 100:
            problems.add(
                at("deposit_value"), Code.OUT_OF_RANGE, "Must be between 0 and 100."
            )
        elif _places(percent) > 3:
            problems.add(at("deposit_value"), Code.INVALID, "At most 3 decimal places.")
        else:
            new["deposit_value"] = percent
    elif deposit_type == DepositType.FIXED:
        new["deposit_value"] = clean_price(problems, at("deposit_value"), value)
    new["deposit_type"] = deposit_type

    balance_due = _one_of(
        problems, at("balance_due"), new["balance_due"], BalanceDue.CHOICES
    )
    if balance_due == BalanceDue.DAYS_AFTER_ORDER:
        new["balance_due_days"] = clean_int(
            problems, at("balance_due_days"), new["balance_due_days"], 1, MAX_DAYS
        )
    else:
        if changes.get("balance_due_days") is not None:
            problems.add(
                at("balance_due_days"),
                Code.INVALID,
                "Days apply only when the balance is due DAYS_AFTER_ORDER.",
            )
        new["balance_due_days"] = None
    new["balance_due"] = balance_due

    problems.raise_if_any()
    return new


# --- custom-spec fields ----------------------------------------------------

FIELD_ATTRS = (
    "code",
    "label",
    "help_text",
    "type",
    "required",
    "min_length",
    "max_length",
    "pattern",
    "min_value",
    "max_value",
    "choices",
    "earliest_date_days",
    "max_file_size",
    "allowed_file_types",
    "price_per_unit",
    "price_per_character",
    "visible_when_field",
    "visible_when_value",
)

# The validation and price modifiers that fit only some types, and their
# "not set" value. A price per unit fits every type.
TYPE_SPECIFIC = {
    "min_length": (SpecFieldType.TEXTUAL, None),
    "max_length": (SpecFieldType.TEXTUAL, None),
    "pattern": (SpecFieldType.TEXTUAL, ""),
    "price_per_character": (SpecFieldType.TEXTUAL, Decimal("0")),
    "min_value": ((SpecFieldType.NUMBER,), None),
    "max_value": ((SpecFieldType.NUMBER,), None),
    "choices": (SpecFieldType.WITH_CHOICES, []),
    "earliest_date_days": ((SpecFieldType.DATE,), None),
    "max_file_size": ((SpecFieldType.FILE,), None),
    "allowed_file_types": ((SpecFieldType.FILE,), []),
}

FIELD_DEFAULTS = {
    "code": "",
    "label": "",
    "help_text": "",
    "type": None,
    "required": False,
    "price_per_unit": Decimal("0"),
    "visible_when_field": "",
    "visible_when_value": "",
}
FIELD_DEFAULTS.update({attr: empty for attr, (_types, empty) in TYPE_SPECIFIC.items()})


def _is_set(attr, value):
    if value is None or value == "" or value == [] or value == ():
        return False
    if attr.startswith("price_"):
        return _decimal(value) != 0
    return True


def clean_choices(problems, field, choices):
    if not isinstance(choices, (list, tuple)):
        problems.add(field, Code.INVALID, "Must be a list of choices.")
        return None
    if not choices:
        problems.add(field, Code.REQUIRED, "At least one choice is needed.")
        return None
    if len(choices) > MAX_CHOICES:
        problems.add(field, Code.INVALID, "At most %d choices." % MAX_CHOICES)
        return None
    cleaned, seen = [], set()
    for index, choice in enumerate(choices):
        if not isinstance(choice, dict):
            problems.add(path(field, index), Code.INVALID, "A choice has a value and a label.")
            continue
        value = clean_text(
            problems,
            path(field, index, "value"),
            choice.get("value"),
            MAX_CHOICE_VALUE_LENGTH,
            required=True,
        )
        if value and value in seen:
            problems.add(
                path(field, index, "value"),
                Code.UNIQUE,
                "The choice %s is listed twice." % value,
            )
        seen.add(value)
        label = clean_text(
            problems, path(field, index, "label"), choice.get("label"), MAX_LABEL_LENGTH
        )
        # The API's input says price_amount; stored data and demo say priceAmount.
        amount = choice.get("priceAmount", choice.get("price_amount"))
        price = clean_price(problems, path(field, index, "priceAmount"), amount)
        cleaned.append(
            {
                "value": value,
                "label": label or value,
                "priceAmount": str(price) if price is not None else None,
            }
        )
    return cleaned


def clean_condition_value(controlling, value):
    """Why `value` can never be the value of the field `controlling`, or None."""
    kind = controlling["type"]
    if kind in SpecFieldType.WITH_CHOICES:
        values = [choice["value"] for choice in controlling["choices"] or []]
        if value not in values:
            return "%s has no choice %s (choices: %s)." % (
                controlling["code"],
                value,
                ", ".join(values),
            )
    elif kind == SpecFieldType.BOOLEAN and value not in BOOLEAN_VALUES:
        return "%s is yes or no: the value must be true or false." % controlling["code"]
    elif kind == SpecFieldType.FILE:
        return "A field cannot be shown depending on an uploaded file."
    return None


def condition_problems(fields):
    """Problems with the conditions among `fields` (all fields of one type,
    as dicts): {code: (attr, message)} for each field whose condition names
    no other field, a value that field can never have, or is part of a cycle."""
    by_code = {field["code"]: field for field in fields}
    found = {}
    for field in fields:
        target = field["visible_when_field"]
        if not target:
            continue
        if target == field["code"]:
            found[field["code"]] = ("visible_when_field", "A field cannot depend on itself.")
            continue
        controlling = by_code.get(target)
        if controlling is None:
            found[field["code"]] = (
                "visible_when_field",
                "There is no field %s in this product type." % target,
            )
            continue
        reason = clean_condition_value(controlling, field["visible_when_value"])
        if reason:
            found[field["code"]] = ("visible_when_value", reason)
            continue
        seen, current = {field["code"]}, controlling
        while current is not None and current["visible_when_field"]:
            if current["code"] in seen:
                found[field["code"]] = (
                    "visible_when_field",
                    "The conditions would form a cycle through %s." % current["code"],
                )
                break
            seen.add(current["code"])
            current = by_code.get(current["visible_when_field"])
    return found


def clean_field(current, changes, siblings, prefix="input"):
    """The field to store: `current` (a dict of FIELD_ATTRS, None when the field
    is new) with `changes` applied. `siblings` are the other fields of the
    product type, as dicts. Attributes that do not fit the (new) type are
    refused when given, and cleared when left over from a previous type."""
    problems = Problems()
    _unknown(problems, prefix, changes, FIELD_ATTRS)
    changes = {k: v for k, v in changes.items() if k in FIELD_ATTRS}
    new = dict(current if current is not None else FIELD_DEFAULTS)
    new.update(changes)

    def at(attr):
        return path(prefix, camel(attr))

    kind = new["type"]
    type_values = [value for value, _label in SpecFieldType.CHOICES]
    if kind is None:
        problems.add(at("type"), Code.REQUIRED, "A field type is required.")
    elif kind not in type_values:
        problems.add(
            at("type"),
            Code.INVALID_TYPE,
            "Unknown field type %s; one of %s." % (kind, ", ".join(type_values)),
        )
        kind = None
    problems.raise_if_any()

    for attr, (types, empty) in TYPE_SPECIFIC.items():
        if kind in types:
            continue
        if attr in changes and _is_set(attr, changes[attr]):
            problems.add(
                at(attr),
                Code.INVALID,
                "%s does not apply to a %s field." % (camel(attr), kind),
            )
        new[attr] = list(empty) if isinstance(empty, list) else empty

    code = clean_text(problems, at("code"), new["code"], MAX_CODE_LENGTH, required=True)
    if code and not FIELD_CODE_RE.match(code):
        problems.add(
            at("code"),
            Code.INVALID,
            "A code is lower-case letters, digits and _, starting with a letter "
            "(e.g. print_text).",
        )
    elif code and any(sibling["code"] == code for sibling in siblings):
        problems.add(at("code"), Code.UNIQUE, "This product type already has a field %s." % code)
    new["code"] = code
    new["label"] = clean_text(problems, at("label"), new["label"], MAX_LABEL_LENGTH, True)
    new["help_text"] = clean_text(
        problems, at("help_text"), new["help_text"], MAX_HELP_TEXT_LENGTH
    )
    if new["required"] is None:
        new["required"] = False
    elif not isinstance(new["required"], bool):
        problems.add(at("required"), Code.INVALID, "Must be true or false.")

    if kind in SpecFieldType.TEXTUAL:
        low = clean_int(problems, at("min_length"), new["min_length"], 0, MAX_INT, True)
        high = clean_int(problems, at("max_length"), new["max_length"], 1, MAX_INT, True)
        if low is not None and high is not None and low > high:
            problems.add(
                at("min_length"),
                Code.INVALID_RANGE,
                "The minimum length (%d) is above the maximum (%d)." % (low, high),
            )
        pattern = new["pattern"] if new["pattern"] is not None else ""
        if not isinstance(pattern, str):
            problems.add(at("pattern"), Code.INVALID, "Must be text.")
        elif len(pattern) > MAX_PATTERN_LENGTH:
            problems.add(at("pattern"), Code.TOO_LONG, "At most %d characters." % MAX_PATTERN_LENGTH)
        elif pattern:
            try:
                compile_pattern(pattern)
            except InvalidPattern as error:
                problems.add(
                    at("pattern"),
                    Code.INVALID_PATTERN,
                    "Not a regular expression this shop can run safely: %s. "
                    "(Backreferences and lookarounds are not supported.)" % error,
                )
        new["pattern"] = pattern
        new["price_per_character"] = clean_price(
            problems, at("price_per_character"), new["price_per_character"]
        )

    if kind == SpecFieldType.NUMBER:
        bounds = {}
        for attr in ("min_value", "max_value"):
            value = new[attr]
            if value is None:
                continue
            number = _decimal(value)
            if number is None:
                problems.add(at(attr), Code.INVALID, "Must be a number.")
            elif abs(number) >= MAX_NUMBER or _places(number) > NUMBER_PLACES:
                problems.add(
                    at(attr),
                    Code.OUT_OF_RANGE,
                    "Must be below %s with at most %d decimal places."
                    % (MAX_NUMBER, NUMBER_PLACES),
                )
            else:
                new[attr] = bounds[attr] = number
        if len(bounds) == 2 and bounds["min_value"] > bounds["max_value"]:
            problems.add(
                at("min_value"),
                Code.INVALID_RANGE,
                "The minimum (%s) is above the maximum (%s)."
                % (bounds["min_value"], bounds["max_value"]),
            )

    if kind in SpecFieldType.WITH_CHOICES:
        new["choices"] = clean_choices(problems, at("choices"), new["choices"])

    if kind == SpecFieldType.DATE:
        new["earliest_date_days"] = clean_int(
            problems, at("earliest_date_days"), new["earliest_date_days"], 0, MAX_DAYS, True
        )

    if kind == SpecFieldType.FILE:
        new["max_file_size"] = clean_int(
            problems, at("max_file_size"), new["max_file_size"], 1, MAX_INT, True
        )
        types = new["allowed_file_types"] or []
        if not isinstance(types, (list, tuple)):
            problems.add(at("allowed_file_types"), Code.INVALID, "Must be a list of MIME types.")
        else:
            cleaned = []
            for index, mime in enumerate(types):
                mime = mime.strip().lower() if isinstance(mime, str) else None
                if not mime or len(mime) > 100 or not MIME_TYPE_RE.match(mime):
                    problems.add(
                        path(at("allowed_file_types"), index),
                        Code.INVALID,
                        "Not a MIME type (e.g. image/png).",
                    )
                elif mime not in cleaned:
                    cleaned.append(mime)
            new["allowed_file_types"] = cleaned

    new["price_per_unit"] = clean_price(problems, at("price_per_unit"), new["price_per_unit"])

    target = clean_text(
        problems, at("visible_when_field"), new["visible_when_field"], MAX_CODE_LENGTH
    )
    value = clean_text(
        problems, at("visible_when_value"), new["visible_when_value"], MAX_CHOICE_VALUE_LENGTH
    )
    if target and not value and value is not None:
        problems.add(
            at("visible_when_value"),
            Code.INVALID_CONDITION,
            "Give the value %s must have for this field to be shown." % target,
        )
    elif value and not target and target is not None:
        problems.add(
            at("visible_when_field"),
            Code.INVALID_CONDITION,
            "Give the field whose value decides whether this field is shown.",
        )
    new["visible_when_field"], new["visible_when_value"] = target, value

    problems.raise_if_any()

    if target:
        found = condition_problems(list(siblings) + [new]).get(new["code"])
        if found:
            attr, message = found
            problems.add(at(attr), Code.INVALID_CONDITION, message)
    problems.raise_if_any()
    return new


def check_dependents(new, siblings, prefix="input"):
    """Refuse a change to a field that would break the condition of another
    field shown depending on it (e.g. removing the choice it waits for).
    `siblings` already name the field by its new code."""
    problems = Problems()
    found = condition_problems(list(siblings) + [new])
    for sibling in siblings:
        if sibling["visible_when_field"] != new["code"] or sibling["code"] not in found:
            continue
        _attr, message = found[sibling["code"]]
        attr = "choices" if new["type"] in SpecFieldType.WITH_CHOICES else "type"
        problems.add(
            path(prefix, camel(attr)),
            Code.INVALID_CONDITION,
            "The field %s is shown only when %s is %s: %s"
            % (sibling["code"], new["code"], sibling["visible_when_value"], message),
        )
    problems.raise_if_any()
