"""Pre-order batches (PO): a product type or product sells in rounds that
open and close; production starts only when a round closes with its minimum
reached, and every order of a round that misses it is cancelled."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q


class BatchStatus:
    # Taking orders between opens_at and closes_at (scheduled before).
    OPEN = "OPEN"
    # Closed with the minimum reached: its jobs started.
    PRODUCING = "PRODUCING"
    # Closed short of the minimum: its orders were cancelled and refunded.
    CANCELLED = "CANCELLED"

    CHOICES = [
        (OPEN, "Open"),
        (PRODUCING, "Closed, in production"),
        (CANCELLED, "Closed, minimum not reached"),
    ]
    CLOSED = (PRODUCING, CANCELLED)


class PreOrderBatch(models.Model):
    # Exactly one of the two: a batch of a whole product type, or of one
    # product (which then no longer sells in its type's batches).
    product_type = models.ForeignKey(
        "product.ProductType",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.CASCADE,
    )
    product = models.ForeignKey(
        "product.Product",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.CASCADE,
    )
    name = models.CharField(max_length=128)
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    # Units (not orders): a konveksi's minimum is pieces to cut.
    minimum_quantity = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20, choices=BatchStatus.CHOICES, default=BatchStatus.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    # The units ordered when it closed (what the outcome was decided on).
    closed_quantity = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("closes_at", "pk")
        indexes = [models.Index(fields=["status", "closes_at"])]
        constraints = [
            models.CheckConstraint(
                check=(Q(product_type__isnull=False) & Q(product__isnull=True))
                | (Q(product_type__isnull=True) & Q(product__isnull=False)),
                name="openorder_batch_one_target",
            ),
            models.CheckConstraint(
                check=Q(closes_at__gt=F("opens_at")),
                name="openorder_batch_closes_after_opening",
            ),
            models.CheckConstraint(
                check=Q(minimum_quantity__gte=1), name="openorder_batch_minimum_gte_1"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_closed(self):
        return self.status in BatchStatus.CLOSED


class PreOrderBatchLine(models.Model):
    """An order line in a batch: its units count towards the minimum."""

    batch = models.ForeignKey(
        PreOrderBatch, related_name="lines", on_delete=models.CASCADE
    )
    order = models.ForeignKey("order.Order", related_name="+", on_delete=models.CASCADE)
    order_line = models.OneToOneField(
        "order.OrderLine", related_name="preorder_batch_line", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()
    # Joined after the batch closed (a checkout that raced the close): it
    # takes the batch's outcome, but did not count towards it.
    joined_late = models.BooleanField(default=False)
    # When the batch's outcome (production starts, or the order is
    # cancelled) was applied to this line's order: once per line.
    outcome_applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [models.Index(fields=["batch", "outcome_applied_at"])]
