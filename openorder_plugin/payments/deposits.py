"""How much of a line is due up front, by its product type's deposit policy."""

from decimal import Decimal
from typing import Iterable, NamedTuple, Optional

from ..choices import BalanceDue, DepositType
from ..money import quantize


def line_deposit(
    settings, line_total: Decimal, quantity: int, currency: str
) -> Decimal:
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


# Mixed orders: the balance falls due at the latest of the lines' triggers, so
# a buyer is never asked for the balance before every line's own policy would
# ask for it. Goods exist only once production is ready, and delivery comes
# after that, so N days after the order < ready < delivery.
TRIGGER_ORDER = (
    BalanceDue.DAYS_AFTER_ORDER,
    BalanceDue.ON_READY,
    BalanceDue.ON_DELIVERY,
)


class OrderLineTerms(NamedTuple):
    """What the split needs of one order line. `settings` is its product
    type's MadeToOrderSettings, None for ready stock."""

    settings: object
    line_total: Decimal
    quantity: int


class Split(NamedTuple):
    deposit: Decimal
    balance: Decimal
    balance_due: str
    balance_due_days: Optional[int]


def split_order(lines: Iterable[OrderLineTerms], total: Decimal, currency: str):
    """Split an order's total into a deposit and a balance.

    The deposit is the sum of the lines' deposits. Shipping (and anything else
    outside the lines) belongs to the balance, unless every line is paid in
    full up front: then the deposit is the whole total and nothing is left for
    later. deposit + balance == total exactly, both rounded to the currency.
    None when no line is made to order (the order needs no schedule).
    """
    lines = list(lines)
    made_to_order = [
        line
        for line in lines
        if line.settings is not None and line.settings.is_made_to_order
    ]
    if not made_to_order:
        return None
    # The total is Saleor's (already in its own precision) and is never
    # rounded again: the balance takes whatever the deposit leaves.
    total = Decimal(total)
    line_totals = [quantize(line.line_total, currency) for line in lines]
    deposits = [
        line_deposit(line.settings, line_total, line.quantity, currency)
        for line, line_total in zip(lines, line_totals)
    ]
    paid_in_full = all(
        dep >= line_total for dep, line_total in zip(deposits, line_totals)
    )
    deposit = sum(deposits, Decimal(0))  # each rounded, so the sum is too
    if paid_in_full or deposit >= total:
        deposit = total
    balance = total - deposit

    # The trigger comes from the lines that leave something for later; when
    # none does (e.g. FULL lines beside ready stock), from all made-to-order lines.
    owing = [
        line
        for line, dep, line_total in zip(lines, deposits, line_totals)
        if line.settings is not None
        and line.settings.is_made_to_order
        and dep < line_total
    ] or made_to_order
    latest = max(owing, key=lambda line: _trigger_rank(line.settings))
    due = latest.settings.balance_due
    days = None
    if due == BalanceDue.DAYS_AFTER_ORDER:
        days = max(
            line.settings.balance_due_days or 0
            for line in owing
            if line.settings.balance_due == BalanceDue.DAYS_AFTER_ORDER
        )
    return Split(deposit, balance, due, days)


def _trigger_rank(settings):
    due = settings.balance_due
    rank = TRIGGER_ORDER.index(due) if due in TRIGGER_ORDER else 1
    return (rank, settings.balance_due_days or 0)
