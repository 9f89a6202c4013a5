"""How much of a line is due up front, by its product type's deposit policy."""
from decimal import ROUND_HALF_UP, Decimal

from django_prices.utils.formatting import get_currency_fraction

from ..choices import DepositType


def quantize(amount: Decimal, currency: str) -> Decimal:
    """Round to the currency's precision (IDR has none, USD two), half up."""
    exponent = Decimal(1).scaleb(-get_currency_fraction(currency))
    return Decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)


def line_deposit(settings, line_total: Decimal, quantity: int, currency: str) -> Decimal:
    """The deposit for one line; never more than the line's total.

    `settings` is the product type's MadeToOrderSettings (None: no deposit).
    """
    if settings is None or not settings.is_made_to_order:
        return quantize(Decimal(0), currency)
    policy = settings.deposit_type
    if policy == DepositType.FULL:
        amount = line_total
    elif policy == DepositType.PERCENT:
        amount = line_total * Decimal(settings.deposit_value) / Decimal(100)
    elif policy == DepositType.FIXED:
        amount = Decimal(settings.deposit_value) * quantity
    else:
        amount = Decimal(0)
    return quantize(min(amount, line_total), currency)
