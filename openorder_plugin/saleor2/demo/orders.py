"""The demo's orders on Saleor 2.10 (openorder_plugin.saleor_common.
demo_orders): a storefront checks out with "Pay deposit / pay later"."""

from saleor.order.models import Order

from ...saleor_common.demo_orders import (  # noqa: F401  (the demo's names)
    DEMO_ORDERS,
    DemoOrderError,
    ERRORS,
    buyer_address,
)
from ...saleor_common import demo_orders
from ..gateway.deferred import GATEWAY_ID as DEFERRED_GATEWAY_ID

PRODUCT_VARIANT = """
query($slug: String!) { product(slug: $slug) { variants { id } } }"""

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id token } checkoutErrors { field code message } }
}"""

LINES_ADD = (
    """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) { checkout { id } %s }
}"""
    % ERRORS
)

SHIPPING_ADDRESS = """
mutation($checkoutId: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(checkoutId: $checkoutId, shippingAddress: $address) {
    checkout { availableShippingMethods { id } } checkoutErrors { field code message }
  }
}"""

BILLING_ADDRESS = """
mutation($checkoutId: ID!, $address: AddressInput!) {
  checkoutBillingAddressUpdate(checkoutId: $checkoutId, billingAddress: $address) {
    checkout { id } checkoutErrors { field code message }
  }
}"""

SHIPPING_METHOD = """
mutation($checkoutId: ID!, $shippingMethodId: ID!) {
  checkoutShippingMethodUpdate(checkoutId: $checkoutId, shippingMethodId: $shippingMethodId) {
    checkout { totalPrice { gross { amount } } } checkoutErrors { field code message }
  }
}"""

PAYMENT_CREATE = """
mutation($checkoutId: ID!, $input: PaymentInput!) {
  checkoutPaymentCreate(checkoutId: $checkoutId, input: $input) {
    payment { id } paymentErrors { field code message }
  }
}"""

CHECKOUT_COMPLETE = """
mutation($checkoutId: ID!) {
  checkoutComplete(checkoutId: $checkoutId) {
    order { id number } checkoutErrors { field code message }
  }
}"""


class Storefront:
    """How a Saleor 2.10 storefront places a demo order."""

    @staticmethod
    def checkout(buyer_api, demo):
        """Saleor's checkout as a storefront runs it, paid with "Pay deposit /
        pay later": the order is placed and nothing is captured."""
        first_name, last_name = demo["buyer"]
        address = buyer_address(first_name, last_name)
        variant = buyer_api.query(PRODUCT_VARIANT, {"slug": demo["product"]})[
            "product"
        ]["variants"][0]["id"]
        checkout = buyer_api.mutate(
            CHECKOUT_CREATE,
            {"input": {"email": demo["key"], "lines": []}},
            "checkoutCreate",
        )["checkout"]
        checkout_id = checkout["id"]
        buyer_api.mutate(
            LINES_ADD,
            {
                "checkoutId": checkout_id,
                "lines": [
                    {
                        "variantId": variant,
                        "quantity": demo["quantity"],
                        "specs": demo["specs"](),
                    }
                ],
            },
            "checkoutLinesAddCustom",
        )
        methods = buyer_api.mutate(
            SHIPPING_ADDRESS,
            {"checkoutId": checkout_id, "address": address},
            "checkoutShippingAddressUpdate",
        )["checkout"]["availableShippingMethods"]
        buyer_api.mutate(
            BILLING_ADDRESS,
            {"checkoutId": checkout_id, "address": address},
            "checkoutBillingAddressUpdate",
        )
        total = buyer_api.mutate(
            SHIPPING_METHOD,
            {"checkoutId": checkout_id, "shippingMethodId": methods[0]["id"]},
            "checkoutShippingMethodUpdate",
        )["checkout"]["totalPrice"]["gross"]["amount"]
        buyer_api.mutate(
            PAYMENT_CREATE,
            {
                "checkoutId": checkout_id,
                "input": {
                    "gateway": DEFERRED_GATEWAY_ID,
                    "token": "pay-later-%s" % checkout["token"],
                    "amount": total,
                },
            },
            "checkoutPaymentCreate",
        )
        return buyer_api.mutate(
            CHECKOUT_COMPLETE, {"checkoutId": checkout_id}, "checkoutComplete"
        )["order"]

    @staticmethod
    def date_back(order, when):
        # Saleor 2.10's order number is its key.
        Order.objects.filter(pk=int(order["number"])).update(created=when)


def place_demo_orders(host=None, log=None):
    return demo_orders.place_demo_orders(Storefront, host=host, log=log)
