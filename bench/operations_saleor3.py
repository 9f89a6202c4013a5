"""The storefront's GraphQL documents on Saleor 3.23 (Saleor 3's own checkout
operations: the channel, `id` arguments, `errors`, delivery methods). The
production board's and Saleor's order list documents are the same on both
hosts (bench.operations): the board sends the same ones to either."""

from .operations import ADDRESS  # noqa: F401  (the same buyer on both hosts)

ERRORS = "errors { field code message }"

PRODUCTS = """
query($channel: String!) {
  products(first: 100, channel: $channel) { edges { node { slug variants { id } } } }
}
"""

CHECKOUT_CREATE = (
    """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id token shippingMethods { id } }
    %s
  }
}
"""
    % ERRORS
)

# What a storefront reads back after adding lines: the same selection for
# Saleor's checkoutLinesAdd and the plugin's checkoutLinesAddCustom.
_CHECKOUT_AFTER_ADD = """
    checkout {
      id token
      shippingMethods { id }
      lines { id quantity variant { id } totalPrice { gross { amount } } }
      subtotalPrice { gross { amount currency } }
      totalPrice { gross { amount currency } }
    }
"""

CHECKOUT_LINES_ADD = """
mutation($checkoutId: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $checkoutId, lines: $lines) {
    %s
    %s
  }
}
""" % (_CHECKOUT_AFTER_ADD, ERRORS)

CHECKOUT_LINES_ADD_CUSTOM = """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) {
    %s
    %s
  }
}
""" % (_CHECKOUT_AFTER_ADD, ERRORS)

CHECKOUT_SHIPPING_ADDRESS = (
    """
mutation($checkoutId: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(id: $checkoutId, shippingAddress: $address) {
    checkout { id shippingMethods { id name } }
    %s
  }
}
"""
    % ERRORS
)

CHECKOUT_DELIVERY_METHOD = (
    """
mutation($checkoutId: ID!, $deliveryMethodId: ID!) {
  checkoutDeliveryMethodUpdate(id: $checkoutId, deliveryMethodId: $deliveryMethodId) {
    checkout { totalPrice { gross { amount currency } } chargeStatus }
    %s
  }
}
"""
    % ERRORS
)

CHECKOUT_COMPLETE = (
    """
mutation($checkoutId: ID!) {
  checkoutComplete(id: $checkoutId) {
    order {
      id number status chargeStatus paymentStatus
      total { gross { amount currency } }
      lines { id quantity productSku unitPrice { gross { amount } } }
    }
    %s
  }
}
"""
    % ERRORS
)
