"""The open-order backlog: what is accepted and not yet delivered, where it
stands in production, how old it is, what is at risk, and when its money is
expected. Read in three statements whatever the number of orders: the open
jobs (with their order lines and orders), their orders' installments, and
nothing per order.

The money comes from the payment schedules, the same rows the schedule
rules keep in step with the host's books, so for the orders counted the
totals always add up: total = paid + outstanding, and outstanding = overdue
+ each week's + later + unscheduled."""

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import List, NamedTuple

from django.utils import timezone
from prices import Money

from ..choices import DEFAULT_STAGES
from ..host import get_host
from ..models import Installment, ProductionJob
from ..models.payments import DueTrigger, InstallmentKind, InstallmentStatus
from ..models.production import JobStatus
from . import rules

DEFAULT_WEEKS = 6
MAX_WEEKS = 26
DEFAULT_DUE_WITHIN_DAYS = 3


class Slice(NamedTuple):
    code: str
    label: str
    orders: int
    units: int
    value: Money


class RiskJob(NamedTuple):
    job_id: int
    order_id: object
    order_number: str
    product_name: str
    stage: str
    stage_label: str
    promised_date: datetime.date
    days_left: int
    risk: str
    quantity: int
    value: Money


class Week(NamedTuple):
    week_start: datetime.date
    deposits: Money
    on_ready: Money  # balances due when the order is ready
    on_delivery: Money
    days_after_order: Money

    @property
    def total(self):
        return self.deposits + self.on_ready + self.on_delivery + self.days_after_order


class Forecast(NamedTuple):
    overdue: Money
    weeks: List[Week]
    later: Money  # expected after the last week shown
    unscheduled: Money  # nothing says when (no promised date)

    @property
    def total(self):
        return sum(
            (week.total for week in self.weeks),
            self.overdue + self.later + self.unscheduled,
        )


class Backlog(NamedTuple):
    today: datetime.date
    currency: str
    orders: int
    units: int
    value: Money  # the made-to-order lines' value
    total: Money  # the orders' totals (shipping and ready stock included)
    paid: Money
    outstanding: Money
    stages: List[Slice]
    aging: List[Slice]
    due: List[Slice]
    at_risk: List[RiskJob]
    forecast: Forecast


def open_jobs(*, currency, product_type_id=None, placed_from=None, placed_to=None):
    """The jobs of open orders (placed, not delivered, not cancelled) in
    `currency` (the shop's), as a queryset."""
    host = get_host()
    placed = "order__%s" % host.order_placed_field
    jobs = ProductionJob.objects.exclude(status=JobStatus.CANCELLED).filter(
        order__status__in=host.open_order_statuses,
        order__currency=currency,
    )
    if product_type_id is not None:
        jobs = jobs.filter(product_type_id=product_type_id)
    if placed_from is not None:
        jobs = jobs.filter(**{placed + "__date__gte": placed_from})
    if placed_to is not None:
        jobs = jobs.filter(**{placed + "__date__lte": placed_to})
    return jobs


def _add(slices, code, order_id, units, value):
    entry = slices[code]
    entry["orders"].add(order_id)
    entry["units"] += units
    entry["value"] += value


def _slices(found, codes, labels, currency):
    return [
        Slice(
            code,
            labels.get(code, code),
            len(found[code]["orders"]),
            found[code]["units"],
            Money(found[code]["value"], currency),
        )
        for code in codes
    ]


def _empty():
    return defaultdict(lambda: {"orders": set(), "units": 0, "value": Decimal(0)})


def backlog(
    *,
    product_type_id=None,
    placed_from=None,
    placed_to=None,
    weeks=DEFAULT_WEEKS,
    due_within_days=DEFAULT_DUE_WITHIN_DAYS,
    today=None,
):
    today = today or timezone.localdate()
    host = get_host()
    currency = host.currency()
    jobs = open_jobs(
        currency=currency,
        product_type_id=product_type_id,
        placed_from=placed_from,
        placed_to=placed_to,
    )
    rows = list(
        jobs.values(
            "pk",
            "order_id",
            "order__%s" % host.order_number_field,
            "order__%s" % host.order_placed_field,
            "order__total_gross_amount",
            "quantity",
            "stages",
            "current_stage",
            "promised_date",
            "order_line__product_name",
            "order_line__unit_price_gross_amount",
        ).order_by("promised_date", "pk")
    )
    stage_codes, stage_labels = [], {}
    for stage in DEFAULT_STAGES:
        stage_codes.append(stage["code"])
        stage_labels[stage["code"]] = stage["label"]
    stages, aging, due = _empty(), _empty(), _empty()
    at_risk = []
    order_totals, order_promised = {}, {}
    units = 0
    value = Decimal(0)
    for row in rows:
        order_id = row["order_id"]
        codes = [stage["code"] for stage in row["stages"]]
        for stage in row["stages"]:
            if stage["code"] not in stage_labels:
                stage_codes.append(stage["code"])
                stage_labels[stage["code"]] = stage["label"]
        line_value = row["order_line__unit_price_gross_amount"] * row["quantity"]
        units += row["quantity"]
        value += line_value
        order_totals[order_id] = row["order__total_gross_amount"]
        promised = row["promised_date"]
        if promised is not None:
            order_promised[order_id] = max(
                order_promised.get(order_id, promised), promised
            )
        placed_on = timezone.localtime(
            row["order__%s" % host.order_placed_field]
        ).date()
        days_left = (promised - today).days if promised else None
        _add(stages, row["current_stage"], order_id, row["quantity"], line_value)
        _add(
            aging,
            rules.bucket_of(rules.AGE_BUCKETS, (today - placed_on).days),
            order_id,
            row["quantity"],
            line_value,
        )
        _add(
            due,
            rules.bucket_of(rules.DUE_BUCKETS, days_left),
            order_id,
            row["quantity"],
            line_value,
        )
        risk = rules.risk_of(
            stage_codes=codes,
            current=row["current_stage"],
            promised_date=promised,
            today=today,
            within_days=due_within_days,
        )
        if risk is not None:
            labels = {stage["code"]: stage["label"] for stage in row["stages"]}
            at_risk.append(
                RiskJob(
                    row["pk"],
                    order_id,
                    str(row["order__%s" % host.order_number_field]),
                    row["order_line__product_name"],
                    row["current_stage"],
                    labels.get(row["current_stage"], row["current_stage"]),
                    promised,
                    days_left,
                    risk,
                    row["quantity"],
                    Money(line_value, currency),
                )
            )
    paid, outstanding, forecast = _money(
        jobs, order_promised, today, min(max(weeks, 1), MAX_WEEKS), currency
    )
    age_codes = [b.code for b in rules.AGE_BUCKETS]
    due_codes = [b.code for b in rules.DUE_BUCKETS] + [rules.NO_DATE]
    return Backlog(
        today=today,
        currency=currency,
        orders=len(order_totals),
        units=units,
        value=Money(value, currency),
        total=Money(sum(order_totals.values(), Decimal(0)), currency),
        paid=paid,
        outstanding=outstanding,
        stages=_slices(
            stages, [c for c in stage_codes if c in stages], stage_labels, currency
        ),
        aging=_slices(aging, age_codes, {}, currency),
        due=_slices(due, due_codes, {}, currency),
        at_risk=sorted(at_risk, key=lambda r: (r.days_left, r.job_id)),
        forecast=forecast,
    )


def _money(jobs, order_promised, today, weeks, currency):
    """What the open orders have paid and still owe, and when the rest is
    expected: (paid, outstanding, Forecast). One statement."""
    installments = Installment.objects.filter(
        schedule__order_id__in=jobs.values("order_id")
    ).values(
        "schedule__order_id",
        "kind",
        "amount",
        "paid_amount",
        "status",
        "due_trigger",
        "due_date",
    )
    mondays = rules.forecast_weeks(today, weeks)
    first, end = mondays[0], mondays[-1] + datetime.timedelta(days=7)
    by_week = {
        monday: {
            InstallmentKind.DEPOSIT: Decimal(0),
            DueTrigger.ON_READY: Decimal(0),
            DueTrigger.ON_DELIVERY: Decimal(0),
            DueTrigger.DAYS_AFTER_ORDER: Decimal(0),
        }
        for monday in mondays
    }
    paid = outstanding = overdue = later = unscheduled = Decimal(0)
    for item in installments:
        paid += item["paid_amount"]
        if item["status"] in InstallmentStatus.SETTLED:
            continue
        owed = item["amount"] - item["paid_amount"]
        if owed <= 0:
            continue
        outstanding += owed
        when = rules.expected(
            kind=item["kind"],
            status=item["status"],
            due_trigger=item["due_trigger"],
            due_date=item["due_date"],
            promised_date=order_promised.get(item["schedule__order_id"]),
            today=today,
        )
        if when.overdue:
            overdue += owed
        elif when.day is None:
            unscheduled += owed
        elif when.day >= end:
            later += owed
        else:
            # A balance due on a promised date already past (a late order)
            # is expected as soon as it is ready: this week.
            monday = rules.week_start(max(when.day, first))
            by_week[monday][when.kind] = (
                by_week[monday].get(when.kind, Decimal(0)) + owed
            )

    def money(amount):
        return Money(amount, currency)

    return (
        money(paid),
        money(outstanding),
        Forecast(
            money(overdue),
            [
                Week(
                    monday,
                    money(parts[InstallmentKind.DEPOSIT]),
                    money(parts[DueTrigger.ON_READY]),
                    money(parts[DueTrigger.ON_DELIVERY]),
                    money(parts[DueTrigger.DAYS_AFTER_ORDER]),
                )
                for monday, parts in by_week.items()
            ],
            money(later),
            money(unscheduled),
        ),
    )
