import graphene
from prices import Money
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import Money as MoneyType

from .... import models
from ....payments.schedule import outstanding, schedule_for_order  # noqa: F401 (selector for other types)
from ....payments.status import schedule_state, summary
from ....api.payment_enums import (
    InstallmentDueTriggerEnum,
    InstallmentKindEnum,
    InstallmentStatusEnum,
    PaymentScheduleStateEnum,
)


def _money(amount, currency):
    return Money(amount, currency)


class PaymentInstallment(graphene.ObjectType):
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
    due_date = graphene.Date(description="The day to pay by, once known.")
    status = InstallmentStatusEnum(required=True)
    paid_at = graphene.DateTime()

    class Meta:
        description = "One part of an order's payment schedule."

    @staticmethod
    def resolve_amount(root, _info):
        return _money(root.amount, root.schedule.currency)

    @staticmethod
    def resolve_paid_amount(root, _info):
        return _money(root.paid_amount, root.schedule.currency)


class PaymentSchedule(CountableDjangoObjectType):
    total = graphene.Field(MoneyType, required=True, description="The order's total.")
    outstanding = graphene.Field(
        MoneyType, required=True, description="What is still owed (0 once cancelled)."
    )
    installments = graphene.List(graphene.NonNull(PaymentInstallment), required=True)
    cancellation_rule = graphene.String(
        description="FULL_REFUND or DEPOSIT_KEPT once the order was cancelled."
    )
    state = PaymentScheduleStateEnum(
        required=True, description="Where the payment stands: what the order waits for."
    )
    deadline = graphene.DateTime(
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
        interfaces = [graphene.relay.Node]
        model = models.PaymentSchedule
        only_fields = ["id", "currency", "created_at"]

    @staticmethod
    def resolve_total(root, _info):
        return _money(root.total, root.currency)

    @staticmethod
    def resolve_outstanding(root, _info):
        amount = 0 if root.cancellation_rule else outstanding(root)
        return _money(amount, root.currency)

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


class PaymentRecord(CountableDjangoObjectType):
    amount = graphene.Field(MoneyType, required=True)

    class Meta:
        description = "Money staff recorded against an order."
        interfaces = [graphene.relay.Node]
        model = models.PaymentRecord
        only_fields = ["id", "reference", "idempotency_key", "created_at"]

    @staticmethod
    def resolve_amount(root, _info):
        return _money(root.amount, root.currency)
