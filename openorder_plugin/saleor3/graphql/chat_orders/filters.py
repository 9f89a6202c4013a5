"""The chat-order list's filter, in Saleor 3.23's filter input style."""

import django_filters
from saleor.graphql.core.filters import FilterInputObjectType, ListObjectTypeFilter

from ....api.chat_orders import ChatOrderStatusEnum
from ....chat_orders.selectors import with_status
from ....models import ChatOrder
from ..core import DOC_CATEGORY


def filter_status(qs, _, value):
    return with_status(qs, value)


class MadeToOrderDraftFilter(django_filters.FilterSet):
    status = ListObjectTypeFilter(input_class=ChatOrderStatusEnum, method=filter_status)

    class Meta:
        model = ChatOrder
        fields = ["status"]


class MadeToOrderDraftFilterInput(FilterInputObjectType):
    class Meta:
        doc_category = DOC_CATEGORY
        filterset_class = MadeToOrderDraftFilter
