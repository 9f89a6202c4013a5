"""The extended schema: Saleor's own Query and Mutation plus the plugin's.

Saleor 2.10 builds its schema once at import time and has no hook to extend
it, so the host serves this schema at /graphql/ instead. Every Saleor type and
operation is inherited unchanged; a storefront written for Saleor 2.10 needs
no change.
"""

from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation, Query as SaleorQuery

from .production.fulfillment import OrderFulfill
from .payments.gateways import limit_deferred_gateway
from .schema import OpenOrderMutations, OpenOrderQueries


class Query(SaleorQuery, OpenOrderQueries):
    pass


class Mutation(SaleorMutation, OpenOrderMutations):
    # Saleor's orderFulfill with the production gate (made-to-order lines).
    order_fulfill = OrderFulfill.Field()


schema = build_schema(Query, mutation=Mutation)
# "Pay deposit / pay later" only for made-to-order checkouts (see the module).
limit_deferred_gateway(schema)
