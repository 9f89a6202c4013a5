"""The benchmark's bulk loader (bench/load.py) on a tiny scale: the data it
makes must be what the plugin itself would have made, so the benchmark
measures real pages and real stage changes. (The benchmark itself is a
command, ./bench/run.sh, never a test.)"""

from decimal import Decimal

from saleor.order.models import Order

from bench.load import ONE_LINE_EMAIL, THREE_LINES_EMAIL, load
from openorder_plugin.models import (
    Installment,
    OrderLineSpec,
    PaymentSchedule,
    ProductionJob,
)

from .production_helpers import ADVANCE, JOBS

ORDERS = """
query($filter: OrderFilterInput) {
  orders(first: 100, filter: $filter) {
    totalCount
    edges { node { lines { id } } }
  }
}
"""


def test_loaded_orders_are_what_checkouts_make(staff_api, demo_shop):
    result = load(orders=40, jobs_per_order=2)
    assert result["orders"] == 40
    # 20 regular orders of 2 jobs, and 10 + 10 orders with 1 and 3 lines.
    assert result["jobs"] == 20 * 2 + 10 * 1 + 10 * 3
    assert ProductionJob.objects.count() == result["jobs"]
    assert OrderLineSpec.objects.count() == result["jobs"]

    # Saleor's own order list and the production board read the data.
    one_line = staff_api.query(ORDERS, {"filter": {"customer": ONE_LINE_EMAIL}})[
        "orders"
    ]
    three_lines = staff_api.query(ORDERS, {"filter": {"customer": THREE_LINES_EMAIL}})[
        "orders"
    ]
    assert one_line["totalCount"] == three_lines["totalCount"] == 10
    assert {len(e["node"]["lines"]) for e in one_line["edges"]} == {1}
    assert {len(e["node"]["lines"]) for e in three_lines["edges"]} == {3}
    jobs = staff_api.query(JOBS, {"first": 100})["productionJobs"]
    assert jobs["totalCount"] == result["jobs"]
    for edge in jobs["edges"]:
        job = edge["node"]
        assert job["specs"], job
        assert job["currentStage"] in {s["code"] for s in job["stages"]}
        assert job["events"][0]["type"] == "CREATED"

    # Money adds up: each order's installments split its total exactly.
    for schedule in PaymentSchedule.objects.select_related("order"):
        amounts = Installment.objects.filter(schedule=schedule).values_list(
            "amount", flat=True
        )
        assert sum(amounts, Decimal(0)) == schedule.order.total_gross_amount

    # A job past its first stage has its deposit paid, so production moves on
    # through the real mutation (the deposit gate passes).
    job = (
        ProductionJob.objects.filter(current_stage="CONFIRMED").first()
        or ProductionJob.objects.exclude(current_stage="RECEIVED")
        .exclude(current_stage="READY")
        .first()
    )
    assert job is not None
    from graphene import Node

    advanced = staff_api.query(
        ADVANCE,
        {"id": Node.to_global_id("ProductionJob", job.pk), "version": job.version},
    )["productionJobAdvance"]
    assert advanced["openOrderErrors"] == []
    assert advanced["job"]["currentStage"] != job.current_stage
    assert Order.objects.count() == 40
