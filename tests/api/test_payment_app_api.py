"""The "Pay deposit / pay later" payment method on Saleor 3.23's Transactions API, as a Saleor 3
storefront pays: paymentGatewayInitialize and transactionInitialize with the
gateway's ID, answered by the plugin's installed Saleor App through Saleor's
own signed sync webhooks. Nothing counts as paid until staff record money
that arrived, on that same transaction."""

import pytest
import requests

from openorder_plugin.payments.deferred import GATEWAY_ID, NOT_MADE_TO_ORDER_MESSAGE

from ..hosts import ON_SALEOR3
from ..storefront import choose_shipping, complete, create_checkout, variant_id
from .test_app_api import install_board, shop_address  # noqa: F401  (a fixture)
from .test_production_api import RECORD, made_to_order_checkout

pytestmark = pytest.mark.skipif(
    not ON_SALEOR3, reason="the Transactions API is Saleor 3's"
)

GATEWAY_INITIALIZE = """
mutation($id: ID!, $gateway: String!) {
  paymentGatewayInitialize(id: $id, paymentGateways: [{id: $gateway}]) {
    gatewayConfigs { id data errors { field code message } }
    errors { field code message }
  }
}
"""

TRANSACTION_INITIALIZE = """
mutation($id: ID!, $gateway: String!) {
  transactionInitialize(id: $id, paymentGateway: {id: $gateway}) {
    transaction { id pspReference chargedAmount { amount } authorizedAmount { amount } }
    transactionEvent { type message }
    data
    errors { field code message }
  }
}
"""

CHECKOUT_STATUS = """
query($id: ID!) { checkout(id: $id) { chargeStatus authorizeStatus } }
"""

ORDER_MONEY = """
query($id: ID!) {
  order(id: $id) {
    chargeStatus isPaid totalCharged { amount }
    transactions { pspReference chargedAmount { amount } }
  }
}
"""


@pytest.fixture
def payment_app(staff_api, shop_address):  # noqa: F811
    installed = install_board(staff_api, shop_address)
    assert installed["errors"] == [], installed["errors"]


def test_a_buyer_pays_later_and_only_recorded_money_counts(
    api,
    staff_api,
    demo_shop,
    payment_app,
    shop_address,  # noqa: F811
):
    checkout = made_to_order_checkout(api, demo_shop, quantity=2)
    choose_shipping(api, checkout)

    (config,) = api.query(
        GATEWAY_INITIALIZE, {"id": checkout["id"], "gateway": GATEWAY_ID}
    )["paymentGatewayInitialize"]["gatewayConfigs"]
    assert config["id"] == GATEWAY_ID and config["errors"] == []
    assert config["data"]["available"] is True
    deposit = config["data"]["depositDue"]
    assert deposit["currency"] == "IDR" and int(deposit["amount"]) > 0

    started = api.query(
        TRANSACTION_INITIALIZE, {"id": checkout["id"], "gateway": GATEWAY_ID}
    )["transactionInitialize"]
    assert started["errors"] == [], started["errors"]
    assert started["transactionEvent"]["type"] == "CHARGE_ACTION_REQUIRED"
    assert started["data"]["depositDue"] == deposit
    assert started["transaction"]["chargedAmount"]["amount"] == 0
    assert started["transaction"]["authorizedAmount"]["amount"] == 0
    assert started["transaction"]["pspReference"] == "%s:checkout:%s" % (
        GATEWAY_ID,
        checkout["token"],
    )
    status = api.query(CHECKOUT_STATUS, {"id": checkout["id"]})["checkout"]
    assert status == {"chargeStatus": "NONE", "authorizeStatus": "NONE"}

    order = complete(api, checkout)["order"]
    money = staff_api.query(ORDER_MONEY, {"id": order["id"]})["order"]
    assert (money["chargeStatus"], money["isPaid"]) == ("NONE", False)
    assert [t["pspReference"] for t in money["transactions"]] == [
        started["transaction"]["pspReference"]
    ]

    # Staff record the deposit that arrived: on the buyer's own transaction.
    recorded = staff_api.query(
        RECORD, {"orderId": order["id"], "amount": deposit["amount"], "key": "bca-1"}
    )["orderPaymentRecord"]
    assert recorded["openOrderErrors"] == []
    money = staff_api.query(ORDER_MONEY, {"id": order["id"]})["order"]
    assert money["chargeStatus"] == "PARTIAL"
    assert money["totalCharged"]["amount"] == int(deposit["amount"])
    assert [
        (t["pspReference"], t["chargedAmount"]["amount"]) for t in money["transactions"]
    ] == [(started["transaction"]["pspReference"], int(deposit["amount"]))]


def test_ready_stock_alone_cannot_be_paid_later(
    api,
    demo_shop,
    payment_app,  # noqa: F811
):
    stock = demo_shop["products"]["tas-kanvas"]
    checkout = create_checkout(api, [{"variantId": variant_id(stock), "quantity": 1}])
    (config,) = api.query(
        GATEWAY_INITIALIZE, {"id": checkout["id"], "gateway": GATEWAY_ID}
    )["paymentGatewayInitialize"]["gatewayConfigs"]
    assert config["data"] == {
        "name": "Pay deposit / pay later",
        "available": False,
        "message": NOT_MADE_TO_ORDER_MESSAGE,
    }
    started = api.query(
        TRANSACTION_INITIALIZE, {"id": checkout["id"], "gateway": GATEWAY_ID}
    )["transactionInitialize"]
    assert started["transactionEvent"]["type"] == "CHARGE_FAILURE"
    assert started["transactionEvent"]["message"] == NOT_MADE_TO_ORDER_MESSAGE


def test_the_webhooks_answer_only_saleor(api, demo_shop, shop_address):  # noqa: F811
    checkout = made_to_order_checkout(api, demo_shop)
    body = (
        '{"action": {"amount": 1, "currency": "IDR", "actionType": "CHARGE"},'
        ' "sourceObject": {"__typename": "Checkout", "token": "%s"}}'
        % checkout["token"]
    )
    url = (
        shop_address
        + "/dashboard-extension/api/webhooks/transaction-initialize-session"
    )
    for signature in (None, "", "eyJhbGciOiJSUzI1NiJ9..bm90LWEtc2lnbmF0dXJl"):
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["Saleor-Signature"] = signature
        answer = requests.post(url, data=body, headers=headers, timeout=30)
        assert answer.status_code == 401, answer.text
    assert requests.get(url, timeout=30).status_code == 405
