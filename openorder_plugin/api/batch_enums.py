"""The pre-order batch enums of the API, shared by both hosts' GraphQL layers
(graphene only)."""

import graphene

from ..models.batches import BatchStatus

PreOrderBatchStatusEnum = graphene.Enum(
    "PreOrderBatchStatusEnum", [(code, code) for code, _label in BatchStatus.CHOICES]
)
