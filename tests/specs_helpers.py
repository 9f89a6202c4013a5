"""GraphQL operations of the buyer's made-to-order flow."""

import datetime

from django.utils import timezone

from .hosts import ON_SALEOR3, channel_args
from .storefront import ADDRESS, create_checkout, set_shipping_address, variant_id

ADD_CUSTOM = """
mutation($checkoutId: ID!, $lines: [CustomCheckoutLineInput!]!) {
  checkoutLinesAddCustom(checkoutId: $checkoutId, lines: $lines) {
    checkout {
      id token
      availableShippingMethods { id }
      lines { id quantity variant { id } totalPrice { gross { amount } } }
      subtotalPrice { gross { amount currency } }
      totalPrice { gross { amount currency } }
    }
    openOrderErrors { field code message }
  }
}
"""

SPECS_UPDATE = """
mutation($checkoutId: ID!, $lineId: ID!, $specs: [SpecValueInput!]!) {
  checkoutLineSpecsUpdate(checkoutId: $checkoutId, lineId: $lineId, specs: $specs) {
    checkout { lines { id quantity } subtotalPrice { gross { amount } } }
    openOrderErrors { field code message }
  }
}
"""

MTO_CHECKOUT = """
query($token: UUID!) {
  madeToOrderCheckout(token: $token) {
    token
    deposit { amount currency }
    lines {
      line { id }
      quantity
      specs { code label type value values priceModifier { amount } }
      unitPrice { gross { amount } }
      totalPrice { gross { amount } }
      unitPriceModifier { amount }
      promisedDate
      deposit { amount }
      problems { field code message }
    }
  }
}
"""

QUOTE = """
query($variantId: ID!, $quantity: Int!, $specs: [SpecValueInput!], $checkoutToken: UUID) {
  madeToOrderQuote(variantId: $variantId, quantity: $quantity, specs: $specs, checkoutToken: $checkoutToken) {
    unitPrice { amount currency }
    unitPriceModifier { amount }
    totalPrice { amount }
    deposit { amount }
    promisedDate
    specs { code value priceModifier { amount } }
    errors { field code message }
  }
}
"""

# Saleor 3 prices a quote in a channel: madeToOrderQuote takes its slug.
QUOTE_IN_CHANNEL = (
    QUOTE.replace(
        "query($variantId: ID!", "query($channel: String!, $variantId: ID!"
    ).replace(
        "madeToOrderQuote(variantId:", "madeToOrderQuote(channel: $channel, variantId:"
    )
    if ON_SALEOR3
    else QUOTE
)


def quote(api, **variables):
    """madeToOrderQuote as a storefront on the suite's host asks for it."""
    return api.query(QUOTE_IN_CHANNEL, dict(variables, **channel_args()))[
        "madeToOrderQuote"
    ]


MTO_ORDER = """
query($token: UUID, $orderId: ID) {
  madeToOrderOrder(token: $token, orderId: $orderId) {
    id number token status
    lines {
      productName quantity schemaVersion promisedDate
      unitPrice { gross { amount } }
      unitPriceModifier { amount }
      specs { code label type value values priceModifier { amount } }
    }
    timeline { productName currentStage promisedDate isLate stages { code label reachedAt } }
    paymentSchedule { installments { kind amount { amount } status } }
  }
}
"""

EMPTY_CHECKOUT = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id token availableShippingMethods { id } }
    checkoutErrors { field code message }
  }
}
"""

TSHIRT_SPECS = [
    {"code": "size", "value": "XL"},  # + Rp 5.000
    {"code": "color", "value": "#1B2A4A"},
    {"code": "print_text", "value": "HALO"},  # 4 x Rp 500
]


def days_from_today(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def empty_checkout(api, email="pembeli@openorder.test"):
    data = api.query(
        EMPTY_CHECKOUT,
        {
            "input": {
                "email": email,
                "lines": [],
                "shippingAddress": ADDRESS,
                "billingAddress": ADDRESS,
            }
        },
    )["checkoutCreate"]
    assert not data["checkoutErrors"], data["checkoutErrors"]
    return data["checkout"]


def add_custom(api, checkout, lines):
    return api.query(ADD_CUSTOM, {"checkoutId": checkout["id"], "lines": lines})[
        "checkoutLinesAddCustom"
    ]


def tshirt_checkout(api, demo_shop, quantity=2):
    """A checkout of the demo T-shirt with specs (Rp 92.000 a unit), its
    shipping address set: ready for shipping and payment."""
    checkout = create_checkout(api, [])
    added = add_custom(
        api,
        checkout,
        [
            {
                "variantId": variant_id(demo_shop["products"]["kaos-custom"]),
                "quantity": quantity,
                "specs": TSHIRT_SPECS,
            }
        ],
    )
    assert added["openOrderErrors"] == []
    return set_shipping_address(api, checkout)
