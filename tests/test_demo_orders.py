"""The demo's orders (openorder_plugin/saleor2/demo/orders.py), in process: placed
through the host's own GraphQL view, once per buyer; the one whose payment
window ends unpaid is cancelled by the sweep and placed again by the next run.

tests/test_demo_server.py checks the same orders end to end in a running demo."""

import datetime

from django.utils import timezone
from saleor.order import OrderStatus
from saleor.order.models import Order

from openorder_plugin.saleor2.demo.orders import DEMO_ORDERS, place_demo_orders
from openorder_plugin.models import ProductionJob
from openorder_plugin.payments.window import lapse_overdue

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
    # Through the checkout: every order has its production job and Saleor payment.
    assert ProductionJob.objects.count() == len(DEMO_ORDERS)
    assert all(order.payments.exists() for order in Order.objects.all())

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
