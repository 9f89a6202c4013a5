"""`Checkout.availablePaymentGateways` lists "Pay deposit / pay later" only
for checkouts holding made-to-order lines.

Saleor 2.10 resolves the field from `manager.list_payment_gateways()`, which
never sees the checkout, and a plugin cannot change a Saleor type: a
subclassed `Checkout` type would clash by name with the one Saleor's
mutations return. So the extended schema (graphql/api.py) wraps the field's
resolver in its own built schema: Saleor's resolver still answers, and this
drops the deferred gateway from its list when the checkout has no
made-to-order line. Saleor's classes and its own schema are untouched. The
gateway itself refuses such a checkout too (gateway/deferred.py), since a
storefront may name any gateway in checkoutPaymentCreate."""

from ...gateway.deferred import GATEWAY_ID, made_to_order_checkout_ids


def limit_deferred_gateway(schema):
    field = schema.get_type("Checkout").fields["availablePaymentGateways"]
    saleor_resolver = field.resolver

    def resolve_available_payment_gateways(root, info, **kwargs):
        gateways = saleor_resolver(root, info, **kwargs)
        if any(gateway["id"] == GATEWAY_ID for gateway in gateways):
            if not made_to_order_checkout_ids([root.pk]):
                gateways = [
                    gateway for gateway in gateways if gateway["id"] != GATEWAY_ID
                ]
        return gateways

    field.resolver = resolve_available_payment_gateways
    return schema
