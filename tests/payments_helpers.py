"""Shared pieces of the deferred-payment tests: checkouts paid through
Saleor's own checkoutPaymentCreate/checkoutComplete with any gateway, the
payment operations, and reading Saleor's view of an order's payment."""

from django.contrib.auth.models import Permission
from graphene import Node
from saleor.account.models import User
from saleor.order import OrderEvents
from saleor.order.models import Order, OrderEvent
from saleor.warehouse.models import Warehouse

from openorder_plugin.models import MadeToOrderSettings
from openorder_plugin.saleor2.gateway.deferred import GATEWAY_ID as DEFERRED

from .production_helpers import CHECKOUT_LINES_ADD, SPECS, specs_for
from .specs_helpers import add_custom, empty_checkout
from .storefront import (
    ADDRESS,
    CHECKOUT_COMPLETE,
    CHECKOUT_PAYMENT,
    CHECKOUT_SHIPPING,
    set_shipping_address,
    variant_id,
)

DUMMY = "mirumee.payments.dummy"

CHECKOUT_GATEWAYS = """
query($token: UUID!) { checkout(token: $token) { availablePaymentGateways { id name } } }
"""

INSTALLMENTS = """
  id currency cancellationRule state deadline summary
  total { amount currency } outstanding { amount currency }
  installments {
    kind status dueTrigger dueDays dueDate
    amount { amount currency } paidAmount { amount currency }
  }
"""

SCHEDULE_BY_TOKEN = (
    "query($token: UUID!) { paymentScheduleByOrderToken(token: $token) { %s } }"
    % INSTALLMENTS
)
SCHEDULE = (
    "query($id: ID!) { orderPaymentSchedule(orderId: $id) { %s } }" % INSTALLMENTS
)

RECORD = (
    """
mutation($id: ID!, $amount: PositiveDecimal!, $reference: String!, $key: String!, $currency: String) {
  orderPaymentRecord(orderId: $id, amount: $amount, reference: $reference,
                     idempotencyKey: $key, currency: $currency) {
    order { id paymentStatus totalCaptured { amount } }
    paymentSchedule { %s }
    paymentRecord { id amount { amount currency } reference idempotencyKey }
    openOrderErrors { field code message }
  }
}
"""
    % INSTALLMENTS
)

ORDER_PAYMENT = """
query($id: ID!) {
  order(id: $id) {
    id status paymentStatus isPaid
    total { gross { amount } }
    totalCaptured { amount } totalAuthorized { amount }
    payments {
      gateway chargeStatus isActive total { amount } capturedAmount { amount }
      transactions { kind isSuccess amount { amount } }
    }
    events { type amount message }
  }
}
"""


def checkout_for(api, demo_shop, lines, email="pembeli@openorder.test"):
    """A checkout of `lines` ([(product slug, quantity)]) with addresses and
    shipping, ready to pay. Returns {id, token, total}."""
    products = demo_shop["products"]
    checkout = empty_checkout(api, email=email)
    custom = [
        {
            "variantId": variant_id(products[slug]),
            "quantity": qty,
            "specs": specs_for(slug),
        }
        for slug, qty in lines
        if slug in SPECS
    ]
    ready = [
        {"variantId": variant_id(products[slug]), "quantity": qty}
        for slug, qty in lines
        if slug not in SPECS
    ]
    if custom:
        added = add_custom(api, checkout, custom)
        assert added["openOrderErrors"] == [], added["openOrderErrors"]
    if ready:
        added = api.query(
            CHECKOUT_LINES_ADD, {"checkoutId": checkout["id"], "lines": ready}
        )
        assert added["checkoutLinesAdd"]["checkoutErrors"] == []
    checkout = set_shipping_address(api, checkout)
    shipping = api.query(
        CHECKOUT_SHIPPING,
        {
            "checkoutId": checkout["id"],
            "shippingMethodId": checkout["availableShippingMethods"][0]["id"],
        },
    )["checkoutShippingMethodUpdate"]
    assert shipping["checkoutErrors"] == [], shipping["checkoutErrors"]
    total = shipping["checkout"]["totalPrice"]["gross"]["amount"]
    return {"id": checkout["id"], "token": checkout["token"], "total": total}


def pay(api, checkout, gateway=DEFERRED, token=None):
    """checkoutPaymentCreate for the checkout's total, then checkoutComplete."""
    payment = api.query(
        CHECKOUT_PAYMENT,
        {
            "checkoutId": checkout["id"],
            "input": {
                "gateway": gateway,
                "token": token or "pay-later-%s" % checkout["token"],
                "amount": checkout["total"],
                "billingAddress": ADDRESS,
            },
        },
    )["checkoutPaymentCreate"]
    assert payment["paymentErrors"] == [], payment["paymentErrors"]
    return api.query(CHECKOUT_COMPLETE, {"checkoutId": checkout["id"]})[
        "checkoutComplete"
    ]


def place(api, demo_shop, lines, gateway=DEFERRED, token=None):
    result = pay(api, checkout_for(api, demo_shop, lines), gateway, token)
    assert result["checkoutErrors"] == [], result["checkoutErrors"]
    return result["order"]


def place_with_deposit(api, staff_api, demo_shop, lines, key="deposit"):
    """Place with "Pay deposit / pay later", then record the deposit as staff
    do once the buyer's transfer arrives (nothing is captured at checkout)."""
    order = place(api, demo_shop, lines)
    schedule = staff_api.query(SCHEDULE, {"id": order["id"]})["orderPaymentSchedule"]
    deposit = installments(schedule)["DEPOSIT"]["amount"]["amount"]
    result = record(staff_api, order, deposit, key, reference="DP transfer")
    assert result["openOrderErrors"] == [], result["openOrderErrors"]
    return order


def set_policy(slug, **values):
    MadeToOrderSettings.objects.filter(product_type__slug=slug).update(**values)


def order_payment(staff_api, order):
    return staff_api.query(ORDER_PAYMENT, {"id": order["id"]})["order"]


def event_count(order, event_type):
    return OrderEvent.objects.filter(
        order__token=order["token"], type=event_type
    ).count()


def fully_paid_events(order):
    return event_count(order, OrderEvents.ORDER_FULLY_PAID)


def record(client, order, amount, key, reference="BCA transfer", currency=None):
    variables = {
        "id": order["id"],
        "amount": amount,
        "reference": reference,
        "key": key,
    }
    if currency:
        variables["currency"] = currency
    return client.query(RECORD, variables)["orderPaymentRecord"]


def installments(schedule):
    return {i["kind"]: i for i in schedule["installments"]}


def staff_user(email, *codenames, password="staff-pass"):
    user = User.objects.create_user(email, password, is_staff=True)
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def warehouse_id():
    return Node.to_global_id(
        "Warehouse", Warehouse.objects.get(slug="gudang-bandung").pk
    )


def saved(order):
    return Order.objects.get(token=order["token"])
