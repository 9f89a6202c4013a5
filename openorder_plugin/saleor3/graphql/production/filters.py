"""The production board's filter, in Saleor 3.23's filter input style."""

import django_filters
import graphene
from saleor.graphql.core.filters import (
    FilterInputObjectType,
    GlobalIDMultipleChoiceFilter,
    ListObjectTypeFilter,
    ObjectTypeFilter,
)
from saleor.graphql.core.scalars import Date

from ....api.production_enums import ProductionJobStatusEnum
from ....models import ProductionJob
from ....production.selectors import filter_jobs
from ..core import DOC_CATEGORY


def filter_stages(qs, _, value):
    return filter_jobs(qs, stages=value)


def filter_status(qs, _, value):
    return filter_jobs(qs, status=value)


def filter_overdue(qs, _, value):
    return filter_jobs(qs, overdue=value)


def filter_due_before(qs, _, value):
    return filter_jobs(qs, due_before=value)


def filter_search(qs, _, value):
    return filter_jobs(qs, search=value)


class ProductionJobFilter(django_filters.FilterSet):
    stages = ListObjectTypeFilter(input_class=graphene.String, method=filter_stages)
    status = ListObjectTypeFilter(
        input_class=ProductionJobStatusEnum, method=filter_status
    )
    overdue = django_filters.BooleanFilter(method=filter_overdue)
    product_types = GlobalIDMultipleChoiceFilter(field_name="product_type")
    assignees = GlobalIDMultipleChoiceFilter(field_name="assignee")
    # The order a dashboard opens the board from (Saleor's own Order ID).
    orders = GlobalIDMultipleChoiceFilter(field_name="order")
    due_before = ObjectTypeFilter(input_class=Date, method=filter_due_before)
    search = django_filters.CharFilter(method=filter_search)

    class Meta:
        model = ProductionJob
        fields = [
            "stages",
            "status",
            "overdue",
            "product_types",
            "assignees",
            "orders",
            "due_before",
            "search",
        ]


class ProductionJobFilterInput(FilterInputObjectType):
    class Meta:
        doc_category = DOC_CATEGORY
        filterset_class = ProductionJobFilter
