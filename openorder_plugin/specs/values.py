"""Buyers' spec values, checked against a product type's spec fields.

Values arrive as text (`value`) or, for MULTI_CHOICE, a list (`values`), and
are kept as given: validated, never rewritten beyond canonical forms of
booleans and colours, and never rendered as HTML anywhere.
"""
import datetime
from decimal import Decimal, InvalidOperation

import re2

from ..choices import SpecFieldType as T
from ..errors import OpenOrderErrorCode as Code, Problems

# Upper bounds for fields whose merchant set no maximum, so no buyer can
# store a novel in a T-shirt print.
DEFAULT_MAX_LENGTH = {T.TEXT: 500, T.LONG_TEXT: 5000}
# How far ahead a DATE may be.
MAX_DATE_DAYS = 730
COLOR = re2.compile(r"#[0-9a-fA-F]{6}")
_patterns = {}


def compiled(pattern):
    """Merchants' patterns compiled once per process; RE2 runs in linear time
    so no buyer input can make one run away."""
    regex = _patterns.get(pattern)
    if regex is None:
        regex = _patterns[pattern] = re2.compile(pattern)
    return regex


def given(raw):
    """Whether a raw value counts as given (empty text or list does not)."""
    if raw is None:
        return False
    if isinstance(raw, (list, tuple)):
        return len(raw) > 0
    return raw != ""


def as_text(value):
    """A value's text form, as conditions compare it."""
    if isinstance(value, list):
        return ",".join(value)
    return value


def is_visible(field, by_code, values, _depth=0):
    """A field with a condition is shown only when the field it names is
    shown and has the given value (for MULTI_CHOICE: includes it)."""
    if not field.visible_when_field:
        return True
    parent = by_code.get(field.visible_when_field)
    if parent is None or _depth > len(by_code):
        return False
    if not is_visible(parent, by_code, values, _depth + 1):
        return False
    parent_value = values.get(parent.code)
    if isinstance(parent_value, list):
        return field.visible_when_value in parent_value
    return parent_value is not None and parent_value == field.visible_when_value


def clean_values(fields, specs, *, today, uploads=None, prefix="specs"):
    """Check `specs` ([{"code", "value"} or {"code", "values"}]) against
    `fields` and return {code: canonical value}; raise OpenOrderError naming
    every problem (`<prefix>.<code>`).

    `uploads` maps upload IDs (str) to SpecUpload rows the buyer may use.
    """
    problems = Problems()
    by_code = {field.code: field for field in fields}
    raw = {}
    for index, spec in enumerate(specs):
        code = spec.get("code")
        if code not in by_code:
            problems.add(
                "%s.%s" % (prefix, code),
                Code.UNKNOWN_FIELD,
                "There is no spec field %r for this product." % (code,),
            )
            continue
        if code in raw:
            problems.add(
                "%s.%s" % (prefix, code), Code.INVALID, "The spec %r is given twice." % code
            )
            continue
        value = spec.get("values") if by_code[code].type == T.MULTI_CHOICE else spec.get("value")
        if by_code[code].type == T.MULTI_CHOICE and value is None and spec.get("value") is not None:
            value = [spec.get("value")]
        if given(value):
            raw[code] = value

    cleaned = {}
    for field in fields:
        if field.code not in raw:
            continue
        value = _clean_one(field, raw[field.code], today, uploads, problems, prefix)
        if value is not None:
            cleaned[field.code] = value

    for field in fields:
        path = "%s.%s" % (prefix, field.code)
        visible = is_visible(field, by_code, cleaned)
        if field.code in raw and not visible:
            problems.add(
                path,
                Code.HIDDEN_FIELD,
                "%s applies only when %s is %r." % (
                    field.label, field.visible_when_field, field.visible_when_value
                ),
            )
        elif visible and field.required and field.code not in raw:
            problems.add(path, Code.REQUIRED, "%s is required." % field.label)
    problems.raise_if_any()
    return {field.code: cleaned[field.code] for field in fields if field.code in cleaned}


def _clean_one(field, value, today, uploads, problems, prefix):
    path = "%s.%s" % (prefix, field.code)

    def bad(code, message):
        problems.add(path, code, message)
        return None

    if field.type == T.MULTI_CHOICE:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return bad(Code.INVALID_TYPE, "%s takes a list of choices." % field.label)
        allowed = {choice["value"] for choice in field.choices}
        unknown = [v for v in value if v not in allowed]
        if unknown:
            return bad(Code.INVALID_CHOICE, "%r is not a choice of %s." % (unknown[0], field.label))
        if len(set(value)) != len(value):
            return bad(Code.INVALID, "%s lists a choice twice." % field.label)
        return list(value)
    if not isinstance(value, str):
        return bad(Code.INVALID_TYPE, "%s takes a single value." % field.label)
    if "\x00" in value:
        return bad(Code.INVALID, "%s contains a NUL character." % field.label)

    if field.type in T.TEXTUAL:
        if field.type == T.TEXT and ("\n" in value or "\r" in value):
            return bad(Code.INVALID, "%s is one line of text." % field.label)
        length = len(value)
        max_length = field.max_length or DEFAULT_MAX_LENGTH[field.type]
        if field.min_length and length < field.min_length:
            return bad(Code.TOO_SHORT, "%s needs at least %d characters." % (field.label, field.min_length))
        if length > max_length:
            return bad(Code.TOO_LONG, "%s takes at most %d characters." % (field.label, max_length))
        if field.pattern and not compiled(field.pattern).fullmatch(value):
            return bad(Code.PATTERN_MISMATCH, "%s is not in the required format." % field.label)
        return value
    if field.type == T.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            return bad(Code.INVALID_TYPE, "%s must be a number." % field.label)
        if not number.is_finite():
            return bad(Code.INVALID_TYPE, "%s must be a number." % field.label)
        if field.min_value is not None and number < field.min_value:
            return bad(Code.OUT_OF_RANGE, "%s must be at least %s." % (field.label, _plain(field.min_value)))
        if field.max_value is not None and number > field.max_value:
            return bad(Code.OUT_OF_RANGE, "%s must be at most %s." % (field.label, _plain(field.max_value)))
        return value
    if field.type == T.CHOICE:
        if value not in {choice["value"] for choice in field.choices}:
            return bad(Code.INVALID_CHOICE, "%r is not a choice of %s." % (value, field.label))
        return value
    if field.type == T.BOOLEAN:
        if value.lower() not in ("true", "false"):
            return bad(Code.INVALID_TYPE, "%s is true or false." % field.label)
        return value.lower()
    if field.type == T.DATE:
        try:
            date = datetime.date.fromisoformat(value)
        except ValueError:
            return bad(Code.INVALID_TYPE, "%s must be a date (YYYY-MM-DD)." % field.label)
        earliest = today + datetime.timedelta(days=field.earliest_date_days or 0)
        if date < earliest:
            return bad(Code.INVALID_DATE, "%s can be %s at the earliest." % (field.label, earliest.isoformat()))
        if date > today + datetime.timedelta(days=MAX_DATE_DAYS):
            return bad(Code.INVALID_DATE, "%s is too far ahead." % field.label)
        return value
    if field.type == T.COLOR:
        if not COLOR.fullmatch(value):
            return bad(Code.INVALID_TYPE, "%s must be a colour as #rrggbb." % field.label)
        return value.lower()
    if field.type == T.FILE:
        upload = (uploads or {}).get(value)
        if upload is None:
            return bad(Code.NOT_FOUND, "%s: no such upload for this checkout." % field.label)
        if field.max_file_size and upload.size > field.max_file_size:
            return bad(Code.FILE_TOO_LARGE, "%s takes files up to %d bytes." % (field.label, field.max_file_size))
        if field.allowed_file_types and upload.content_type not in field.allowed_file_types:
            return bad(
                Code.FILE_TYPE_NOT_ALLOWED,
                "%s takes %s files." % (field.label, ", ".join(field.allowed_file_types)),
            )
        return value
    return bad(Code.INVALID_TYPE, "%s has an unknown type." % field.label)


def _plain(number):
    return format(number.normalize(), "f")
