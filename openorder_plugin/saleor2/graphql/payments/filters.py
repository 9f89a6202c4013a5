import django_filters
from graphene_django.filter import GlobalIDMultipleChoiceFilter
from saleor.graphql.core.filters import ListObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType

from ....api.payment_enums import PaymentProofStatusEnum
from ....models import PaymentProof
from ....payments.selectors import filtered


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
        filterset_class = PaymentProofFilter
