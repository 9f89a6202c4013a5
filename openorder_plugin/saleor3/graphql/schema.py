"""The plugin's root fields on Saleor 3.23, one class per part of the
product."""

from .backlog.schema import BacklogQueries
from .batches.schema import BatchMutations, BatchQueries
from .chat_orders.schema import ChatOrderMutations, ChatOrderQueries
from .catalog.schema import CatalogMutations, CatalogQueries
from .checkout.schema import CheckoutMutations, CheckoutQueries
from .payments.schema import PaymentMutations, PaymentQueries
from .production.schema import ProductionMutations, ProductionQueries


class OpenOrderQueries(
    CatalogQueries,
    CheckoutQueries,
    ProductionQueries,
    PaymentQueries,
    BatchQueries,
    ChatOrderQueries,
    BacklogQueries,
):
    pass


class OpenOrderMutations(
    CatalogMutations,
    CheckoutMutations,
    ProductionMutations,
    PaymentMutations,
    BatchMutations,
    ChatOrderMutations,
):
    pass
