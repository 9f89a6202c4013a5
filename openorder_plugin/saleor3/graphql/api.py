"""The extended schema: Saleor 3.23's own Query and Mutation plus the
plugin's, built with Saleor's own federated-schema builder and the same
extra types and directives, so every Saleor type and operation is served
unchanged. Saleor cannot extend its schema from a plugin; the host serves
this one at /graphql/ through the adapter's URL conf."""

import graphql
from saleor.graphql.api import (
    ASSIGNED_ATTRIBUTE_TYPES,
    PAYMENT_ADDITIONAL_TYPES,
    WEBHOOK_TYPES_MAP,
    GraphQLDocDirective,
    GraphQLWebhookEventsInfoDirective,
    Mutation as SaleorMutation,
    Query as SaleorQuery,
    SaleorGraphQLBackend,
    Subscription,
    monitor_fields_usage,
    unit_enums,
)
from graphql import GraphQLCachedBackend
from saleor.core.utils.cache import CacheDict
from saleor.graphql.core.federation.schema import build_federated_schema

from .production.fulfillment import OrderFulfill
from .schema import OpenOrderMutations, OpenOrderQueries


class Query(SaleorQuery, OpenOrderQueries):
    pass


class Mutation(SaleorMutation, OpenOrderMutations):
    # Saleor's orderFulfill with the production gate (made-to-order lines).
    order_fulfill = OrderFulfill.Field()


schema = build_federated_schema(
    Query,
    mutation=Mutation,
    types=(
        unit_enums
        + list(WEBHOOK_TYPES_MAP.values())
        + PAYMENT_ADDITIONAL_TYPES
        + ASSIGNED_ATTRIBUTE_TYPES
    ),
    subscription=Subscription,
    directives=graphql.specified_directives
    + [GraphQLDocDirective, GraphQLWebhookEventsInfoDirective],
)
monitor_fields_usage(schema)

backend = GraphQLCachedBackend(SaleorGraphQLBackend(), cache_map=CacheDict(1000))
