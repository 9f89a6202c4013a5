"""Capacity is reserved atomically when orders are placed: buyers completing
checkouts at the same moment, on their own connections, never book more than
a day's capacity."""

import datetime
import threading

import pytest
from collections import Counter

from django.db.models import Sum
from django.utils import timezone
from saleor.order.models import Order

from openorder_plugin import capacity
from openorder_plugin.models import CapacityReservation, MadeToOrderSettings
from openorder_plugin.production.dates import add_working_days, is_working_day

from .client import ApiClient
from .specs_helpers import (
    MTO_ORDER,
    QUOTE,
    TSHIRT_SPECS,
    add_custom,
    days_from_today,
    empty_checkout,
)
from .storefront import complete, pay, set_shipping_address, variant_id

BUYERS = 6


def ready_checkouts(api, variant, specs, count):
    """Checkouts paid and ready to complete, one per buyer."""
    checkouts = []
    for n in range(count):
        checkout = empty_checkout(api, email="buyer%d@openorder.test" % n)
        added = add_custom(
            api, checkout, [{"variantId": variant, "quantity": 1, "specs": specs}]
        )
        assert added["openOrderErrors"] == []
        checkout = set_shipping_address(api, checkout)
        pay(api, checkout)
        checkouts.append(checkout)
    return checkouts


def complete_all_at_once(base_url, checkouts):
    """checkoutComplete for every checkout from its own thread and HTTP
    connection, released together."""
    barrier = threading.Barrier(len(checkouts))
    results = [None] * len(checkouts)

    def buyer(index):
        client = ApiClient(base_url)
        barrier.wait()
        results[index] = complete(client, checkouts[index])

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(len(checkouts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.parametrize("buyers", [BUYERS, 50])
def test_last_capacity_before_a_date_wanted_goes_to_exactly_one_buyer(
    api, live_server, demo_shop, buyers
):
    # One cake a day; ready two days after it is started.
    MadeToOrderSettings.objects.filter(
        product_type__slug="kue-ulang-tahun-type"
    ).update(daily_capacity=1, lead_time_days=2, working_days=[1, 2, 3, 4, 5, 6, 7])
    specs = [
        {"code": "size", "value": "18cm"},
        {"code": "flavour", "value": "coklat"},
        {"code": "date_wanted", "value": days_from_today(2)},
    ]
    cake = variant_id(demo_shop["products"]["kue-ulang-tahun-custom"])
    checkouts = ready_checkouts(api, cake, specs, buyers)

    results = complete_all_at_once(live_server.url, checkouts)

    placed = [r for r in results if r["order"]]
    refused = [r for r in results if not r["order"]]
    assert len(placed) == 1
    assert len(refused) == buyers - 1
    for result in refused:
        assert [e["code"] for e in result["checkoutErrors"]] == ["INSUFFICIENT_STOCK"]
        assert "no production capacity" in result["checkoutErrors"][0]["message"]
    assert Order.objects.count() == 1
    today = timezone.localdate()
    booked = CapacityReservation.objects.filter(day=today, order__isnull=False)
    assert booked.aggregate(units=Sum("quantity"))["units"] == 1
    # Refused checkouts hold nothing.
    assert not CapacityReservation.objects.filter(order__isnull=True).exists()
    order = api.query(MTO_ORDER, {"token": placed[0]["order"]["token"]})[
        "madeToOrderOrder"
    ]
    assert order["lines"][0]["promisedDate"] == days_from_today(2)


def test_concurrent_buyers_queue_into_later_days_never_over_capacity(
    api, live_server, demo_shop
):
    settings = MadeToOrderSettings.objects.get(product_type__slug="kaos-type")
    settings.daily_capacity = 2
    settings.save()
    tshirt = variant_id(demo_shop["products"]["kaos-custom"])
    quote = api.query(
        QUOTE, {"variantId": tshirt, "quantity": 1, "specs": TSHIRT_SPECS}
    )["madeToOrderQuote"]
    checkouts = ready_checkouts(api, tshirt, TSHIRT_SPECS, BUYERS)

    results = complete_all_at_once(live_server.url, checkouts)

    assert all(r["order"] for r in results), [r["checkoutErrors"] for r in results]
    per_day = Counter()
    for reservation in CapacityReservation.objects.filter(order__isnull=False):
        per_day[reservation.day] += reservation.quantity
    assert sum(per_day.values()) == BUYERS
    assert max(per_day.values()) <= 2
    assert len(per_day) == BUYERS // 2
    # The first buyers get the date quoted before the rush; the rest later ones.
    promised = Counter(
        api.query(MTO_ORDER, {"token": r["order"]["token"]})["madeToOrderOrder"][
            "lines"
        ][0]["promisedDate"]
        for r in results
    )
    assert promised[quote["promisedDate"]] == 2
    assert sorted(promised.values()) == [2, 2, 2]


def test_quantity_beyond_a_days_capacity_spreads_over_working_days(api, demo_shop):
    settings = MadeToOrderSettings.objects.get(product_type__slug="kaos-type")
    settings.daily_capacity = 20
    settings.lead_time_days = 3
    settings.working_days = [1, 2, 3, 4, 5]
    settings.save()
    tshirt = variant_id(demo_shop["products"]["kaos-custom"])
    quote = api.query(
        QUOTE, {"variantId": tshirt, "quantity": 45, "specs": TSHIRT_SPECS}
    )["madeToOrderQuote"]
    assert quote["errors"] == []
    # 45 units at 20 a working day start on three working days; ready three
    # working days after the last one.
    day = timezone.localdate()
    start_days = []
    while len(start_days) < 3:
        if day.isoweekday() <= 5:
            start_days.append(day)
        day += datetime.timedelta(days=1)
    ready = start_days[-1]
    for _ in range(3):
        ready += datetime.timedelta(days=1)
        while ready.isoweekday() > 5:
            ready += datetime.timedelta(days=1)
    assert quote["promisedDate"] == ready.isoformat()


def test_capacity_and_production_count_working_days_on_one_calendar():
    # Pure: no database. Friday 4 December 2026, a shop working Monday to Friday.
    friday = datetime.date(2026, 12, 4)
    monday, tuesday = datetime.date(2026, 12, 7), datetime.date(2026, 12, 8)
    weekdays = [1, 2, 3, 4, 5]
    assert is_working_day(friday, weekdays) and not is_working_day(
        friday + datetime.timedelta(days=1), weekdays
    )
    assert add_working_days(friday, 3, weekdays) == datetime.date(2026, 12, 9)
    assert add_working_days(friday, 0, weekdays) == friday
    # No working days at all: calendar days.
    assert add_working_days(friday, 3, []) == monday
    settings = MadeToOrderSettings(
        daily_capacity=20, lead_time_days=3, working_days=weekdays
    )
    line_plan = capacity.plan(settings, 45, {friday: 5}, friday)
    assert line_plan.days == [(friday, 15), (monday, 20), (tuesday, 10)]
    assert line_plan.ready_date == datetime.date(2026, 12, 11)
    assert (
        capacity.ready_date_from_start_days(settings, [friday, tuesday])
        == line_plan.ready_date
    )
