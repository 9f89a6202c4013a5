"""The working-day calendar, promised dates and "today" in the shop's time
zone. The one calendar of the plugin: capacity planning (openorder_plugin.
capacity) and production count working days with these functions."""

import datetime

from django.utils import timezone

from ..choices import DEFAULT_WORKING_DAYS
from ..host import get_host


def shop_today():
    """Today's date where the shop is (settings.TIME_ZONE)."""
    return timezone.localdate()


def local_date(moment):
    return timezone.localtime(moment).date()


EVERY_DAY = range(1, 8)


def is_working_day(day, working_days=DEFAULT_WORKING_DAYS):
    """Whether `day` is a working day (its ISO weekday is in `working_days`);
    no working days at all means every day is one."""
    return day.isoweekday() in (working_days or EVERY_DAY)


def add_working_days(start, days, working_days=DEFAULT_WORKING_DAYS):
    """The date `days` working days after `start` (ISO weekdays in
    `working_days`); no working days at all means calendar days."""
    working = set(working_days or EVERY_DAY)
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current, working):
            remaining -= 1
    return current


def default_promised_date(order, settings):
    """Order date + lead time in working days, ignoring capacity.

    Used when checkout froze no promised date on the line; the capacity-aware
    date (openorder_plugin.capacity) replaces it where it is known."""
    return add_working_days(
        local_date(get_host().order_placed_at(order)),
        settings.lead_time_days,
        settings.working_days,
    )
