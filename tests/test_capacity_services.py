"""Capacity holds as a service, on the `db` fixture (no live server): what a
checkout holds, what it frees, the deadline it cannot meet, and a constant
number of statements however many product types a checkout spans."""

import datetime
import uuid

import pytest
from saleor.product.models import ProductType

from openorder_plugin import capacity
from openorder_plugin.choices import Mode
from openorder_plugin.errors import OpenOrderError
from openorder_plugin.models import CapacityReservation, MadeToOrderSettings

EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]
TODAY = datetime.date(2026, 12, 7)


def made_to_order_type(slug, daily_capacity=2, lead_time_days=2):
    product_type = ProductType.objects.create(name=slug, slug=slug, has_variants=False)
    return MadeToOrderSettings.objects.create(
        product_type=product_type,
        mode=Mode.MADE_TO_ORDER,
        lead_time_days=lead_time_days,
        daily_capacity=daily_capacity,
        working_days=EVERY_DAY,
    )


def demand(settings, quantity, key=1, deadline=None):
    return capacity.LineDemand(key, settings, quantity, deadline, "lines.%s" % key)


def held(token):
    return sorted(
        CapacityReservation.objects.filter(checkout_token=token).values_list(
            "day", "quantity"
        )
    )


@pytest.mark.django_db
def test_a_hold_spreads_over_days_with_room_and_replaces_the_checkouts_earlier_hold():
    cakes = made_to_order_type("cake")
    token = uuid.uuid4()
    ready = capacity.hold_for_checkout(token, [demand(cakes, 3)], today=TODAY)
    assert held(token) == [(TODAY, 2), (TODAY + datetime.timedelta(days=1), 1)]
    # Ready two working days after the last start day.
    assert ready == {1: TODAY + datetime.timedelta(days=3)}
    capacity.hold_for_checkout(token, [demand(cakes, 1)], today=TODAY)
    assert held(token) == [(TODAY, 1)]


@pytest.mark.django_db
def test_another_checkouts_hold_pushes_the_promise_and_a_missed_deadline_is_refused():
    cakes = made_to_order_type("cake", daily_capacity=1)
    first, second = uuid.uuid4(), uuid.uuid4()
    capacity.hold_for_checkout(first, [demand(cakes, 1)], today=TODAY)
    with pytest.raises(OpenOrderError) as refused:
        capacity.hold_for_checkout(
            second,
            [demand(cakes, 1, deadline=TODAY + datetime.timedelta(days=2))],
            today=TODAY,
        )
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("lines.1", "CAPACITY_FULL")
    ]
    assert held(second) == []
    # Its own hold does not count against a checkout's estimate.
    estimate = capacity.estimate(
        [demand(cakes, 1)], today=TODAY, exclude_checkout=first
    )
    assert estimate == {1: TODAY + datetime.timedelta(days=2)}


@pytest.mark.django_db
def test_holding_costs_the_same_statements_for_one_product_type_or_three(
    django_assert_num_queries,
):
    types = [made_to_order_type(slug) for slug in ("cake", "shirt", "flowers")]
    # Savepoint, lock, free the old holds, booked units, insert, release.
    with django_assert_num_queries(6):
        capacity.hold_for_checkout(uuid.uuid4(), [demand(types[0], 1)], today=TODAY)
    with django_assert_num_queries(6):
        capacity.hold_for_checkout(
            uuid.uuid4(),
            [demand(settings, 1, key=i) for i, settings in enumerate(types)],
            today=TODAY,
        )
