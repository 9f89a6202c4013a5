"""The "Pay deposit / pay later" gateway's rules, apart from Saleor's plugin
class (gateway/plugin.py): which checkouts may use it, and the answers it gives
Saleor's payment flow.

The gateway moves no money itself: at checkout it authorises the order's
total (the buyer's promise to pay) and captures nothing, so the order is
NOT_CHARGED and its deposit DUE. Money received (bank transfer, cash on
delivery) is recorded by staff with `orderPaymentRecord`, which captures it
(payments/schedule.py); an unpaid deposit lapses (payments/window.py)."""

import uuid

from saleor.checkout.models import CheckoutLine
from saleor.payment import ChargeStatus, TransactionKind
from saleor.payment.interface import GatewayResponse
from saleor.payment.models import Payment

from ...choices import Mode
from ...payments.deferred import (  # noqa: F401  (the gateway's names)
    GATEWAY_ID,
    GATEWAY_NAME,
    NOT_MADE_TO_ORDER_MESSAGE,
)

UNKNOWN_PAYMENT_MESSAGE = (
    "No pending Pay deposit / pay later payment matches this checkout; create the "
    "payment again with checkoutPaymentCreate."
)


def made_to_order_checkout_ids(checkout_ids):
    """The checkouts among `checkout_ids` (tokens) holding a made-to-order line."""
    return set(
        CheckoutLine.objects.filter(
            checkout_id__in=list(checkout_ids),
            variant__product__product_type__made_to_order__mode=Mode.MADE_TO_ORDER,
        )
        .values_list("checkout_id", flat=True)
        .distinct()
    )


def refusal_for(payment_information):
    """Why this gateway refuses to process a checkout payment, or None.

    Saleor hands a gateway only the payment's data, not the checkout, so the
    payment is found by what Saleor copied from it (token, amount, e-mail) among
    this gateway's payments still waiting on a checkout. Every such checkout
    must hold made-to-order lines."""
    checkout_ids = set(
        Payment.objects.filter(
            gateway=GATEWAY_ID,
            is_active=True,
            order__isnull=True,
            checkout__isnull=False,
            charge_status=ChargeStatus.NOT_CHARGED,
            token=payment_information.token or "",
            total=payment_information.amount,
            billing_email=payment_information.customer_email or "",
        ).values_list("checkout_id", flat=True)
    )
    if not checkout_ids:
        return UNKNOWN_PAYMENT_MESSAGE
    if made_to_order_checkout_ids(checkout_ids) != checkout_ids:
        return NOT_MADE_TO_ORDER_MESSAGE
    return None


def response(kind, payment_information, error=None):
    """A GatewayResponse for an offline operation: it succeeds unless `error`."""
    return GatewayResponse(
        is_success=error is None,
        action_required=False,
        kind=kind,
        amount=payment_information.amount,
        currency=payment_information.currency,
        transaction_id=payment_information.token or str(uuid.uuid4()),
        error=error,
        raw_response={"gateway": GATEWAY_ID},
    )


def authorize_checkout(payment_information):
    """Authorise the checkout's total, or refuse with a message Saleor's
    checkoutComplete reports as a PAYMENT_ERROR."""
    return response(
        TransactionKind.AUTH,
        payment_information,
        error=refusal_for(payment_information),
    )
