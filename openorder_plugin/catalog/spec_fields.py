"""Validation of a product type's custom-spec fields: what each type of
field may carry (lengths, pattern, bounds, choices, dates, files, prices) and
the conditions under which a field is shown. `clean_field` checks the result
of a change as a whole; `check_dependents` protects the fields that depend
on it."""

from decimal import Decimal

from ..choices import SpecFieldType
from ..errors import OpenOrderErrorCode as Code, Problems
from .cleaning import (
    BOOLEAN_VALUES,
    MAX_CHOICE_VALUE_LENGTH,
    MAX_CHOICES,
    MAX_CODE_LENGTH,
    MAX_DAYS,
    MAX_HELP_TEXT_LENGTH,
    MAX_INT,
    MAX_LABEL_LENGTH,
    MAX_NUMBER,
    MAX_PATTERN_LENGTH,
    FIELD_CODE_RE,
    MIME_TYPE_RE,
    NUMBER_PLACES,
    camel,
    clean_int,
    clean_price,
    clean_text,
    decimal_or_none,
    decimal_places,
    path,
    unknown_attrs,
)
from .patterns import InvalidPattern, compile_pattern

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
        return decimal_or_none(value) != 0
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
            problems.add(
                path(field, index), Code.INVALID, "A choice has a value and a label."
            )
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
        price = clean_price(problems, path(field, index, "price_amount"), amount)
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
            found[field["code"]] = (
                "visible_when_field",
                "A field cannot depend on itself.",
            )
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


def _clean_type(problems, new, at):
    """The field's type, or None when it is missing or unknown."""
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
    return kind


def _clean_identity(problems, new, at, siblings):
    """Code (unique in the product type), label, help text and required."""
    code = clean_text(problems, at("code"), new["code"], MAX_CODE_LENGTH, required=True)
    if code and not FIELD_CODE_RE.match(code):
        problems.add(
            at("code"),
            Code.INVALID,
            "A code is lower-case letters, digits and _, starting with a letter "
            "(e.g. print_text).",
        )
    elif code and any(sibling["code"] == code for sibling in siblings):
        problems.add(
            at("code"), Code.UNIQUE, "This product type already has a field %s." % code
        )
    new["code"] = code
    new["label"] = clean_text(
        problems, at("label"), new["label"], MAX_LABEL_LENGTH, True
    )
    new["help_text"] = clean_text(
        problems, at("help_text"), new["help_text"], MAX_HELP_TEXT_LENGTH
    )
    if new["required"] is None:
        new["required"] = False
    elif not isinstance(new["required"], bool):
        problems.add(at("required"), Code.INVALID, "Must be true or false.")


def _clean_textual(problems, new, at):
    """TEXT and TEXTAREA: lengths, a pattern this shop can run safely, and a
    price per character."""
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
        problems.add(
            at("pattern"), Code.TOO_LONG, "At most %d characters." % MAX_PATTERN_LENGTH
        )
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


def _clean_bounds(problems, new, at):
    """NUMBER: the bounds, within the stored precision."""
    bounds = {}
    for attr in ("min_value", "max_value"):
        value = new[attr]
        if value is None:
            continue
        number = decimal_or_none(value)
        if number is None:
            problems.add(at(attr), Code.INVALID, "Must be a number.")
        elif abs(number) >= MAX_NUMBER or decimal_places(number) > NUMBER_PLACES:
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


def _clean_file_rules(problems, new, at):
    """FILE: the size limit and the allowed MIME types."""
    new["max_file_size"] = clean_int(
        problems, at("max_file_size"), new["max_file_size"], 1, MAX_INT, True
    )
    types = new["allowed_file_types"] or []
    if not isinstance(types, (list, tuple)):
        problems.add(
            at("allowed_file_types"), Code.INVALID, "Must be a list of MIME types."
        )
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


def _clean_condition(problems, new, at):
    """The field whose value decides whether this one is shown, and that
    value; returns that field's code."""
    target = clean_text(
        problems, at("visible_when_field"), new["visible_when_field"], MAX_CODE_LENGTH
    )
    value = clean_text(
        problems,
        at("visible_when_value"),
        new["visible_when_value"],
        MAX_CHOICE_VALUE_LENGTH,
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
    return target


def clean_field(current, changes, siblings, prefix="input"):
    """The field to store: `current` (a dict of FIELD_ATTRS, None when the field
    is new) with `changes` applied. `siblings` are the other fields of the
    product type, as dicts. Attributes that do not fit the (new) type are
    refused when given, and cleared when left over from a previous type."""
    problems = Problems()
    unknown_attrs(problems, prefix, changes, FIELD_ATTRS)
    changes = {k: v for k, v in changes.items() if k in FIELD_ATTRS}
    new = dict(current if current is not None else FIELD_DEFAULTS)
    new.update(changes)

    def at(attr):
        return path(prefix, attr)

    kind = _clean_type(problems, new, at)
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

    _clean_identity(problems, new, at, siblings)

    if kind in SpecFieldType.TEXTUAL:
        _clean_textual(problems, new, at)

    if kind == SpecFieldType.NUMBER:
        _clean_bounds(problems, new, at)

    if kind in SpecFieldType.WITH_CHOICES:
        new["choices"] = clean_choices(problems, at("choices"), new["choices"])

    if kind == SpecFieldType.DATE:
        new["earliest_date_days"] = clean_int(
            problems,
            at("earliest_date_days"),
            new["earliest_date_days"],
            0,
            MAX_DAYS,
            True,
        )

    if kind == SpecFieldType.FILE:
        _clean_file_rules(problems, new, at)

    new["price_per_unit"] = clean_price(
        problems, at("price_per_unit"), new["price_per_unit"]
    )

    target = _clean_condition(problems, new, at)
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
            path(prefix, attr),
            Code.INVALID_CONDITION,
            "The field %s is shown only when %s is %s: %s"
            % (sibling["code"], new["code"], sibling["visible_when_value"], message),
        )
    problems.raise_if_any()
