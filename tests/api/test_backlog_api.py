"""The open-order backlog through the API on the host the suite runs on:
orders of three product types (deposit policies PERCENT, FIXED and FULL;
balances on ready and on delivery) placed through the API, one fully paid,
one late, one due soon at an early stage and one cancelled; the figures are
checked against those orders and always add up (total = paid + outstanding,
outstanding = the forecast's parts). The read costs the same statements for
one order or many."""

import datetime
from decimal import Decimal

import graphene
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from openorder_plugin.backlog import rules, selectors
from openorder_plugin.chat_orders import services
from openorder_plugin.models import ChatOrder, ProductionJob

from ..hosts import ON_SALEOR3
from ..specs_helpers import TSHIRT_SPECS, days_from_today
from ..storefront import variant_id
from .test_chat_orders_api import CONFIRM, create
from .test_payments_api import CANCEL, record

BACKLOG = """
query($productType: ID, $weeks: Int, $dueWithinDays: Int) {
  openOrderBacklog(productType: $productType, weeks: $weeks,
                   dueWithinDays: $dueWithinDays) {
    today currency orders units
    value { amount } total { amount } paid { amount } outstanding { amount }
    stages { code label orders units value { amount } }
    aging { code orders units value { amount } }
    dueIn { code orders units value { amount } }
    atRisk { jobId orderNumber productName stage stageLabel promisedDate daysLeft
             risk quantity value { amount } }
    cashForecast {
      overdue { amount } later { amount } unscheduled { amount } total { amount }
      weeks { weekStart deposits { amount } balancesOnReady { amount }
              balancesOnDelivery { amount } balancesDaysAfterOrder { amount }
              total { amount } }
    }
  }
}
"""
CAKE_SPECS = [
    {"code": "size", "value": "18cm"},
    {"code": "flavour", "value": "coklat"},
    {"code": "date_wanted", "value": days_from_today(6)},
]
FLOWER_SPECS = [{"code": "flowers", "values": ["mawar"]}]


def money(field):
    return Decimal(str(field["amount"]))


def chat_order(api, staff_api, demo_shop, product, quantity, specs):
    lines = [
        {
            "variantId": variant_id(demo_shop["products"][product]),
            "quantity": quantity,
            "specs": specs,
        }
    ]
    draft = create(staff_api, demo_shop, lines=lines)["madeToOrderDraft"]
    token = draft["buyerUrl"].rstrip("/").rsplit("/", 1)[1]
    placed = api.query(CONFIRM, {"token": token})["madeToOrderDraftConfirm"]
    assert placed["openOrderErrors"] == [], placed["openOrderErrors"]
    order = ChatOrder.objects.get(token=token).order
    return order, graphene.Node.to_global_id("Order", order.pk)


def promise(order, days):
    # Time passing, arranged: the job's promised date as it would stand.
    day = timezone.localdate() + datetime.timedelta(days=days)
    ProductionJob.objects.filter(order=order).update(promised_date=day)
    return day


def test_the_backlog_adds_up_to_the_open_orders(api, staff_api, demo_shop):
    today = timezone.localdate()
    # A: two T-shirts, half up front, the balance when ready (in 10 days).
    shirts, _ = chat_order(api, staff_api, demo_shop, "kaos-custom", 2, TSHIRT_SPECS)
    shirts_ready = promise(shirts, 10)
    # B: a cake, Rp 100.000 up front, the rest on delivery; due in 2 days
    # and still only received: at risk.
    cake, _ = chat_order(
        api, staff_api, demo_shop, "kue-ulang-tahun-custom", 1, CAKE_SPECS
    )
    cake_due = promise(cake, 2)
    # C: flowers paid in full and ready (due tomorrow: not at risk).
    flowers, flowers_id = chat_order(
        api, staff_api, demo_shop, "rangkaian-bunga-custom", 1, FLOWER_SPECS
    )
    assert record(staff_api, flowers_id, "400000", key="bunga")["openOrderErrors"] == []
    flowers_job = ProductionJob.objects.get(order=flowers)
    ProductionJob.objects.filter(pk=flowers_job.pk).update(current_stage="READY")
    promise(flowers, 1)
    # D: a T-shirt, its deposit paid, promised yesterday and not started: late.
    late, late_id = chat_order(
        api, staff_api, demo_shop, "kaos-custom", 1, TSHIRT_SPECS
    )
    assert record(staff_api, late_id, "46000", key="late")["openOrderErrors"] == []
    promise(late, -1)
    # E: a cancelled order is not in the backlog.
    cancelled, cancelled_id = chat_order(
        api, staff_api, demo_shop, "kaos-custom", 3, TSHIRT_SPECS
    )
    assert (
        staff_api.query(CANCEL, {"id": cancelled_id})["orderCancel"]["orderErrors"]
        == []
    )

    backlog = staff_api.query(BACKLOG, {})["openOrderBacklog"]
    assert (backlog["orders"], backlog["units"]) == (4, 5)
    # 2 x 92.000 + 250.000 + 400.000 + 92.000 (chat orders ship nothing).
    total = Decimal("926000")
    paid = Decimal("446000")
    assert money(backlog["total"]) == money(backlog["value"]) == total
    assert (money(backlog["paid"]), money(backlog["outstanding"])) == (
        paid,
        total - paid,
    )

    stages = {s["code"]: s for s in backlog["stages"]}
    assert list(stages) == ["RECEIVED", "READY"]
    assert (stages["RECEIVED"]["orders"], stages["RECEIVED"]["units"]) == (3, 4)
    assert money(stages["RECEIVED"]["value"]) == Decimal("526000")
    assert (stages["READY"]["orders"], money(stages["READY"]["value"])) == (
        1,
        Decimal("400000"),
    )
    # All placed today; due: one late, two within two days, one in ten.
    aging = {a["code"]: a["orders"] for a in backlog["aging"]}
    assert aging == {"0_3": 4, "4_7": 0, "8_14": 0, "15_30": 0, "31_PLUS": 0}
    due = {d["code"]: d["orders"] for d in backlog["dueIn"]}
    assert due == {
        "LATE": 1,
        "0_2": 2,
        "3_7": 0,
        "8_14": 1,
        "15_PLUS": 0,
        "NO_DATE": 0,
    }
    assert [
        (r["risk"], r["orderNumber"], r["daysLeft"]) for r in backlog["atRisk"]
    ] == [
        ("LATE", str(late.number if ON_SALEOR3 else late.pk), -1),
        ("DUE_SOON", str(cake.number if ON_SALEOR3 else cake.pk), 2),
    ]
    assert backlog["atRisk"][1]["promisedDate"] == cake_due.isoformat()

    # The money still owed, week by week: deposits now; the T-shirts'
    # balances when ready (the late one's as soon as it is); the cake's on
    # delivery.
    forecast = backlog["cashForecast"]
    assert money(forecast["total"]) == total - paid
    assert money(forecast["overdue"]) == money(forecast["unscheduled"]) == 0
    weeks = {w["weekStart"]: w for w in forecast["weeks"]}
    assert len(weeks) == 6
    this_week = rules.week_start(today).isoformat()
    assert money(weeks[this_week]["deposits"]) == Decimal("92000") + Decimal("100000")
    expected = {
        rules.week_start(today): Decimal("46000"),  # the late shirt
    }
    shirts_week = rules.week_start(shirts_ready)
    expected[shirts_week] = expected.get(shirts_week, 0) + Decimal("92000")
    for monday, amount in expected.items():
        assert money(weeks[monday.isoformat()]["balancesOnReady"]) == amount
    cake_week = rules.week_start(cake_due).isoformat()
    assert money(weeks[cake_week]["balancesOnDelivery"]) == Decimal("150000")
    summed = sum((money(w["total"]) for w in forecast["weeks"]), Decimal(0))
    assert summed + money(forecast["later"]) == total - paid

    # One product type: only its orders.
    kaos_type = demo_shop["products"]["kaos-custom"].product_type
    only = staff_api.query(
        BACKLOG,
        {"productType": graphene.Node.to_global_id("ProductType", kaos_type.pk)},
    )["openOrderBacklog"]
    assert (only["orders"], only["units"]) == (2, 3)
    assert money(only["total"]) == Decimal("276000")


def test_the_backlog_is_for_staff_and_refuses_what_makes_no_backlog(
    api, customer_api, staff_api, demo_shop
):
    for client in (api, customer_api):
        body = client.execute(BACKLOG, {})
        assert "permission" in body["errors"][0]["message"].lower()
    for variables, words in (
        ({"weeks": 0}, "`weeks` is from 1 to 26"),
        ({"dueWithinDays": -1}, "`dueWithinDays` is from 0 to 60"),
        ({"productType": "bm9wZQ=="}, "not a valid ID"),
    ):
        body = staff_api.execute(BACKLOG, variables)
        assert words in body["errors"][0]["message"], body


def test_the_backlog_costs_the_same_statements_for_one_order_or_many(db, demo_shop):
    variant = demo_shop["products"]["kaos-custom"].variants.get()
    pricing = demo_shop.get("channel")

    def place(count):
        for _ in range(count):
            chat = services.create_draft(
                lines=[{"variant": variant, "quantity": 1, "specs": TSHIRT_SPECS}],
                customer={},
                pricing=pricing,
                user=demo_shop["staff"],
            )
            services.confirm(chat.token)

    queries_of_last = []

    def statements():
        with CaptureQueriesContext(connection) as queries:
            selectors.backlog()
        queries_of_last[:] = queries.captured_queries
        return len(queries)

    place(1)
    one = statements()
    place(5)
    many = statements()
    # The open jobs, their installments, and (Saleor 3) the default
    # channel's currency.
    assert one == many <= 4, [q["sql"][:120] for q in queries_of_last]
