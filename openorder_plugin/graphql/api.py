"""The extended schema: Saleor's own Query and Mutation plus the plugin's.

Saleor 2.10 builds its schema once at import time and has no hook to extend
it, so the host serves this schema at /graphql/ instead. Every Saleor type and
operation is inherited unchanged; a storefront written for Saleor 2.10 needs
no change.
"""
from graphene_federation import build_schema
from saleor.graphql.api import Mutation as SaleorMutation, Query as SaleorQuery

from .schema import OpenOrderMutations, OpenOrderQueries


class Query(SaleorQuery, OpenOrderQueries):
    pass


class Mutation(SaleorMutation, OpenOrderMutations):
    pass


schema = build_schema(Query, mutation=Mutation)
