import django_filters
from saleor.graphql.core.filters import ListObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType

from ....api.chat_orders import ChatOrderStatusEnum
from ....chat_orders.selectors import with_status
from ....models import ChatOrder


def filter_status(qs, _, value):
    return with_status(qs, value)


class MadeToOrderDraftFilter(django_filters.FilterSet):
    status = ListObjectTypeFilter(input_class=ChatOrderStatusEnum, method=filter_status)

    class Meta:
        model = ChatOrder
        fields = ["status"]


class MadeToOrderDraftFilterInput(FilterInputObjectType):
    class Meta:
        filterset_class = MadeToOrderDraftFilter
