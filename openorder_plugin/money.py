"""Money rounding shared by prices, deposits and payments, so every part of
the plugin rounds a currency the same way."""

from decimal import ROUND_HALF_UP, Decimal

from babel.core import get_global


def currency_precision(currency: str) -> int:
    """Decimal places amounts are rounded to: the currency's cash precision
    in CLDR (IDR 0 — rupiah has no cents in use, though ISO 4217 lists 2 —
    JPY 0, USD and most others 2)."""
    fractions = get_global("currency_fractions")
    return fractions.get(currency, fractions["DEFAULT"])[2]


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round to the currency's precision (IDR has none, USD two), half up."""
    exponent = Decimal(1).scaleb(-currency_precision(currency))
    return Decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)
