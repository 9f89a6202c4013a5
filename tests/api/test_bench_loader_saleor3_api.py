"""The benchmark's bulk loader on Saleor 3.23 (bench/load.py with
bench/load_saleor3.py), on a tiny scale: the orders, lines and money it
writes must be what Saleor 3 and the plugin themselves would have made, and
the bench's own documents must read them. Runs with the Saleor 3.23 suite
(scripts/test-saleor3.sh); Saleor 2.10's loader has tests/test_bench_loader.py."""

from decimal import Decimal

import pytest
from graphene import Node

from bench import operations as ops
from bench.load import ONE_LINE_EMAIL, THREE_LINES_EMAIL, load

from openorder_plugin.models import (
    Installment,
    OrderLineSpec,
    PaymentSchedule,
    ProductionJob,
)

from ..hosts import ON_SALEOR3

if ON_SALEOR3:
    from saleor.order import OrderChargeStatus
    from saleor.order.models import Order, OrderLine
    from saleor.order.utils import updates_amounts_for_order
    from saleor.payment.models import TransactionItem

    from bench.load_saleor3 import Saleor3Data
    from openorder_plugin.saleor3.host import Saleor3Host, variant_channel_price

pytestmark = pytest.mark.skipif(
    not ON_SALEOR3, reason="the Saleor 3.23 loader runs on Saleor 3.23"
)


def test_loaded_orders_are_what_saleor3_checkouts_make(staff_api, demo_shop):
    result = load(orders=40, jobs_per_order=2, data=Saleor3Data())
    assert result["orders"] == 40
    # 20 regular orders of 2 jobs, and 10 + 10 orders with 1 and 3 lines.
    assert result["jobs"] == 20 * 2 + 10 * 1 + 10 * 3
    assert ProductionJob.objects.count() == result["jobs"]
    assert OrderLineSpec.objects.count() == result["jobs"]
    channel = demo_shop["channel"]
    assert set(Order.objects.values_list("channel_id", flat=True)) == {channel.pk}

    # Saleor's own order list (the bench's document) reads them, by customer.
    pages = {
        email: staff_api.query(
            ops.ORDERS, {"first": 100, "filter": {"customer": email}}
        )["orders"]
        for email in (ONE_LINE_EMAIL, THREE_LINES_EMAIL)
    }
    assert pages[ONE_LINE_EMAIL]["totalCount"] == 10
    assert pages[THREE_LINES_EMAIL]["totalCount"] == 10
    assert {len(e["node"]["lines"]) for e in pages[ONE_LINE_EMAIL]["edges"]} == {1}
    assert {len(e["node"]["lines"]) for e in pages[THREE_LINES_EMAIL]["edges"]} == {3}

    # Each line is priced as the checkout would have: the channel's price
    # plus the specs' modifier, as an override, the entry in its private
    # metadata (the host reads it back).
    host = Saleor3Host()
    for line in OrderLine.objects.select_related("variant", "open_order_spec"):
        entry = host.line_specs(line)
        assert entry["specs"] and entry["checkoutLineId"], entry
        base = variant_channel_price(line.variant, channel.pk)
        modifier = Decimal(entry["unitPriceModifier"])
        assert modifier == line.open_order_spec.unit_price_modifier
        assert line.unit_price_gross_amount == base + modifier
        assert line.total_price_gross_amount == line.unit_price_gross_amount * (
            line.quantity
        )
        assert line.is_price_overridden

    # Money: Saleor 3 works out the same totals and statuses from the
    # transaction items as the loader wrote; the schedule splits each total.
    for order in Order.objects.all():
        written = (
            order.charge_status,
            order.authorize_status,
            order.total_charged_amount,
        )
        updates_amounts_for_order(order, save=False)
        assert (
            order.charge_status,
            order.authorize_status,
            order.total_charged_amount,
        ) == written
        assert host.total_captured(order) == order.total_charged_amount
        lines_total = sum(
            (ln.total_price_gross_amount for ln in order.lines.all()), Decimal(0)
        )
        assert order.subtotal_gross_amount == lines_total
        assert (
            order.total_gross_amount == lines_total + order.shipping_price_gross_amount
        )
    assert (
        TransactionItem.objects.count()
        == Order.objects.exclude(charge_status=OrderChargeStatus.NONE).count()
    )
    for schedule in PaymentSchedule.objects.select_related("order"):
        amounts = Installment.objects.filter(schedule=schedule).values_list(
            "amount", flat=True
        )
        assert sum(amounts, Decimal(0)) == schedule.order.total_gross_amount

    # The board's page (the bench's document): every job, with its specs and
    # Saleor's payment status of its order.
    jobs = staff_api.query(ops.PRODUCTION_JOBS, {"first": 100})["productionJobs"]
    assert jobs["totalCount"] == result["jobs"]
    charged = {
        Node.to_global_id("Order", pk): status
        for pk, status in Order.objects.values_list("pk", "charge_status")
    }
    for edge in jobs["edges"]:
        job = edge["node"]
        assert job["specs"], job
        paid = charged[job["order"]["id"]] != OrderChargeStatus.NONE
        assert (job["order"]["paymentStatus"] != "NOT_CHARGED") == paid, job

    # Production moves on through the real mutation: past its first stage a
    # job's order paid the deposit (the gate reads the schedule), at its
    # first one it may go as far as CONFIRMED.
    job = next(
        j
        for j in ProductionJob.objects.order_by("pk")
        if j.current_stage != j.stage_codes[-1]
    )
    advanced = staff_api.query(
        ops.PRODUCTION_JOB_ADVANCE,
        {"id": Node.to_global_id("ProductionJob", job.pk), "version": job.version},
    )["productionJobAdvance"]
    assert advanced["openOrderErrors"] == []
    assert advanced["job"]["currentStage"] != job.current_stage
