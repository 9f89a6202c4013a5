"""An order's payment schedule (deposit and balance) and the money staff
recorded, as Saleor 3.23 types. Money is in the schedule's (the order's)
currency."""

import graphene
from prices import Money
from saleor.graphql.core.scalars import Date, DateTime
from saleor.graphql.core.types import BaseObjectType, ModelObjectType, NonNullList
from saleor.graphql.core.types import Money as MoneyType

from .... import models
from ....api.payment_enums import (
    InstallmentDueTriggerEnum,
    InstallmentKindEnum,
    InstallmentStatusEnum,
    PaymentScheduleStateEnum,
)
from ....payments.schedule import outstanding
from ....payments.status import schedule_state, summary
from ..core import DOC_CATEGORY

for _enum in (
    InstallmentKindEnum,
    InstallmentDueTriggerEnum,
    InstallmentStatusEnum,
    PaymentScheduleStateEnum,
):
    _enum.doc_category = DOC_CATEGORY


class PaymentInstallment(BaseObjectType):
    kind = InstallmentKindEnum(required=True, description="DEPOSIT or BALANCE.")
    amount = graphene.Field(
        MoneyType, required=True, description="What this installment is."
    )
    paid_amount = graphene.Field(
        MoneyType, required=True, description="What of it has been paid."
    )
    due_trigger = InstallmentDueTriggerEnum(
        required=True,
        description="What makes it due: at checkout, ready, delivery, N days after the order.",
    )
    due_days = graphene.Int(description="N, for DAYS_AFTER_ORDER.")
    due_date = Date(description="The day to pay by, once known.")
    status = InstallmentStatusEnum(required=True)
    paid_at = DateTime()

    class Meta:
        description = "One part of an order's payment schedule."
        doc_category = DOC_CATEGORY

    @staticmethod
    def resolve_amount(root, _info):
        return Money(root.amount, root.schedule.currency)

    @staticmethod
    def resolve_paid_amount(root, _info):
        return Money(root.paid_amount, root.schedule.currency)


class PaymentSchedule(ModelObjectType[models.PaymentSchedule]):
    id = graphene.GlobalID(required=True, description="The ID of the schedule.")
    currency = graphene.String(required=True, description="The order's currency.")
    created_at = DateTime(required=True)
    total = graphene.Field(MoneyType, required=True, description="The order's total.")
    outstanding = graphene.Field(
        MoneyType, required=True, description="What is still owed (0 once cancelled)."
    )
    installments = NonNullList(PaymentInstallment, required=True)
    cancellation_rule = graphene.String(
        description="FULL_REFUND or DEPOSIT_KEPT once the order was cancelled."
    )
    state = PaymentScheduleStateEnum(
        required=True, description="Where the payment stands: what the order waits for."
    )
    deadline = DateTime(
        description=(
            "When the order is cancelled automatically unless its deposit is paid "
            "(AWAITING_DEPOSIT) or staff confirm it (AWAITING_CONFIRMATION); null "
            "when no deadline is open."
        )
    )
    summary = graphene.String(
        required=True,
        description=(
            "One plain sentence saying where the payment stands and what comes "
            "next, in the request's language (Accept-Language: en or id)."
        ),
    )

    class Meta:
        description = (
            "An order's deposit and balance: amounts, due triggers and status."
        )
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = models.PaymentSchedule

    @staticmethod
    def resolve_total(root, _info):
        return Money(root.total, root.currency)

    @staticmethod
    def resolve_outstanding(root, _info):
        amount = 0 if root.cancellation_rule else outstanding(root)
        return Money(amount, root.currency)

    @staticmethod
    def resolve_installments(root, _info):
        installments = list(root.installments.all())
        for installment in installments:
            installment.schedule = root  # no query per installment
        return installments

    @staticmethod
    def resolve_cancellation_rule(root, _info):
        return root.cancellation_rule or None

    @staticmethod
    def resolve_deadline(root, _info):
        return None if root.lapsed_at or root.cancellation_rule else root.deadline

    @staticmethod
    def resolve_state(root, _info):
        return schedule_state(root)

    @staticmethod
    def resolve_summary(root, _info):
        return summary(root)


class PaymentRecord(ModelObjectType[models.PaymentRecord]):
    id = graphene.GlobalID(required=True, description="The ID of the record.")
    amount = graphene.Field(MoneyType, required=True)
    reference = graphene.String(required=True)
    idempotency_key = graphene.String(required=True)
    created_at = DateTime(required=True)

    class Meta:
        description = "Money staff recorded against an order."
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = models.PaymentRecord

    @staticmethod
    def resolve_amount(root, _info):
        return Money(root.amount, root.currency)
