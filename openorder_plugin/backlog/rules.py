"""The rules of the open-order backlog, without a database: the age and
due-date buckets, which jobs are at risk, and when an installment's money is
expected (the week it falls in)."""

import datetime
from typing import NamedTuple, Optional

from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus


class Bucket(NamedTuple):
    code: str
    min_days: Optional[int]  # inclusive; None: no lower bound
    max_days: Optional[int]  # inclusive; None: no upper bound


# Days since the order was placed.
AGE_BUCKETS = (
    Bucket("0_3", 0, 3),
    Bucket("4_7", 4, 7),
    Bucket("8_14", 8, 14),
    Bucket("15_30", 15, 30),
    Bucket("31_PLUS", 31, None),
)
# Days left to the promised date (negative: late).
DUE_BUCKETS = (
    Bucket("LATE", None, -1),
    Bucket("0_2", 0, 2),
    Bucket("3_7", 3, 7),
    Bucket("8_14", 8, 14),
    Bucket("15_PLUS", 15, None),
)
NO_DATE = "NO_DATE"


def bucket_of(buckets, days):
    """The code of the bucket `days` falls in (NO_DATE for None)."""
    if days is None:
        return NO_DATE
    for bucket in buckets:
        if (bucket.min_days is None or days >= bucket.min_days) and (
            bucket.max_days is None or days <= bucket.max_days
        ):
            return bucket.code
    return buckets[0].code  # before the first bucket (an order placed "tomorrow")


class Risk:
    LATE = "LATE"
    DUE_SOON = "DUE_SOON"

    CHOICES = [
        (LATE, "Past its promised date and not ready"),
        (DUE_SOON, "Due soon and not yet at a late stage"),
    ]


def at_late_stage(stage_codes, current):
    """Whether a job is at one of its last two stages (e.g. quality check,
    ready): work that is due soon there is on its way out."""
    try:
        index = stage_codes.index(current)
    except ValueError:
        return False
    return index >= len(stage_codes) - 2


def risk_of(*, stage_codes, current, promised_date, today, within_days):
    """LATE, DUE_SOON or None for an open job."""
    if promised_date is None or not stage_codes:
        return None
    ready = current == stage_codes[-1]
    days_left = (promised_date - today).days
    if days_left < 0 and not ready:
        return Risk.LATE
    if 0 <= days_left <= within_days and not at_late_stage(stage_codes, current):
        return Risk.DUE_SOON
    return None


def week_start(day):
    """The Monday of `day`'s week."""
    return day - datetime.timedelta(days=day.weekday())


def forecast_weeks(today, weeks):
    """The Mondays of the forecast's weeks: this week and the next ones."""
    first = week_start(today)
    return [first + datetime.timedelta(weeks=n) for n in range(weeks)]


class Expected(NamedTuple):
    """When an installment's outstanding money is expected, and as what."""

    day: Optional[datetime.date]
    kind: str  # DEPOSIT, ON_READY, ON_DELIVERY, DAYS_AFTER_ORDER
    overdue: bool


def expected(*, kind, status, due_trigger, due_date, promised_date, today):
    """When the rest of an installment should arrive: now for a deposit; its
    due date when it has one (N days after the order, a balance that fell due);
    else the order's promised date for a balance paid when it is ready or
    delivered (delivery comes after that, so never later than expected);
    None when nothing tells."""
    if kind == InstallmentKind.DEPOSIT:
        # A deposit still owed on an open order is due now: its payment
        # window cancels the order if it never comes.
        day = max(due_date, today) if due_date else today
        return Expected(
            day, InstallmentKind.DEPOSIT, status == InstallmentStatus.OVERDUE
        )
    day = due_date
    if day is None and due_trigger in (DueTrigger.ON_READY, DueTrigger.ON_DELIVERY):
        day = promised_date
    overdue = status == InstallmentStatus.OVERDUE or (
        due_date is not None and due_date < today
    )
    return Expected(day, due_trigger, overdue)
