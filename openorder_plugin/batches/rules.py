"""The rules of a pre-order batch, without a database: its window, its
progress towards the minimum, and what its close decides."""

import datetime
from typing import NamedTuple, Optional

from django.utils import timezone
from django.utils.translation import gettext

from ..errors import OpenOrderErrorCode as Code, Problems
from ..l10n import format_datetime
from ..models.batches import BatchStatus

# How far ahead a batch may close: the marketplaces cap pre-order processing
# at 30 days, but a PO round's order-taking window is set by the seller.
MAX_WINDOW_DAYS = 366
NAME_MAX_LENGTH = 128


class Progress(NamedTuple):
    ordered: int  # units ordered (orders not cancelled, joined in time)
    minimum: int
    remaining: int  # units still needed to reach the minimum
    reached: bool
    seconds_left: int  # until the batch closes; 0 once its closing time passed
    percent: int  # ordered against the minimum, capped at 100


def progress(minimum, ordered, closes_at, now) -> Progress:
    remaining = max(minimum - ordered, 0)
    return Progress(
        ordered=ordered,
        minimum=minimum,
        remaining=remaining,
        reached=remaining == 0,
        seconds_left=max(int((closes_at - now).total_seconds()), 0),
        percent=min(100, (ordered * 100) // minimum) if minimum else 100,
    )


def outcome(minimum, ordered):
    """The status a batch closes into."""
    return BatchStatus.PRODUCING if ordered >= minimum else BatchStatus.CANCELLED


def aware(moment):
    """A moment as given by a client; one without a time zone is the shop's
    local time."""
    if moment is not None and timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


def is_taking_orders(batch, now):
    return batch.status == BatchStatus.OPEN and batch.opens_at <= now < batch.closes_at


def first_production_day(closes_at) -> datetime.date:
    """Production starts the day after the batch closes (its orders are cut
    together): the earliest start day of its lines' capacity."""
    return timezone.localtime(closes_at).date() + datetime.timedelta(days=1)


def clean_window(
    problems: Problems, *, name, opens_at, closes_at, minimum, now, prefix
):
    """Add a problem for each value a batch cannot have."""
    if name is not None and not name.strip():
        problems.add(prefix + "name", Code.REQUIRED, gettext("Give the batch a name."))
    elif name is not None and len(name.strip()) > NAME_MAX_LENGTH:
        problems.add(
            prefix + "name",
            Code.TOO_LONG,
            gettext("The name is longer than %(max)d characters.")
            % {"max": NAME_MAX_LENGTH},
        )
    if minimum is not None and minimum < 1:
        problems.add(
            prefix + "minimum_quantity",
            Code.OUT_OF_RANGE,
            gettext("The minimum quantity must be at least 1."),
        )
    if closes_at is not None and closes_at <= now:
        problems.add(
            prefix + "closes_at",
            Code.INVALID_DATE,
            gettext("The closing time must be in the future."),
        )
    elif closes_at is not None and closes_at > now + datetime.timedelta(
        days=MAX_WINDOW_DAYS
    ):
        problems.add(
            prefix + "closes_at",
            Code.INVALID_DATE,
            gettext("The closing time must be within a year."),
        )
    elif opens_at is not None and closes_at is not None and closes_at <= opens_at:
        problems.add(
            prefix + "closes_at",
            Code.INVALID_RANGE,
            gettext("The batch must close after it opens."),
        )


def not_open_message(batch, now, language=None):
    """Why a product cannot be ordered now, for a buyer: when its next batch
    opens, or that the current one has closed."""
    if batch is not None and batch.opens_at > now:
        return gettext(
            "This product is sold in pre-order batches; the next batch (%(name)s) "
            "opens on %(opens)s."
        ) % {"name": batch.name, "opens": format_datetime(batch.opens_at, language)}
    return gettext(
        "This product is sold in pre-order batches, and no batch is taking orders now."
    )


def overlaps(a_opens, a_closes, b_opens, b_closes):
    return a_opens < b_closes and b_opens < a_closes


def window_overlap_message(other):
    return gettext(
        "This overlaps the batch %(name)s (%(opens)s to %(closes)s): one batch at a "
        "time takes orders for a product."
    ) % {
        "name": other.name,
        "opens": format_datetime(other.opens_at),
        "closes": format_datetime(other.closes_at),
    }


def already_closed_message(batch):
    return gettext("The batch closed on %(closed)s; it cannot change any more.") % {
        "closed": format_datetime(batch.closed_at)
    }


def not_closed_message(batch):
    return gettext(
        "This job is in the pre-order batch %(name)s, which closes on %(closes)s: "
        "production starts once it closes with its minimum reached."
    ) % {"name": batch.name, "closes": format_datetime(batch.closes_at)}


def earliest_start(batch) -> Optional[datetime.date]:
    return first_production_day(batch.closes_at) if batch is not None else None
