"""Buyers' spec values, checked against a product type's spec fields.

Values arrive as text (`value`) or, for MULTI_CHOICE, a list (`values`), and
are kept as given: validated, never rewritten beyond canonical forms of
booleans and colours, and never rendered as HTML anywhere.

Problems are written in the active language (the buyer's, see
openorder_plugin.middleware), with dates and numbers as it writes them.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext, ngettext

from ..catalog.patterns import pattern_matches
from ..choices import SpecFieldType as T
from ..errors import OpenOrderErrorCode as Code, Problems
from ..l10n import format_date, format_file_size, format_number

# Upper bounds for fields whose merchant set no maximum, so no buyer can
# store a novel in a T-shirt print.
DEFAULT_MAX_LENGTH = {T.TEXT: 500, T.LONG_TEXT: 5000}
# How far ahead a DATE may be.
MAX_DATE_DAYS = 730
COLOR = r"#[0-9a-fA-F]{6}"


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
    answered = set()  # given, though in the wrong shape: not "required" as well
    for index, spec in enumerate(specs):
        code = spec.get("code")
        if code not in by_code:
            problems.add(
                "%s.%s" % (prefix, code),
                Code.UNKNOWN_FIELD,
                gettext("There is no spec field '%(code)s' for this product.")
                % {"code": code},
            )
            continue
        if code in raw:
            problems.add(
                "%s.%s" % (prefix, code),
                Code.INVALID,
                gettext("The spec '%(code)s' is given twice.") % {"code": code},
            )
            continue
        field = by_code[code]
        many = field.type == T.MULTI_CHOICE
        wrong = "value" if many else "values"
        if (
            spec.get(wrong) is not None
            and spec.get("values" if many else "value") is None
        ):
            problems.add(
                "%s.%s" % (prefix, code),
                Code.VALUE_KIND_MISMATCH,
                (
                    gettext(
                        "%(label)s takes a list of values (`values`), not one `value`."
                    )
                    if many
                    else gettext(
                        "%(label)s takes one value (`value`), not a list of `values`."
                    )
                )
                % {"label": field.label},
            )
            answered.add(code)
            continue
        value = spec.get("values") if many else spec.get("value")
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
            parent = by_code.get(field.visible_when_field)
            problems.add(
                path,
                Code.HIDDEN_FIELD,
                gettext("%(label)s applies only when %(field)s is '%(value)s'.")
                % {
                    "label": field.label,
                    "field": parent.label if parent else field.visible_when_field,
                    "value": field.visible_when_value,
                },
            )
        elif (
            visible
            and field.required
            and field.code not in raw
            and field.code not in answered
        ):
            problems.add(
                path,
                Code.REQUIRED,
                gettext("%(label)s is required.") % {"label": field.label},
            )
    problems.raise_if_any()
    return {
        field.code: cleaned[field.code] for field in fields if field.code in cleaned
    }


def _clean_one(field, value, today, uploads, problems, prefix):
    path = "%s.%s" % (prefix, field.code)

    def bad(code, message, **values):
        problems.add(path, code, message % dict(values, label=field.label))
        return None

    if field.type == T.MULTI_CHOICE:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return bad(Code.INVALID_TYPE, gettext("%(label)s takes a list of choices."))
        allowed = {choice["value"] for choice in field.choices}
        unknown = [v for v in value if v not in allowed]
        if unknown:
            return bad(
                Code.INVALID_CHOICE,
                gettext("'%(value)s' is not a choice of %(label)s."),
                value=unknown[0],
            )
        if len(set(value)) != len(value):
            return bad(Code.INVALID, gettext("%(label)s lists a choice twice."))
        return list(value)
    if not isinstance(value, str):
        return bad(Code.INVALID_TYPE, gettext("%(label)s takes a single value."))
    if "\x00" in value:
        return bad(Code.INVALID, gettext("%(label)s contains a NUL character."))

    if field.type in T.TEXTUAL:
        if field.type == T.TEXT and ("\n" in value or "\r" in value):
            return bad(Code.INVALID, gettext("%(label)s is one line of text."))
        length = len(value)
        max_length = field.max_length or DEFAULT_MAX_LENGTH[field.type]
        if field.min_length and length < field.min_length:
            return bad(
                Code.TOO_SHORT,
                ngettext(
                    "%(label)s needs at least %(count)d character.",
                    "%(label)s needs at least %(count)d characters.",
                    field.min_length,
                ),
                count=field.min_length,
            )
        if length > max_length:
            return bad(
                Code.TOO_LONG,
                ngettext(
                    "%(label)s takes at most %(count)d character.",
                    "%(label)s takes at most %(count)d characters.",
                    max_length,
                ),
                count=max_length,
            )
        if field.pattern and not pattern_matches(field.pattern, value):
            return bad(
                Code.PATTERN_MISMATCH,
                gettext("%(label)s is not in the required format."),
            )
        return value
    if field.type == T.NUMBER:
        try:
            number = Decimal(value)
        except InvalidOperation:
            return bad(Code.INVALID_TYPE, gettext("%(label)s must be a number."))
        if not number.is_finite():
            return bad(Code.INVALID_TYPE, gettext("%(label)s must be a number."))
        if field.min_value is not None and number < field.min_value:
            return bad(
                Code.OUT_OF_RANGE,
                gettext("%(label)s must be at least %(min)s."),
                min=format_number(field.min_value),
            )
        if field.max_value is not None and number > field.max_value:
            return bad(
                Code.OUT_OF_RANGE,
                gettext("%(label)s must be at most %(max)s."),
                max=format_number(field.max_value),
            )
        return value
    if field.type == T.CHOICE:
        if value not in {choice["value"] for choice in field.choices}:
            return bad(
                Code.INVALID_CHOICE,
                gettext("'%(value)s' is not a choice of %(label)s."),
                value=value,
            )
        return value
    if field.type == T.BOOLEAN:
        if value.lower() not in ("true", "false"):
            return bad(Code.INVALID_TYPE, gettext("%(label)s is true or false."))
        return value.lower()
    if field.type == T.DATE:
        try:
            date = datetime.date.fromisoformat(value)
        except ValueError:
            return bad(
                Code.INVALID_TYPE, gettext("%(label)s must be a date (YYYY-MM-DD).")
            )
        earliest = today + datetime.timedelta(days=field.earliest_date_days or 0)
        if date < earliest:
            return bad(
                Code.INVALID_DATE,
                gettext("%(label)s can be %(date)s at the earliest."),
                date=format_date(earliest),
            )
        latest = today + datetime.timedelta(days=MAX_DATE_DAYS)
        if date > latest:
            return bad(
                Code.INVALID_DATE,
                gettext("%(label)s can be %(date)s at the latest."),
                date=format_date(latest),
            )
        return value
    if field.type == T.COLOR:
        if not pattern_matches(COLOR, value):
            return bad(
                Code.INVALID_TYPE, gettext("%(label)s must be a colour as #rrggbb.")
            )
        return value.lower()
    if field.type == T.FILE:
        upload = (uploads or {}).get(value)
        if upload is None:
            return bad(
                Code.NOT_FOUND, gettext("%(label)s: no such upload for this checkout.")
            )
        if field.max_file_size and upload.size > field.max_file_size:
            return bad(
                Code.FILE_TOO_LARGE,
                gettext("%(label)s takes files up to %(size)s."),
                size=format_file_size(field.max_file_size),
            )
        if (
            field.allowed_file_types
            and upload.content_type not in field.allowed_file_types
        ):
            return bad(
                Code.FILE_TYPE_NOT_ALLOWED,
                gettext("%(label)s takes %(types)s files."),
                types=", ".join(field.allowed_file_types),
            )
        return value
    return bad(Code.INVALID_TYPE, gettext("%(label)s has an unknown type."))
