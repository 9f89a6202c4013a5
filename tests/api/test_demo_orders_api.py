"""The demo's orders (openorder_plugin/saleor_common/demo_orders.py, checked
out by each host's storefront), in process: placed through the host's own
GraphQL view, once per buyer; the one whose payment window ends unpaid is
cancelled by the sweep and placed again by the next run. Money is on the
books only for the deposits staff recorded.

tests/test_demo_server.py checks the same orders end to end in a running demo
(Saleor 2.10)."""

import datetime

from django.utils import timezone
from saleor.order import OrderStatus
from saleor.order.models import Order

from openorder_plugin.host import get_host
from openorder_plugin.models import ProductionJob
from openorder_plugin.payments.window import lapse_overdue

from ..hosts import demo_orders

DEMO_ORDERS = demo_orders().DEMO_ORDERS
place_demo_orders = demo_orders().place_demo_orders

WAITING = "dewi.lestari@openorder.test"


def open_orders():
    return sorted(
        Order.objects.exclude(status=OrderStatus.CANCELED).values_list(
            "user_email", flat=True
        )
    )


def test_demo_orders_are_placed_once_per_buyer_and_a_lapsed_one_again(demo_shop):
    first = place_demo_orders()
    assert [new for _what, _number, new in first] == [True] * len(DEMO_ORDERS)
    buyers = sorted(demo["key"] for demo in DEMO_ORDERS)
    assert open_orders() == buyers
    # Through the checkout: every order has its production job; what was
    # captured is what staff recorded: the deposits, nothing for the buyer
    # who has not paid.
    assert ProductionJob.objects.count() == len(DEMO_ORDERS)
    paid = {demo["key"]: bool(demo.get("deposit")) for demo in DEMO_ORDERS}
    host = get_host()
    assert {
        order.user_email: host.total_captured(order) > 0
        for order in Order.objects.all()
    } == paid

    again = place_demo_orders()
    assert [new for _what, _number, new in again] == [False] * len(DEMO_ORDERS)
    assert Order.objects.count() == len(DEMO_ORDERS)

    # A day later the unpaid order's window has ended: the sweep cancels it.
    lapsed = lapse_overdue(now=timezone.now() + datetime.timedelta(hours=25))
    assert [Order.objects.get(pk=pk).user_email for pk in lapsed] == [WAITING]
    assert WAITING not in open_orders()

    third = place_demo_orders()
    assert [what for what, _number, new in third if new] == ["waiting for the deposit"]
    assert open_orders() == buyers
    assert Order.objects.count() == len(DEMO_ORDERS) + 1
