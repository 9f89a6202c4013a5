"""The "Pay deposit / pay later" payment gateway: a Saleor plugin like
saleor/payment/gateways/dummy, so storefronts pay with Saleor's own
checkoutPaymentCreate and checkoutComplete. The rules live in
deferred.py; this class only answers Saleor's gateway hooks."""

import uuid

from saleor.payment import TransactionKind
from saleor.plugins.base_plugin import BasePlugin

from ...plugin_rules import active_only
from . import deferred


require_active_plugin = active_only(None)


class DeferredPaymentGatewayPlugin(BasePlugin):
    PLUGIN_ID = deferred.GATEWAY_ID
    PLUGIN_NAME = deferred.GATEWAY_NAME
    PLUGIN_DESCRIPTION = (
        "Made-to-order checkouts paid by bank transfer or cash on delivery: the "
        "buyer's promise to pay the total is authorised and nothing is captured. "
        "Staff record the deposit and the balance with orderPaymentRecord as the "
        "money arrives; an order whose deposit is not paid within the payment "
        "window is cancelled."
    )
    DEFAULT_ACTIVE = True
    DEFAULT_CONFIGURATION = []
    CONFIG_STRUCTURE = {}

    @require_active_plugin
    def process_payment(self, payment_information, previous_value):
        return deferred.authorize_checkout(payment_information)

    @require_active_plugin
    def authorize_payment(self, payment_information, previous_value):
        return deferred.authorize_checkout(payment_information)

    # Capture, refund and void move no money through a processor: the money
    # changes hands offline and staff record it; Saleor keeps the books.
    @require_active_plugin
    def capture_payment(self, payment_information, previous_value):
        return deferred.response(TransactionKind.CAPTURE, payment_information)

    @require_active_plugin
    def refund_payment(self, payment_information, previous_value):
        return deferred.response(TransactionKind.REFUND, payment_information)

    @require_active_plugin
    def void_payment(self, payment_information, previous_value):
        return deferred.response(TransactionKind.VOID, payment_information)

    @require_active_plugin
    def get_client_token(self, token_config, previous_value):
        return str(uuid.uuid4())

    @require_active_plugin
    def get_payment_config(self, previous_value):
        return []
