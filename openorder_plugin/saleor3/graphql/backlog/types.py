"""The open-order backlog as Saleor 3.23 types."""

import graphene
from saleor.graphql.core.scalars import Date
from saleor.graphql.core.types import BaseObjectType, Money, NonNullList

from ....api.backlog import BacklogRiskEnum
from ..core import DOC_CATEGORY

BacklogRiskEnum.doc_category = DOC_CATEGORY


class BacklogSlice(BaseObjectType):
    code = graphene.String(
        required=True,
        description=(
            "A stage's code; for ages and due dates, the bucket (e.g. 4_7: 4 to 7 "
            "days; LATE; NO_DATE)."
        ),
    )
    label = graphene.String(required=True, description="A stage's label.")
    orders = graphene.Int(required=True, description="Orders with a job in it.")
    units = graphene.Int(required=True)
    value = graphene.Field(
        Money, required=True, description="The value of its made-to-order lines."
    )

    class Meta:
        doc_category = DOC_CATEGORY
        description = "Open work in one stage, or one age or due-date bucket."


class BacklogRiskJob(BaseObjectType):
    job_id = graphene.ID(required=True, description="The production job's ID.")
    order_number = graphene.String(required=True)
    product_name = graphene.String(required=True)
    stage = graphene.String(required=True)
    stage_label = graphene.String(required=True)
    promised_date = Date(required=True)
    days_left = graphene.Int(required=True, description="Negative: days late.")
    risk = BacklogRiskEnum(required=True)
    quantity = graphene.Int(required=True)
    value = graphene.Field(Money, required=True)

    class Meta:
        doc_category = DOC_CATEGORY
        description = (
            "A job at risk: LATE (past its promised date, not ready) or DUE_SOON "
            "(due within the days asked and not yet at one of its last two stages)."
        )

    @staticmethod
    def resolve_job_id(root, _info):
        return graphene.Node.to_global_id("ProductionJob", root.job_id)


class BacklogWeek(BaseObjectType):
    week_start = Date(required=True, description="Its Monday.")
    deposits = graphene.Field(Money, required=True, description="Deposits still due.")
    balances_on_ready = graphene.Field(
        Money,
        required=True,
        description="Balances due when ready, by the orders' promised dates.",
    )
    balances_on_delivery = graphene.Field(
        Money,
        required=True,
        description="Balances paid on delivery, by the orders' promised dates.",
    )
    balances_days_after_order = graphene.Field(
        Money, required=True, description="Balances due N days after the order."
    )
    total = graphene.Field(Money, required=True)

    class Meta:
        doc_category = DOC_CATEGORY
        description = "The money expected in one week."

    @staticmethod
    def resolve_balances_on_ready(root, _info):
        return root.on_ready

    @staticmethod
    def resolve_balances_on_delivery(root, _info):
        return root.on_delivery

    @staticmethod
    def resolve_balances_days_after_order(root, _info):
        return root.days_after_order


class BacklogCashForecast(BaseObjectType):
    overdue = graphene.Field(
        Money, required=True, description="Balances past their due date."
    )
    weeks = NonNullList(BacklogWeek, required=True)
    later = graphene.Field(
        Money, required=True, description="Expected after the last week shown."
    )
    unscheduled = graphene.Field(
        Money, required=True, description="Owed with nothing saying when."
    )
    total = graphene.Field(
        Money, required=True, description="All of it: the orders' outstanding."
    )

    class Meta:
        doc_category = DOC_CATEGORY
        description = "When the open orders' outstanding money is expected."


class OpenOrderBacklog(BaseObjectType):
    today = Date(required=True, description="The shop's today.")
    currency = graphene.String(required=True)
    orders = graphene.Int(required=True, description="Open orders.")
    units = graphene.Int(required=True)
    value = graphene.Field(
        Money, required=True, description="The value of their made-to-order lines."
    )
    total = graphene.Field(
        Money, required=True, description="Their totals (shipping and all lines)."
    )
    paid = graphene.Field(Money, required=True)
    outstanding = graphene.Field(
        Money, required=True, description="total = paid + outstanding."
    )
    stages = NonNullList(
        BacklogSlice,
        required=True,
        description="Where the work is, stage by stage.",
    )
    aging = NonNullList(
        BacklogSlice,
        required=True,
        description="Days since the order: 0_3, 4_7, 8_14, 15_30, 31_PLUS.",
    )
    due_in = NonNullList(
        BacklogSlice,
        required=True,
        description="Days to the promised date: LATE, 0_2, 3_7, 8_14, 15_PLUS, NO_DATE.",
    )
    at_risk = NonNullList(
        BacklogRiskJob,
        required=True,
        description="Late jobs and jobs due soon at an early stage, most urgent first.",
    )
    cash_forecast = graphene.Field(BacklogCashForecast, required=True)

    class Meta:
        doc_category = DOC_CATEGORY
        description = (
            "Orders accepted and not yet delivered: where they stand, how old they "
            "are, what is at risk and when their money comes."
        )

    @staticmethod
    def resolve_due_in(root, _info):
        return root.due

    @staticmethod
    def resolve_cash_forecast(root, _info):
        return root.forecast
