"""Production capacity and promised dates.

A product type can start `daily_capacity` units a working day (None:
unlimited). A line's units start on the first working days with room, from
today on; it is ready `lead_time_days` working days after its last start day.
That ready date is what the buyer is promised.

Reservations are made while holding a row lock on the product type's
settings, so concurrent checkouts for the last free capacity can never book
more than there is.
"""

import datetime
from collections import defaultdict
from typing import Dict, List, NamedTuple, Optional, Tuple

from django.db import transaction
from django.db.models import Case, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .errors import OpenOrderErrorCode as Code, Problems
from .l10n import format_date
from .models import CapacityReservation, MadeToOrderSettings
from .production.dates import add_working_days, is_working_day

# How far ahead a promise may be searched for.
HORIZON_DAYS = 366
# How long checkoutComplete holds capacity between its checks and the order.
HOLD_MINUTES = 15


class Plan(NamedTuple):
    days: List[Tuple[datetime.date, int]]  # (start day, units started)
    ready_date: datetime.date


def plan(settings, quantity, booked: Dict[datetime.date, int], today) -> Optional[Plan]:
    """Start days and ready date for `quantity` units, given units already
    `booked` per day; None when no plan fits within the horizon."""
    if not settings.working_days:
        return None
    days = []
    remaining = quantity
    day = today
    last = today + datetime.timedelta(days=HORIZON_DAYS)
    while remaining > 0 and day <= last:
        if is_working_day(day, settings.working_days):
            if settings.daily_capacity is None:
                room = remaining
            else:
                room = max(settings.daily_capacity - booked.get(day, 0), 0)
            take = min(room, remaining)
            if take:
                days.append((day, take))
                remaining -= take
        day += datetime.timedelta(days=1)
    if remaining:
        return None
    return Plan(
        days,
        add_working_days(days[-1][0], settings.lead_time_days, settings.working_days),
    )


def booked_by_day(product_type_ids, today, now, exclude_checkout=None):
    """Units booked per product type and start day, {type id: {day: units}},
    in one query: reservations of orders, and holds of checkouts that have
    not lapsed."""
    live = Q(order__isnull=False) | Q(expires_at__gt=now)
    reservations = CapacityReservation.objects.filter(
        live, product_type_id__in=list(product_type_ids), released=False, day__gte=today
    )
    if exclude_checkout is not None:
        reservations = reservations.exclude(checkout_token=exclude_checkout)
    rows = reservations.values("product_type_id", "day").annotate(units=Sum("quantity"))
    booked = {type_id: {} for type_id in product_type_ids}
    for row in rows:
        booked[row["product_type_id"]][row["day"]] = row["units"]
    return booked


def deadline_problem(problems, path, deadline, ready_date):
    if deadline is not None and ready_date > deadline:
        problems.add(
            path,
            Code.CAPACITY_FULL,
            gettext(
                "There is no production capacity to have this ready by %(deadline)s; the "
                "earliest date we can promise is %(ready)s."
            )
            % {"deadline": format_date(deadline), "ready": format_date(ready_date)},
        )


class LineDemand(NamedTuple):
    key: object  # identifies the line: the checkout line's pk
    settings: MadeToOrderSettings
    quantity: int
    deadline: Optional[datetime.date]  # the buyer's "date wanted", if any
    path: str
    # A line sold in a pre-order batch starts no earlier than the day after
    # the batch closes; its holds name the batch, which the order line joins.
    earliest_start: Optional[datetime.date] = None
    batch_id: Optional[int] = None


def first_day(demand, today):
    if demand.earliest_start is not None and demand.earliest_start > today:
        return demand.earliest_start
    return today


def estimate(demands: List[LineDemand], today=None, now=None, exclude_checkout=None):
    """Promised ready date per line, without reserving anything: {key: date or
    None}. Lines of one product type queue behind each other."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    type_ids = {d.settings.product_type_id for d in demands}
    booked = booked_by_day(type_ids, today, now, exclude_checkout) if type_ids else {}
    result = {}
    for demand in demands:
        type_id = demand.settings.product_type_id
        line_plan = plan(
            demand.settings, demand.quantity, booked[type_id], first_day(demand, today)
        )
        result[demand.key] = line_plan.ready_date if line_plan else None
        if line_plan:
            for day, units in line_plan.days:
                booked[type_id][day] = booked[type_id].get(day, 0) + units
    return result


@transaction.atomic
def hold_for_checkout(checkout_token, demands: List[LineDemand], today=None, now=None):
    """Reserve capacity for a checkout's made-to-order lines as lapsing holds,
    replacing any earlier holds of the same checkout. Raises OpenOrderError
    (CAPACITY_FULL) when a line cannot be planned or not before its deadline;
    returns {key: ready date}."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    type_ids = sorted({d.settings.product_type_id for d in demands})
    # Lock in a fixed order so two checkouts never wait on each other crosswise.
    locked = {
        s.product_type_id: s
        for s in MadeToOrderSettings.objects.select_for_update()
        .filter(product_type_id__in=type_ids)
        .order_by("product_type_id")
    }
    CapacityReservation.objects.filter(
        checkout_token=checkout_token, order__isnull=True
    ).delete()
    booked = booked_by_day(type_ids, today, now)
    problems = Problems()
    ready = {}
    holds = []
    expires_at = now + datetime.timedelta(minutes=HOLD_MINUTES)
    for demand in demands:
        settings = locked[demand.settings.product_type_id]
        line_plan = plan(
            settings,
            demand.quantity,
            booked[settings.product_type_id],
            first_day(demand, today),
        )
        if line_plan is None:
            problems.add(
                demand.path,
                Code.CAPACITY_FULL,
                ngettext(
                    "There is no production capacity for %(quantity)d unit in the next "
                    "%(days)d days.",
                    "There is no production capacity for %(quantity)d units in the next "
                    "%(days)d days.",
                    demand.quantity,
                )
                % {"quantity": demand.quantity, "days": HORIZON_DAYS},
            )
            continue
        deadline_problem(problems, demand.path, demand.deadline, line_plan.ready_date)
        ready[demand.key] = line_plan.ready_date
        for day, units in line_plan.days:
            booked[settings.product_type_id][day] = (
                booked[settings.product_type_id].get(day, 0) + units
            )
            holds.append(
                CapacityReservation(
                    product_type_id=settings.product_type_id,
                    checkout_token=checkout_token,
                    checkout_line_id=str(demand.key),
                    expires_at=expires_at,
                    batch_id=demand.batch_id,
                    day=day,
                    quantity=units,
                )
            )
    problems.raise_if_any()
    CapacityReservation.objects.bulk_create(holds)
    return ready


def attach_holds_to_order(order, order_line_by_checkout_line):
    """The order takes over its checkout's holds, which then never lapse;
    returns {order line pk: [start days]}. Three statements whatever the
    number of lines."""
    holds = CapacityReservation.objects.filter(
        checkout_token=order.checkout_token, order__isnull=True
    )
    by_line = {str(key): line for key, line in order_line_by_checkout_line.items()}
    holds.exclude(checkout_line_id__in=list(by_line)).delete()
    if by_line:
        holds.update(
            order=order,
            expires_at=None,
            order_line_id=Case(
                *[
                    When(checkout_line_id=checkout_line_id, then=Value(line.pk))
                    for checkout_line_id, line in by_line.items()
                ],
                # The host's order-line key type (integer or UUID).
                output_field=CapacityReservation._meta.get_field(
                    "order_line"
                ).target_field,
            ),
        )
    days = defaultdict(list)
    for line_id, day in CapacityReservation.objects.filter(order=order).values_list(
        "order_line_id", "day"
    ):
        days[line_id].append(day)
    return days


def ready_date_from_start_days(settings, start_days):
    return add_working_days(
        max(start_days), settings.lead_time_days, settings.working_days
    )


def release_for_order(order):
    """Free the capacity an order holds (e.g. when it is cancelled)."""
    return CapacityReservation.objects.filter(order=order, released=False).update(
        released=True
    )
