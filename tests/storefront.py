"""Saleor's own checkout flow, as a storefront runs it through GraphQL, on
either host: on Saleor 3 a checkout is created in the demo channel, and an
order is placed unpaid (the channel allows it: the payment schedule says what
is due when); Saleor 2.10 takes a payment first."""

from graphene import Node

from openorder_plugin.payments.deferred import GATEWAY_ID as PAY_LATER

from .hosts import CHANNEL, ON_SALEOR3

ADDRESS = {
    "firstName": "Siti",
    "lastName": "Rahma",
    "streetAddress1": "Jl. Asia Afrika No. 8",
    "city": "Bandung",
    "postalCode": "40111",
    "country": "ID",
    "countryArea": "Jawa Barat",
    "phone": "+6281298765432",
}

CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout {
      id token
      lines { id quantity variant { id } }
      availableShippingMethods { id name }
      availablePaymentGateways { id name }
      subtotalPrice { gross { amount currency } }
      totalPrice { gross { amount currency } }
    }
    checkoutErrors { field code message }
  }
}
"""

CHECKOUT_SHIPPING = """
mutation($checkoutId: ID!, $shippingMethodId: ID!) {
  checkoutShippingMethodUpdate(checkoutId: $checkoutId, shippingMethodId: $shippingMethodId) {
    checkout { totalPrice { gross { amount currency } } }
    checkoutErrors { field code message }
  }
}
"""

CHECKOUT_PAYMENT = """
mutation($checkoutId: ID!, $input: PaymentInput!) {
  checkoutPaymentCreate(checkoutId: $checkoutId, input: $input) {
    payment { id chargeStatus total { amount } }
    paymentErrors { field code message }
  }
}
"""

CHECKOUT_COMPLETE = """
mutation($checkoutId: ID!) {
  checkoutComplete(checkoutId: $checkoutId) {
    order {
      id number token status paymentStatus
      total { gross { amount currency } }
      lines { id quantity productSku unitPrice { gross { amount } } }
    }
    checkoutErrors { field code message }
  }
}
"""


def variant_id(product):
    return Node.to_global_id("ProductVariant", product.variants.first().pk)


def create_checkout(api, lines, email="pembeli@openorder.test"):
    checkout_input = {
        "email": email,
        "lines": lines,
        "shippingAddress": ADDRESS,
        "billingAddress": ADDRESS,
    }
    if ON_SALEOR3:
        checkout_input["channel"] = CHANNEL
        # Saleor 3 takes the buyer's language from the checkout (the order and
        # its e-mails keep it), not from the request's Accept-Language.
        if api.language:
            checkout_input["languageCode"] = api.language.upper()
    data = api.query(CHECKOUT_CREATE, {"input": checkout_input})["checkoutCreate"]
    assert not data["checkoutErrors"], data["checkoutErrors"]
    return data["checkout"]


def pay(api, checkout, gateway="mirumee.payments.dummy", amount=None):
    """Shipping and a payment covering the total (or `amount`)."""
    shipping = api.query(
        CHECKOUT_SHIPPING,
        {
            "checkoutId": checkout["id"],
            "shippingMethodId": checkout["availableShippingMethods"][0]["id"],
        },
    )["checkoutShippingMethodUpdate"]
    assert not shipping["checkoutErrors"], shipping["checkoutErrors"]
    total = shipping["checkout"]["totalPrice"]["gross"]["amount"]
    payment = api.query(
        CHECKOUT_PAYMENT,
        {
            "checkoutId": checkout["id"],
            "input": {
                "gateway": gateway,
                "token": "demo-token",
                "amount": total if amount is None else amount,
                "billingAddress": ADDRESS,
            },
        },
    )["checkoutPaymentCreate"]
    assert not payment["paymentErrors"], payment["paymentErrors"]
    return payment["payment"]


def complete(api, checkout):
    return api.query(CHECKOUT_COMPLETE, {"checkoutId": checkout["id"]})[
        "checkoutComplete"
    ]


def choose_shipping(api, checkout):
    shipping = api.query(
        CHECKOUT_SHIPPING,
        {
            "checkoutId": checkout["id"],
            "shippingMethodId": checkout["availableShippingMethods"][0]["id"],
        },
    )["checkoutShippingMethodUpdate"]
    assert not shipping["checkoutErrors"], shipping["checkoutErrors"]
    return shipping["checkout"]


def pay_and_complete(api, checkout, gateway="mirumee.payments.dummy", amount=None):
    """Shipping, a payment covering the total, and checkoutComplete."""
    pay(api, checkout, gateway=gateway, amount=amount)
    return complete(api, checkout)


def place_order(api, checkout):
    """Shipping and checkoutComplete, as a buyer who pays later: Saleor 2.10
    with the plugin's "Pay deposit / pay later" gateway, Saleor 3 unpaid in
    a channel that allows it."""
    if ON_SALEOR3:
        choose_shipping(api, checkout)
        return complete(api, checkout)
    return pay_and_complete(api, checkout, gateway=PAY_LATER)


CHECKOUT_SHIPPING_ADDRESS = """
mutation($checkoutId: ID!, $address: AddressInput!) {
  checkoutShippingAddressUpdate(checkoutId: $checkoutId, shippingAddress: $address) {
    checkout { id token availableShippingMethods { id name } }
    checkoutErrors { field code message }
  }
}
"""


def set_shipping_address(api, checkout):
    """Saleor drops the shipping address of a checkout created without lines;
    a storefront sets it once lines are in."""
    data = api.query(
        CHECKOUT_SHIPPING_ADDRESS, {"checkoutId": checkout["id"], "address": ADDRESS}
    )["checkoutShippingAddressUpdate"]
    assert not data["checkoutErrors"], data["checkoutErrors"]
    return data["checkout"]
