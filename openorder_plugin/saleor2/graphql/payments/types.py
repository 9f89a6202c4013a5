import graphene
from prices import Money
from saleor.graphql.core.connection import CountableDjangoObjectType
from saleor.graphql.core.types import Money as MoneyType
from saleor.graphql.order.types import Order

from .... import models
from ....payments.schedule import outstanding, schedule_for_order  # noqa: F401 (selector for other types)
from ....payments.status import schedule_state, summary
from ....api.payment_enums import (
    InstallmentDueTriggerEnum,
    InstallmentKindEnum,
    InstallmentStatusEnum,
    PaymentProofStatusEnum,
    PaymentScheduleStateEnum,
)
from ....api.ids import as_uuid
from ....api.payment_proofs import PaymentProofResolvers
from ....payments.selectors import proofs_of_order, staff_proofs
from ..core import is_production_staff


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
    payment_proofs = graphene.List(
        graphene.NonNull(lambda: PaymentProof),
        required=True,
        description="The buyer's transfer proofs for this order, oldest first.",
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

    @staticmethod
    def resolve_payment_proofs(root, _info):
        return proofs_of_order(root.order_id)


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


class PaymentProof(PaymentProofResolvers, CountableDjangoObjectType):
    status = PaymentProofStatusEnum(
        required=True,
        description="PENDING until staff check it; ACCEPTED once its money is recorded.",
    )
    installment = InstallmentKindEnum(
        required=True, description="What the buyer paid: DEPOSIT or BALANCE."
    )
    amount = graphene.Field(
        MoneyType, required=True, description="What the buyer says they transferred."
    )
    reference = graphene.String(
        required=True, description="The buyer's transfer reference or sender name."
    )
    note = graphene.String(required=True, description="The buyer's note to the shop.")
    file_name = graphene.String(required=True, description="The receipt's file name.")
    content_type = graphene.String(
        required=True, description="The receipt's type, found from its content."
    )
    size = graphene.Int(required=True, description="Size in bytes.")
    url = graphene.String(
        required=True,
        description=(
            "Where to see the receipt: the buyer adds `?token=` with the order's "
            "token; staff send their JWT."
        ),
    )
    rejection_reason = graphene.String(
        description="Why staff rejected it (the buyer is told the same)."
    )
    decided_at = graphene.DateTime(description="When staff accepted or rejected it.")
    payment_record = graphene.Field(
        PaymentRecord,
        description="The money recorded when it was accepted. Staff only (null for buyers).",
    )
    order = graphene.Field(
        Order, description="The order it pays into. Staff only (null for buyers)."
    )

    class Meta:
        description = (
            "A buyer's transfer receipt (bukti transfer) for an installment. It "
            "moves no money: the installment stays owed until staff accept it."
        )
        interfaces = [graphene.relay.Node]
        model = models.PaymentProof
        only_fields = ["id", "created_at"]

    @classmethod
    def get_node(cls, info, id):
        # Read by ID only by staff; the buyer reads their order's schedule.
        if not is_production_staff(info):
            return None
        return staff_proofs().filter(pk=as_uuid(id)).first() if as_uuid(id) else None

    @staticmethod
    def resolve_payment_record(root, info):
        # The books' side (reference, idempotency key) is staff's.
        return root.payment_record if is_production_staff(info) else None

    @staticmethod
    def resolve_order(root, info):
        return root.order if is_production_staff(info) else None
