import django_filters
from graphene_django.filter import GlobalIDMultipleChoiceFilter
from saleor.graphql.core.filters import ListObjectTypeFilter
from saleor.graphql.core.types import FilterInputObjectType

import graphene

from ....models import ProductionJob
from ....production.selectors import filter_jobs
from ....api.production_enums import ProductionJobStatusEnum


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
    due_before = django_filters.DateFilter(method=filter_due_before)
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
        filterset_class = ProductionJobFilter
