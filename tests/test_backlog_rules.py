"""The backlog's rules, without a database: the age and due-date buckets,
which jobs are at risk, and when an installment's money is expected."""

import datetime

import pytest

from openorder_plugin.backlog import rules

TODAY = datetime.date(2026, 12, 9)  # a Wednesday
STAGES = ["RECEIVED", "CONFIRMED", "IN_PRODUCTION", "QUALITY_CHECK", "READY"]


@pytest.mark.parametrize(
    "days, code",
    [(0, "0_3"), (3, "0_3"), (4, "4_7"), (14, "8_14"), (30, "15_30"), (31, "31_PLUS")],
)
def test_ages_fall_in_their_bucket(days, code):
    assert rules.bucket_of(rules.AGE_BUCKETS, days) == code


@pytest.mark.parametrize(
    "days, code",
    [(-5, "LATE"), (-1, "LATE"), (0, "0_2"), (2, "0_2"), (3, "3_7"), (15, "15_PLUS")],
)
def test_due_dates_fall_in_their_bucket(days, code):
    assert rules.bucket_of(rules.DUE_BUCKETS, days) == code
    assert rules.bucket_of(rules.DUE_BUCKETS, None) == rules.NO_DATE


def risk(current, days_left, within=3):
    return rules.risk_of(
        stage_codes=STAGES,
        current=current,
        promised_date=TODAY + datetime.timedelta(days=days_left),
        today=TODAY,
        within_days=within,
    )


def test_a_job_past_its_date_is_late_unless_ready():
    assert risk("QUALITY_CHECK", -1) == rules.Risk.LATE
    assert risk("READY", -1) is None


def test_a_job_due_soon_is_at_risk_only_at_an_early_stage():
    assert risk("CONFIRMED", 3) == rules.Risk.DUE_SOON
    assert risk("IN_PRODUCTION", 0) == rules.Risk.DUE_SOON
    assert risk("QUALITY_CHECK", 1) is None  # on its way out
    assert risk("CONFIRMED", 4) is None
    assert risk("CONFIRMED", 4, within=4) == rules.Risk.DUE_SOON


def test_the_forecast_weeks_start_on_this_weeks_monday():
    assert rules.forecast_weeks(TODAY, 3) == [
        datetime.date(2026, 12, 7),
        datetime.date(2026, 12, 14),
        datetime.date(2026, 12, 21),
    ]


def expected(kind, due_trigger, status="PENDING", due_date=None, promised=None):
    return rules.expected(
        kind=kind,
        status=status,
        due_trigger=due_trigger,
        due_date=due_date,
        promised_date=promised,
        today=TODAY,
    )


def test_a_deposit_still_owed_is_expected_now():
    placed = TODAY - datetime.timedelta(days=1)
    assert expected("DEPOSIT", "AT_CHECKOUT", "DUE", placed) == (
        TODAY,
        "DEPOSIT",
        False,
    )


def test_balances_are_expected_by_their_date_or_the_promised_one():
    soon = TODAY + datetime.timedelta(days=10)
    assert expected("BALANCE", "ON_READY", promised=soon) == (soon, "ON_READY", False)
    assert expected("BALANCE", "ON_DELIVERY", promised=soon).day == soon
    assert expected("BALANCE", "DAYS_AFTER_ORDER", due_date=soon).day == soon
    assert expected("BALANCE", "ON_READY").day is None  # nothing says when
    # Past its due date (or marked so): overdue.
    past = TODAY - datetime.timedelta(days=1)
    assert expected("BALANCE", "DAYS_AFTER_ORDER", due_date=past).overdue
    assert expected("BALANCE", "ON_READY", "OVERDUE", promised=soon).overdue
