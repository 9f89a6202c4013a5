"""The "Pay deposit / pay later" payment method, for money that arrives
later, by bank transfer or cash on delivery. Each host offers it its own way
(Saleor 2.10 as a payment gateway plugin, Saleor 3.23 as the Transactions API
answer of the plugin's Saleor App); both use these names and rules.

It moves no money itself and never says money arrived: the order's deposit is
DUE until staff record what was received (payments/schedule.py), and an unpaid
deposit lapses (payments/window.py)."""

from decimal import Decimal

from ..money import quantize

GATEWAY_ID = "openorder.payments.deferred"
GATEWAY_NAME = "Pay deposit / pay later"

NOT_MADE_TO_ORDER_MESSAGE = (
    "Pay deposit / pay later is only available for checkouts with made-to-order "
    "items; choose another payment method."
)
ORDER_SOURCE_MESSAGE = (
    "Pay deposit / pay later is chosen at checkout; staff record the order's later "
    "payments with orderPaymentRecord."
)
# The buyer is to pay the deposit (or, with none, pay on delivery): Saleor's
# "action required" result, which counts no money.
ACTION_REQUIRED_MESSAGE = (
    "Waiting for the buyer's payment (bank transfer or on delivery)."
)

# Saleor's Transactions API flows a session may ask for.
ACTIONS = ("CHARGE", "AUTHORIZATION")


def transaction_session_result(
    *, action_type, amount, currency, reference, refusal, deposit
):
    """Saleor 3's transaction-session answer (its webhook response schema):
    FAILURE with the `refusal` message when there is one (no made-to-order
    lines, or not a checkout); otherwise ACTION_REQUIRED (nothing charged or
    authorised), with the deposit due now in `data` for the storefront."""
    action = action_type if action_type in ACTIONS else "CHARGE"
    amount = Decimal(amount)
    if refusal:
        return {
            "result": "%s_FAILURE" % action,
            "amount": str(amount),
            "pspReference": reference,
            "message": refusal,
        }
    return {
        "result": "%s_ACTION_REQUIRED" % action,
        "amount": str(amount),
        "pspReference": reference,
        "message": ACTION_REQUIRED_MESSAGE,
        "data": {
            "gateway": GATEWAY_ID,
            "depositDue": {
                "amount": str(quantize(deposit, currency)),
                "currency": currency,
            },
        },
    }
