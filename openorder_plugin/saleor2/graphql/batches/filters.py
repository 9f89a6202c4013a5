import django_filters
from graphene_django.filter import GlobalIDMultipleChoiceFilter
from saleor.graphql.core.filters import ListObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType

from ....api.batch_enums import PreOrderBatchStatusEnum
from ....batches.selectors import filtered
from ....models import PreOrderBatch


def filter_status(qs, _, value):
    return filtered(qs, status=value)


class PreOrderBatchFilter(django_filters.FilterSet):
    status = ListObjectTypeFilter(
        input_class=PreOrderBatchStatusEnum, method=filter_status
    )
    product_types = GlobalIDMultipleChoiceFilter(field_name="product_type")
    products = GlobalIDMultipleChoiceFilter(field_name="product")

    class Meta:
        model = PreOrderBatch
        fields = ["status", "product_types", "products"]


class PreOrderBatchFilterInput(FilterInputObjectType):
    class Meta:
        filterset_class = PreOrderBatchFilter
