"""The demo's orders on Saleor 3.23 (openorder_plugin.saleor_common.
demo_orders): a storefront checks out in the demo channel, in Saleor 3's own
operations, and the order is placed unpaid (the channel allows it); staff
record the deposits as transfers arrive."""

from saleor.order.models import Order

from ...saleor_common import demo_orders
from ...saleor_common.demo_orders import (  # noqa: F401  (the demo's names)
    DEMO_ORDERS,
    DemoOrderError,
    buyer_address,
)
from .catalog import CHANNEL_SLUG

ERRORS = "errors { field code message }"

PRODUCT_VARIANT = """
query($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) { variants { id } }
}"""

CHECKOUT_CREATE = (
    """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id } %s }
}"""
    % ERRORS
)

LINES_ADD = (
    """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) { checkout { id } %s }
}"""
    % ERRORS
)

SHIPPING_ADDRESS = (
    """
mutation($id: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address) {
    checkout { shippingMethods { id } } %s
  }
}"""
    % ERRORS
)

DELIVERY_METHOD = (
    """
mutation($id: ID!, $methodId: ID!) {
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $methodId) {
    checkout { id } %s
  }
}"""
    % ERRORS
)

CHECKOUT_COMPLETE = (
    """
mutation($id: ID!) {
  checkoutComplete(id: $id) { order { id number } %s }
}"""
    % ERRORS
)


class Storefront:
    """How a Saleor 3.23 storefront places a demo order."""

    @staticmethod
    def checkout(buyer_api, demo):
        address = buyer_address(*demo["buyer"])
        product = buyer_api.query(
            PRODUCT_VARIANT, {"slug": demo["product"], "channel": CHANNEL_SLUG}
        )["product"]
        checkout_id = buyer_api.mutate(
            CHECKOUT_CREATE,
            {
                "input": {
                    "channel": CHANNEL_SLUG,
                    "email": demo["key"],
                    "lines": [],
                    "billingAddress": address,
                }
            },
            "checkoutCreate",
        )["checkout"]["id"]
        buyer_api.mutate(
            LINES_ADD,
            {
                "checkoutId": checkout_id,
                "lines": [
                    {
                        "variantId": product["variants"][0]["id"],
                        "quantity": demo["quantity"],
                        "specs": demo["specs"](),
                    }
                ],
            },
            "checkoutLinesAddCustom",
        )
        methods = buyer_api.mutate(
            SHIPPING_ADDRESS,
            {"id": checkout_id, "address": address},
            "checkoutShippingAddressUpdate",
        )["checkout"]["shippingMethods"]
        buyer_api.mutate(
            DELIVERY_METHOD,
            {"id": checkout_id, "methodId": methods[0]["id"]},
            "checkoutDeliveryMethodUpdate",
        )
        return buyer_api.mutate(
            CHECKOUT_COMPLETE, {"id": checkout_id}, "checkoutComplete"
        )["order"]

    @staticmethod
    def date_back(order, when):
        Order.objects.filter(number=int(order["number"])).update(created_at=when)


def place_demo_orders(host=None, log=None):
    return demo_orders.place_demo_orders(Storefront, host=host, log=log)
