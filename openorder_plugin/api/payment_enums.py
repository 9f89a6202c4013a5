"""The payment enums of the API, shared by both hosts' GraphQL layers
(graphene only)."""

import graphene

from ..models.payments import (
    DueTrigger,
    InstallmentKind,
    InstallmentStatus,
    PaymentProofStatus,
)
from ..payments.status import ScheduleState

InstallmentKindEnum = graphene.Enum(
    "InstallmentKind", [(code, code) for code, _label in InstallmentKind.CHOICES]
)
InstallmentDueTriggerEnum = graphene.Enum(
    "InstallmentDueTrigger", [(code, code) for code, _label in DueTrigger.CHOICES]
)
InstallmentStatusEnum = graphene.Enum(
    "InstallmentStatus", [(code, code) for code, _label in InstallmentStatus.CHOICES]
)
PaymentScheduleStateEnum = graphene.Enum(
    "PaymentScheduleState", [(code, code) for code, _label in ScheduleState.CHOICES]
)
PaymentProofStatusEnum = graphene.Enum(
    "PaymentProofStatus", [(code, code) for code, _label in PaymentProofStatus.CHOICES]
)
