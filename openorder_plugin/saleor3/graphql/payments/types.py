"""An order's payment schedule (deposit and balance) and the money staff
recorded, as Saleor 3.23 types. Money is in the schedule's (the order's)
currency."""

import graphene
from prices import Money
from saleor.graphql.core.connection import CountableConnection
from saleor.graphql.core.context import SyncWebhookControlContext
from saleor.graphql.core.scalars import Date, DateTime
from saleor.graphql.core.types import BaseObjectType, ModelObjectType, NonNullList
from saleor.graphql.core.types import Money as MoneyType
from saleor.graphql.order.types import Order

from .... import models
from ....api.payment_enums import (
    InstallmentDueTriggerEnum,
    InstallmentKindEnum,
    InstallmentStatusEnum,
    PaymentProofStatusEnum,
    PaymentScheduleStateEnum,
)
from ....api.ids import as_uuid
from ....api.payment_proofs import PaymentProofResolvers
from ....payments.schedule import outstanding
from ....payments.selectors import proofs_of_order, staff_proofs
from ....payments.status import schedule_state, summary
from ..core import DOC_CATEGORY, is_production_staff

for _enum in (
    InstallmentKindEnum,
    InstallmentDueTriggerEnum,
    InstallmentStatusEnum,
    PaymentProofStatusEnum,
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
    payment_proofs = NonNullList(
        lambda: PaymentProof,
        required=True,
        description="The buyer's transfer proofs for this order, oldest first.",
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

    @staticmethod
    def resolve_payment_proofs(root, _info):
        return proofs_of_order(root.order_id)


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


class PaymentProof(PaymentProofResolvers, ModelObjectType[models.PaymentProof]):
    id = graphene.GlobalID(required=True, description="The ID of the proof.")
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
    created_at = DateTime(required=True)
    decided_at = DateTime(description="When staff accepted or rejected it.")
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
        doc_category = DOC_CATEGORY
        interfaces = [graphene.relay.Node]
        model = models.PaymentProof

    @classmethod
    def get_node(cls, info, id):
        # Read by ID only by staff; the buyer reads their order's schedule.
        if not is_production_staff(info) or as_uuid(id) is None:
            return None
        return staff_proofs().filter(pk=as_uuid(id)).first()

    @staticmethod
    def resolve_payment_record(root, info):
        # The books' side (reference, idempotency key) is staff's.
        return root.payment_record if is_production_staff(info) else None

    @staticmethod
    def resolve_order(root, info):
        if not is_production_staff(info):
            return None
        return SyncWebhookControlContext(node=root.order, allow_sync_webhooks=False)


class PaymentProofCountableConnection(CountableConnection):
    class Meta:
        doc_category = DOC_CATEGORY
        node = PaymentProof
