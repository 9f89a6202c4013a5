"""The pre-order batch list's filter, in Saleor 3.23's filter input style."""

import django_filters
from saleor.graphql.core.filters import (
    FilterInputObjectType,
    GlobalIDMultipleChoiceFilter,
    ListObjectTypeFilter,
)

from ....api.batch_enums import PreOrderBatchStatusEnum
from ....batches.selectors import filtered
from ....models import PreOrderBatch
from ..core import DOC_CATEGORY


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
        doc_category = DOC_CATEGORY
        filterset_class = PreOrderBatchFilter
