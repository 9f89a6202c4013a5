"""The rules of a pre-order batch, without a database: progress towards the
minimum, the outcome of the close, the window's checks and the first day of
production a promise starts from."""

import datetime

import pytest
from django.utils import timezone

from openorder_plugin import capacity
from openorder_plugin.batches import rules
from openorder_plugin.errors import Problems

NOW = timezone.make_aware(datetime.datetime(2026, 12, 7, 10, 0))


def test_progress_counts_units_towards_the_minimum():
    closes = NOW + datetime.timedelta(hours=2)
    assert rules.progress(10, 7, closes, NOW) == rules.Progress(
        ordered=7, minimum=10, remaining=3, reached=False, seconds_left=7200, percent=70
    )
    over = rules.progress(10, 12, closes, NOW)
    assert (over.remaining, over.reached, over.percent) == (0, True, 100)
    assert (
        rules.progress(10, 0, NOW - datetime.timedelta(minutes=1), NOW).seconds_left
        == 0
    )


@pytest.mark.parametrize(
    "ordered, outcome", [(9, "CANCELLED"), (10, "PRODUCING"), (11, "PRODUCING")]
)
def test_the_close_produces_from_the_minimum_on(ordered, outcome):
    assert rules.outcome(10, ordered) == outcome


def test_production_starts_the_day_after_the_close():
    # 18:00 in Jakarta on the 10th: cutting starts on the 11th.
    closes = timezone.make_aware(datetime.datetime(2026, 12, 10, 18, 0))
    assert rules.first_production_day(closes) == datetime.date(2026, 12, 11)


def window_problems(**values):
    problems = Problems()
    base = dict(
        name="PO 1",
        opens_at=NOW,
        closes_at=NOW + datetime.timedelta(days=3),
        minimum=5,
        now=NOW,
        prefix="input.",
    )
    rules.clean_window(problems, **dict(base, **values))
    return [(p.field, p.code) for p in problems.items]


def test_a_window_is_checked():
    assert window_problems() == []
    assert window_problems(name=" ") == [("input.name", "REQUIRED")]
    assert window_problems(name="x" * 129) == [("input.name", "TOO_LONG")]
    assert window_problems(minimum=0) == [("input.minimum_quantity", "OUT_OF_RANGE")]
    assert window_problems(closes_at=NOW) == [("input.closes_at", "INVALID_DATE")]
    assert window_problems(closes_at=NOW + datetime.timedelta(days=400)) == [
        ("input.closes_at", "INVALID_DATE")
    ]
    assert window_problems(
        opens_at=NOW + datetime.timedelta(days=4),
    ) == [("input.closes_at", "INVALID_RANGE")]


def test_windows_overlap_only_when_they_share_time():
    day = datetime.timedelta(days=1)
    assert rules.overlaps(NOW, NOW + 2 * day, NOW + day, NOW + 3 * day)
    assert not rules.overlaps(NOW, NOW + day, NOW + day, NOW + 2 * day)


class Settings:
    product_type_id = 1
    daily_capacity = 2
    lead_time_days = 3
    working_days = [1, 2, 3, 4, 5, 6]  # ISO weekdays: Monday to Saturday


def test_a_batch_line_is_planned_from_the_production_start():
    today = datetime.date(2026, 12, 7)  # a Monday
    start = datetime.date(2026, 12, 11)
    demand = capacity.LineDemand(1, Settings, 3, None, "", earliest_start=start)
    first = capacity.first_day(demand, today)
    assert first == start
    line_plan = capacity.plan(Settings, 3, {}, first)
    assert line_plan.days == [(start, 2), (datetime.date(2026, 12, 12), 1)]
    # Outside a batch, from today.
    assert capacity.first_day(demand._replace(earliest_start=None), today) == today
