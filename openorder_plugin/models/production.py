"""Production: a job per made-to-order order line, moved through its stages."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..fields import JSONField


class JobStatus:
    ACTIVE = "ACTIVE"
    ON_HOLD = "ON_HOLD"
    CANCELLED = "CANCELLED"

    CHOICES = [
        (ACTIVE, "Active"),
        (ON_HOLD, "On hold"),
        (CANCELLED, "Cancelled"),
    ]


class ProductionJob(models.Model):
    order = models.ForeignKey(
        "order.Order", related_name="production_jobs", on_delete=models.CASCADE
    )
    order_line = models.OneToOneField(
        "order.OrderLine", related_name="production_job", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "product.ProductType", null=True, related_name="+", on_delete=models.SET_NULL
    )
    quantity = models.PositiveIntegerField()
    # The product type's stages when the order was placed: [{"code", "label"}].
    stages = JSONField()
    current_stage = models.CharField(max_length=64)
    status = models.CharField(
        max_length=20, choices=JobStatus.CHOICES, default=JobStatus.ACTIVE
    )
    hold_reason = models.TextField(blank=True, default="")
    # Promised to the buyer at checkout; staff may move it (the buyer is told).
    promised_date = models.DateField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    notes = models.TextField(blank=True, default="")
    # Optimistic concurrency: every change must name the version it read.
    version = models.PositiveIntegerField(default=1)
    is_overdue = models.BooleanField(default=False)
    overdue_alerted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    stage_changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("promised_date", "pk")
        indexes = [
            models.Index(fields=["current_stage"]),
            models.Index(fields=["promised_date"]),
        ]

    @property
    def stage_codes(self):
        return [stage["code"] for stage in self.stages]

    @property
    def last_stage(self):
        return self.stages[-1]["code"]

    def stage_label(self, code):
        """The label of one of the job's stages (its code when unknown)."""
        for stage in self.stages:
            if stage["code"] == code:
                return stage["label"]
        return code


class JobEventType:
    CREATED = "CREATED"
    STAGE_CHANGED = "STAGE_CHANGED"
    HELD = "HELD"
    RESUMED = "RESUMED"
    UPDATED = "UPDATED"
    DUE_DATE_CHANGED = "DUE_DATE_CHANGED"
    OVERDUE = "OVERDUE"
    CANCELLED = "CANCELLED"
    PROOF_SENT = "PROOF_SENT"
    PROOF_APPROVED = "PROOF_APPROVED"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"

    CHOICES = [
        (CREATED, "Job created"),
        (STAGE_CHANGED, "Stage changed"),
        (HELD, "Put on hold"),
        (RESUMED, "Resumed"),
        (UPDATED, "Updated"),
        (DUE_DATE_CHANGED, "Promised date changed"),
        (OVERDUE, "Marked overdue"),
        (CANCELLED, "Cancelled"),
        (PROOF_SENT, "Design proof sent to the buyer"),
        (PROOF_APPROVED, "Design proof approved by the buyer"),
        (CHANGES_REQUESTED, "Buyer asked for changes"),
    ]


class ProductionJobEvent(models.Model):
    """Every change of a job: from, to, who, when, note."""

    job = models.ForeignKey(
        ProductionJob, related_name="events", on_delete=models.CASCADE
    )
    type = models.CharField(max_length=30, choices=JobEventType.CHOICES)
    from_stage = models.CharField(max_length=64, blank=True, default="")
    to_stage = models.CharField(max_length=64, blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    note = models.TextField(blank=True, default="")
    parameters = JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")


class Notification(models.Model):
    """An e-mail the plugin owes someone. The unique key makes each change
    notify at most once, however often its task is retried."""

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=50)
    order = models.ForeignKey(
        "order.Order", null=True, related_name="+", on_delete=models.CASCADE
    )
    recipient = models.EmailField()
    context = JSONField(default=dict, blank=True)
    # Not sent before this moment: a batch waits for more items.
    send_after = models.DateTimeField(default=timezone.now)
    # Set while the e-mail is an open batch that later changes may join.
    batch_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(check=~Q(key=""), name="openorder_notification_key")
        ]


class DesignProofStatus:
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    CHANGES_REQUESTED = "CHANGES_REQUESTED"
    # A newer round was sent before the buyer answered this one.
    SUPERSEDED = "SUPERSEDED"

    CHOICES = [
        (PENDING, "Waiting for the buyer"),
        (APPROVED, "Approved"),
        (CHANGES_REQUESTED, "Changes requested"),
        (SUPERSEDED, "Replaced by a newer proof"),
    ]


class DesignProof(models.Model):
    """One round of design approval (ACC desain): a proof staff send for the
    job's approval stage and the buyer's answer. Every round is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey(
        ProductionJob, related_name="design_proofs", on_delete=models.CASCADE
    )
    stage = models.CharField(max_length=64)
    version = models.PositiveIntegerField()
    storage_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    staff_note = models.CharField(max_length=1000, blank=True, default="")
    status = models.CharField(
        max_length=20,
        choices=DesignProofStatus.CHOICES,
        default=DesignProofStatus.PENDING,
    )
    buyer_comment = models.CharField(max_length=2000, blank=True, default="")
    # The specs the buyer approved (the order line's frozen specs).
    approved_specs = JSONField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("job", "stage", "version")
        constraints = [
            models.UniqueConstraint(
                fields=["job", "stage", "version"],
                name="openorder_design_proof_version",
            ),
            # One round at a time waits for the buyer.
            models.UniqueConstraint(
                fields=["job", "stage"],
                condition=Q(status="PENDING"),
                name="openorder_design_proof_one_pending",
            ),
            models.CheckConstraint(
                check=~Q(status="CHANGES_REQUESTED") | ~Q(buyer_comment=""),
                name="openorder_design_proof_changes_say_what",
            ),
        ]
