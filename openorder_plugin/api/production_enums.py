"""The production enums of the API, shared by both hosts' GraphQL layers
(graphene only)."""

import graphene

from ..models.production import DesignProofStatus, JobEventType, JobStatus

ProductionJobStatusEnum = graphene.Enum(
    "ProductionJobStatusEnum", [(code, code) for code, _label in JobStatus.CHOICES]
)

ProductionJobEventTypeEnum = graphene.Enum(
    "ProductionJobEventTypeEnum",
    [(code, code) for code, _label in JobEventType.CHOICES],
)

DesignProofStatusEnum = graphene.Enum(
    "DesignProofStatusEnum",
    [(code, code) for code, _label in DesignProofStatus.CHOICES],
)
