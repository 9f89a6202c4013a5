"""The "Pay deposit / pay later" payment method on Saleor 3.23's
Transactions API, as the plugin's Saleor App answers it. Saleor calls these webhooks synchronously,
each request signed with Saleor's own key (a detached JWS in
Saleor-Signature): when a storefront asks for the payment method
(paymentGatewayInitialize) and when it starts paying with it
(transactionInitialize). The answer never says money moved: the transaction
is ACTION_REQUIRED (the buyer is to pay the deposit by transfer, or on
delivery), and the money counts only when staff record it
(orderPaymentRecord), as CHARGE_SUCCESS events on this same transaction."""

import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from jwt import api_jws
from jwt.exceptions import InvalidTokenError
from saleor.app.headers import AppHeaders
from saleor.checkout.models import Checkout
from saleor.core.jwt_manager import get_jwt_manager

from ..payments.deferred import (
    GATEWAY_ID,
    GATEWAY_NAME,
    NOT_MADE_TO_ORDER_MESSAGE,
    ORDER_SOURCE_MESSAGE,
    transaction_session_result,
)
from ..specs import selectors

WEBHOOK_PATH = "dashboard-extension/api/webhooks/"

_SOURCE = """
      sourceObject {
        __typename
        ... on Checkout { token }
        ... on Order { id }
      }"""

PAYMENT_GATEWAY_INITIALIZE_QUERY = (
    """subscription {
  event {
    ... on PaymentGatewayInitializeSession {
      amount%s
    }
  }
}"""
    % _SOURCE
)

TRANSACTION_INITIALIZE_QUERY = (
    """subscription {
  event {
    ... on TransactionInitializeSession {
      action { amount currency actionType }%s
    }
  }
}"""
    % _SOURCE
)


class NotFromSaleor(Exception):
    pass


def saleor_event(request):
    """The webhook's event, once its signature is Saleor's own."""
    signature = request.headers.get(AppHeaders.SIGNATURE, "")
    try:
        api_jws.decode_complete(
            signature,
            key=get_jwt_manager().get_public_key(),
            algorithms=["RS256"],
            detached_payload=request.body,
        )
        event = json.loads(request.body)
    except (InvalidTokenError, ValueError) as error:
        raise NotFromSaleor() from error
    if not isinstance(event, dict):
        raise NotFromSaleor()
    return event


def checkout_of(event):
    """The session's checkout, or None (an order, or a checkout gone)."""
    source = event.get("sourceObject") or {}
    if source.get("__typename") != "Checkout":
        return None
    return (
        Checkout.objects.select_related("channel")
        .filter(token=source.get("token"))
        .first()
    )


def signed(view):
    @csrf_exempt
    @require_POST
    def wrapper(request):
        try:
            event = saleor_event(request)
        except NotFromSaleor:
            return JsonResponse({"error": "not signed by this Saleor"}, status=401)
        return JsonResponse(view(event))

    return wrapper


def made_to_order_view(event):
    """(the checkout, its made-to-order view) or (None, None)."""
    checkout = checkout_of(event)
    if checkout is None:
        return None, None
    view = selectors.checkout_view(checkout, checkout.channel)
    return checkout, (view if view.lines else None)


def refusal(event, view):
    if (event.get("sourceObject") or {}).get("__typename") == "Order":
        return ORDER_SOURCE_MESSAGE
    return None if view else NOT_MADE_TO_ORDER_MESSAGE


@signed
def payment_gateway_initialize_session(event):
    _checkout, view = made_to_order_view(event)
    message = refusal(event, view)
    if message:
        return {"data": {"name": GATEWAY_NAME, "available": False, "message": message}}
    return {
        "data": {
            "name": GATEWAY_NAME,
            "available": True,
            "depositDue": {
                "amount": str(view.deposit.amount),
                "currency": view.deposit.currency,
            },
        }
    }


@signed
def transaction_initialize_session(event):
    action = event.get("action") or {}
    checkout, view = made_to_order_view(event)
    return transaction_session_result(
        action_type=action.get("actionType"),
        amount=action.get("amount") or 0,
        currency=action.get("currency") or "",
        reference="%s:checkout:%s" % (GATEWAY_ID, checkout.token if checkout else "-"),
        refusal=refusal(event, view),
        deposit=view.deposit.amount if view else 0,
    )


# (Saleor's sync event, the subscription, the path under WEBHOOK_PATH, the view).
WEBHOOKS = (
    (
        "PAYMENT_GATEWAY_INITIALIZE_SESSION",
        PAYMENT_GATEWAY_INITIALIZE_QUERY,
        "payment-gateway-initialize-session",
        payment_gateway_initialize_session,
    ),
    (
        "TRANSACTION_INITIALIZE_SESSION",
        TRANSACTION_INITIALIZE_QUERY,
        "transaction-initialize-session",
        transaction_initialize_session,
    ),
)


def manifest_webhooks(public_url):
    """The manifest's `webhooks`, their target URLs built by `public_url`."""
    return [
        {
            "name": "%s: %s" % (GATEWAY_NAME, event.lower().replace("_", " ")),
            "syncEvents": [event],
            "query": query,
            "targetUrl": public_url("/" + WEBHOOK_PATH + path),
            "isActive": True,
        }
        for event, query, path, _view in WEBHOOKS
    ]
