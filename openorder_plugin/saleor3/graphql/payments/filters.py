"""The transfer-proof list's filter, in Saleor 3.23's filter input style."""

import django_filters
from saleor.graphql.core.filters import (
    FilterInputObjectType,
    GlobalIDMultipleChoiceFilter,
    ListObjectTypeFilter,
)

from ....api.payment_enums import PaymentProofStatusEnum
from ....models import PaymentProof
from ....payments.selectors import filtered
from ..core import DOC_CATEGORY


def filter_status(qs, _, value):
    return filtered(qs, status=value)


class PaymentProofFilter(django_filters.FilterSet):
    status = ListObjectTypeFilter(
        input_class=PaymentProofStatusEnum, method=filter_status
    )
    orders = GlobalIDMultipleChoiceFilter(field_name="order")

    class Meta:
        model = PaymentProof
        fields = ["status", "orders"]


class PaymentProofFilterInput(FilterInputObjectType):
    class Meta:
        doc_category = DOC_CATEGORY
        filterset_class = PaymentProofFilter
