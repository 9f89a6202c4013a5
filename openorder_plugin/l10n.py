"""The buyer's language: which one an order or a request speaks, and money,
dates and times written the way a buyer reads them in it.

The plugin speaks the languages it has e-mails and messages for: English and
Indonesian. Any other language falls back to English; no language at all
(None, "") means the shop's own, settings.LANGUAGE_CODE (Indonesian in the
demo shop). Formatting uses Babel's CLDR data (the version Saleor pins), with
the few rules CLDR does not give a shop in rupiah written down here:

- money is rounded to the currency's cash precision (openorder_plugin.money),
  so rupiah never shows ",00": "Rp 50.750" in Indonesian, "Rp 50,750" in
  English;
- dates are day, short month, year: "5 Des 2026" / "5 Dec 2026";
- times are the shop's (settings.TIME_ZONE), on a 24-hour clock:
  "5 Des 2026 14.30" / "5 Dec 2026, 14:30".

Every format_* function takes the language to write in; None means the
active one (the request's, see openorder_plugin.middleware, or an
`override`, e.g. `with override(order.language_code):` for an e-mail).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal, get_currency_symbol
from django.conf import settings
from django.utils import timezone, translation

from .money import currency_precision, quantize

LANGUAGES = ("en", "id")
FALLBACK_LANGUAGE = "en"

# Codes that mean Indonesian: "id" and its regional forms, and "in", the code
# ISO 639 used before 1989 (old Java and Android systems still send it).
_INDONESIAN = ("id", "in")
# What CLDR's English calls "IDR" every Indonesian shop writes "Rp".
_SYMBOLS = {"IDR": "Rp"}
_DATE_FORMATS = {"en": "d MMM y", "id": "d MMM y"}
_DATETIME_FORMATS = {"en": "d MMM y, HH:mm", "id": "d MMM y HH.mm"}


def supported_language(code):
    """The plugin language a code names ("id-ID" and "in" name "id", "en-GB"
    names "en"), or None when it names another ("de") or none."""
    if not code:
        return None
    primary = str(code).strip().lower().replace("_", "-").split("-")[0]
    if primary in _INDONESIAN:
        return "id"
    if primary in LANGUAGES:
        return primary
    return None


def language_of(code) -> str:
    """The plugin language for a language code: "id" for "id", "id-ID",
    "id_ID", "in" (any case); "en" for any other code; no code (None, "")
    means the shop's, settings.LANGUAGE_CODE, mapped the same way."""
    if code:
        return supported_language(code) or FALLBACK_LANGUAGE
    shop = getattr(settings, "LANGUAGE_CODE", None)
    return supported_language(shop) or FALLBACK_LANGUAGE


def current_language() -> str:
    """The plugin language of what runs now: the active Django language (the
    request's, or an `override`), else the shop's."""
    return language_of(translation.get_language())


def override(language):
    """Activate `language` (mapped by language_of) for a `with` block or a
    decorated function, as django.utils.translation.override does."""
    return translation.override(language_of(language))


def format_money(amount, currency, language=None) -> str:
    """`amount` of `currency` as a buyer reads it in `language` (None: the
    active language), rounded to the currency's precision, half up.

    Rupiah: "Rp 50.750" (id), "Rp 50,750" (en), never with decimals. Other
    currencies use CLDR's symbol and separators of the language: "$12.50"
    (en), "US$ 12,50" (id). The symbol is followed by a space in Indonesian
    and, in English, when it ends in a letter ("Rp 50,750", but "$12.50");
    a negative amount starts with "-"."""
    language = language_of(language) if language else current_language()
    currency = str(currency).upper()
    places = currency_precision(currency)
    value = quantize(Decimal(amount), currency)
    sign = "-" if value < 0 else ""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    number = format_decimal(abs(value), format=pattern, locale=language)
    symbol = _SYMBOLS.get(currency) or get_currency_symbol(currency, locale=language)
    space = " " if language == "id" or symbol[-1:].isalpha() else ""
    return "%s%s%s%s" % (sign, symbol, space, number)


def format_number(number, language=None) -> str:
    """A number as written in `language` (None: the active one), every digit
    kept: "1.250,5" (id), "1,250.5" (en)."""
    language = language_of(language) if language else current_language()
    value = Decimal(str(number)).normalize()
    places = max(-value.as_tuple().exponent, 0)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=language)


def format_file_size(size, language=None) -> str:
    """A size in bytes in B, KB or MB (of 1024), to one decimal place at
    most: "10 MB", "2,5 MB" (id), "2.5 MB" (en), "512 KB", "900 B"."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            value = (Decimal(size) / factor).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP
            )
            return "%s %s" % (format_number(value, language), unit)
    return "%s B" % format_number(size, language)


def _shop_time(moment):
    # Django's own time-zone helpers (pytz on Django 3.0, zoneinfo on 5.2).
    zone = timezone.get_default_timezone()
    if timezone.is_naive(moment):
        return timezone.make_aware(moment, zone)  # taken as the shop's own time
    return timezone.localtime(moment, zone)


def format_date(day, language=None) -> str:
    """A date as "5 Des 2026" (id) or "5 Dec 2026" (en); None: the active
    language. A datetime is first taken to the shop's time zone."""
    language = language_of(language) if language else current_language()
    if isinstance(day, datetime.datetime):
        day = _shop_time(day).date()
    return babel_format_date(day, _DATE_FORMATS[language], locale=language)


def format_datetime(moment, language=None) -> str:
    """A moment in the shop's time zone (settings.TIME_ZONE), on a 24-hour
    clock as each language writes it: "5 Des 2026 14.30" (id), "5 Dec 2026,
    14:30" (en). None: the active language. A naive datetime is taken as
    the shop's local time."""
    language = language_of(language) if language else current_language()
    local = _shop_time(moment)
    # Babel is given the shop's wall-clock time, so it converts nothing.
    return babel_format_datetime(
        local.replace(tzinfo=None), _DATETIME_FORMATS[language], locale=language
    )
