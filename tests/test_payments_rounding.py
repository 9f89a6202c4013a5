"""Deposit and balance amounts: pure functions, rounded to the currency,
always adding up to the order total."""

from decimal import Decimal

import pytest

from openorder_plugin.choices import BalanceDue, DepositType, Mode
from openorder_plugin.models import MadeToOrderSettings
from openorder_plugin.money import quantize
from openorder_plugin.payments.deposits import OrderLineTerms, line_deposit, split_order


def terms(
    deposit_type, value="0", due=BalanceDue.ON_READY, days=None, mode=Mode.MADE_TO_ORDER
):
    return MadeToOrderSettings(
        mode=mode,
        deposit_type=deposit_type,
        deposit_value=Decimal(value),
        balance_due=due,
        balance_due_days=days,
    )


@pytest.mark.parametrize(
    "amount, currency, expected",
    [
        ("33000.33", "IDR", "33000"),
        ("50000.5", "IDR", "50001"),
        ("33.0033", "USD", "33.00"),
        ("0.025", "USD", "0.03"),
        ("12.345", "USD", "12.35"),
    ],
)
def test_quantize_rounds_half_up_to_the_currency(amount, currency, expected):
    assert quantize(Decimal(amount), currency) == Decimal(expected)
    assert str(quantize(Decimal(amount), currency)) == expected


def test_33_percent_of_rp_100001_is_rp_33000():
    deposit = line_deposit(
        terms(DepositType.PERCENT, "33"), Decimal("100001"), 1, "IDR"
    )
    assert deposit == Decimal("33000")
    assert deposit.as_tuple().exponent == 0


def test_33_percent_of_usd_100_01_is_usd_33_00():
    deposit = line_deposit(
        terms(DepositType.PERCENT, "33"), Decimal("100.01"), 1, "USD"
    )
    assert str(deposit) == "33.00"


def test_odd_percentage_of_usd_rounds_half_up():
    # 12.5% of 0.20 = 0.025 -> 0.03
    assert (
        str(line_deposit(terms(DepositType.PERCENT, "12.5"), Decimal("0.20"), 1, "USD"))
        == "0.03"
    )


@pytest.mark.parametrize("currency, total", [("IDR", "100001"), ("USD", "100.01")])
def test_deposit_plus_balance_is_the_total_exactly(currency, total):
    line_total = Decimal(total)
    shipping = quantize(Decimal("7.77"), currency)
    split = split_order(
        [OrderLineTerms(terms(DepositType.PERCENT, "33"), line_total, 3)],
        line_total + shipping,
        currency,
    )
    assert split.deposit == quantize(line_total * Decimal("0.33"), currency)
    assert split.deposit + split.balance == line_total + shipping
    assert split.balance == line_total + shipping - split.deposit
    assert split.balance_due == BalanceDue.ON_READY


def test_fixed_deposit_is_per_unit_and_never_more_than_the_line():
    cake = terms(DepositType.FIXED, "100000", BalanceDue.ON_DELIVERY)
    assert line_deposit(cake, Decimal("500000"), 2, "IDR") == Decimal("200000")
    assert line_deposit(cake, Decimal("150000"), 2, "IDR") == Decimal("150000")


def test_full_deposit_everywhere_takes_shipping_too():
    flowers = terms(DepositType.FULL)
    split = split_order(
        [OrderLineTerms(flowers, Decimal("440000"), 1)], Decimal("460000"), "IDR"
    )
    assert split.deposit == Decimal("460000")
    assert split.balance == Decimal("0")


def test_shipping_and_ready_stock_belong_to_the_balance():
    flowers = terms(DepositType.FULL, due=BalanceDue.ON_READY)
    split = split_order(
        [
            OrderLineTerms(flowers, Decimal("440000"), 1),
            OrderLineTerms(None, Decimal("45000"), 1),
        ],
        Decimal("505000"),
        "IDR",
    )
    assert split.deposit == Decimal("440000")
    assert split.balance == Decimal("65000")  # tote + shipping
    assert split.balance_due == BalanceDue.ON_READY


def test_no_deposit_leaves_everything_to_the_balance():
    split = split_order(
        [
            OrderLineTerms(
                terms(DepositType.NONE, due=BalanceDue.ON_DELIVERY),
                Decimal("250000"),
                1,
            )
        ],
        Decimal("270000"),
        "IDR",
    )
    assert (split.deposit, split.balance) == (Decimal("0"), Decimal("270000"))
    assert split.balance_due == BalanceDue.ON_DELIVERY


def test_mixed_orders_take_the_latest_trigger():
    shirt = terms(DepositType.PERCENT, "50", BalanceDue.ON_READY)
    cake = terms(DepositType.FIXED, "100000", BalanceDue.ON_DELIVERY)
    later = terms(DepositType.PERCENT, "10", BalanceDue.DAYS_AFTER_ORDER, days=14)
    sooner = terms(DepositType.PERCENT, "10", BalanceDue.DAYS_AFTER_ORDER, days=7)
    lines = [
        OrderLineTerms(shirt, Decimal("92000"), 1),
        OrderLineTerms(cake, Decimal("250000"), 1),
    ]
    split = split_order(lines, Decimal("362000"), "IDR")
    assert split.balance_due == BalanceDue.ON_DELIVERY
    assert split.deposit == Decimal("146000")
    assert split.deposit + split.balance == Decimal("362000")

    split = split_order(
        [
            OrderLineTerms(later, Decimal("100"), 1),
            OrderLineTerms(sooner, Decimal("100"), 1),
        ],
        Decimal("200"),
        "IDR",
    )
    assert (split.balance_due, split.balance_due_days) == (
        BalanceDue.DAYS_AFTER_ORDER,
        14,
    )

    split = split_order(
        [
            OrderLineTerms(later, Decimal("100"), 1),
            OrderLineTerms(shirt, Decimal("100"), 1),
        ],
        Decimal("200"),
        "IDR",
    )
    assert split.balance_due == BalanceDue.ON_READY


def test_a_line_paid_in_full_does_not_set_the_trigger():
    flowers = terms(DepositType.FULL, due=BalanceDue.ON_DELIVERY)
    shirt = terms(DepositType.PERCENT, "50", BalanceDue.ON_READY)
    split = split_order(
        [
            OrderLineTerms(flowers, Decimal("440000"), 1),
            OrderLineTerms(shirt, Decimal("92000"), 1),
        ],
        Decimal("552000"),
        "IDR",
    )
    assert split.balance_due == BalanceDue.ON_READY
    assert split.deposit == Decimal("486000")


def test_orders_without_made_to_order_lines_get_no_schedule():
    assert (
        split_order(
            [OrderLineTerms(None, Decimal("45000"), 1)], Decimal("65000"), "IDR"
        )
        is None
    )
    ready = terms(DepositType.PERCENT, "50", mode=Mode.READY_STOCK)
    assert (
        split_order(
            [OrderLineTerms(ready, Decimal("45000"), 1)], Decimal("65000"), "IDR"
        )
        is None
    )


def test_a_discount_below_the_deposit_caps_it_at_the_total():
    shirt = terms(DepositType.PERCENT, "90")
    split = split_order(
        [OrderLineTerms(shirt, Decimal("100000"), 1)], Decimal("50000"), "IDR"
    )
    assert (split.deposit, split.balance) == (Decimal("50000"), Decimal("0"))
