import graphene

from ...models.payments import DueTrigger, InstallmentKind, InstallmentStatus

InstallmentKindEnum = graphene.Enum(
    "InstallmentKind", [(code, code) for code, _label in InstallmentKind.CHOICES]
)
InstallmentDueTriggerEnum = graphene.Enum(
    "InstallmentDueTrigger", [(code, code) for code, _label in DueTrigger.CHOICES]
)
InstallmentStatusEnum = graphene.Enum(
    "InstallmentStatus", [(code, code) for code, _label in InstallmentStatus.CHOICES]
)
