"""Made-to-order settings and the custom-spec schema of a Saleor product type."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from .. import choices
from ..fields import JSONField


def default_stages():
    return [dict(stage) for stage in choices.DEFAULT_STAGES]


def default_working_days():
    return list(choices.DEFAULT_WORKING_DAYS)


class MadeToOrderSettings(models.Model):
    product_type = models.OneToOneField(
        "product.ProductType", related_name="made_to_order", on_delete=models.CASCADE
    )
    mode = models.CharField(
        max_length=20, choices=choices.Mode.CHOICES, default=choices.Mode.READY_STOCK
    )
    lead_time_days = models.PositiveIntegerField(default=0)
    # Units that can be started per working day; null means unlimited.
    daily_capacity = models.PositiveIntegerField(null=True, blank=True)
    # ISO weekdays (1 = Monday ... 7 = Sunday) that count as production days.
    working_days = ArrayField(
        models.PositiveSmallIntegerField(), default=default_working_days
    )
    # Ordered [{"code": ..., "label": ...}]; copied onto each job when it is made.
    stages = JSONField(default=default_stages)
    deposit_type = models.CharField(
        max_length=20,
        choices=choices.DepositType.CHOICES,
        default=choices.DepositType.NONE,
    )
    # A percentage for PERCENT, an amount in the shop currency for FIXED.
    deposit_value = models.DecimalField(max_digits=12, decimal_places=3, default=0)
    balance_due = models.CharField(
        max_length=20,
        choices=choices.BalanceDue.CHOICES,
        default=choices.BalanceDue.ON_READY,
    )
    balance_due_days = models.PositiveIntegerField(null=True, blank=True)
    # The last stage at which a buyer may still cancel for a full refund; empty
    # means only before production is confirmed (the first stage).
    free_cancellation_stage = models.CharField(max_length=64, blank=True, default="")
    # The stage at which the buyer approves a design proof (ACC desain) before
    # the job may pass it; empty: no approval.
    approval_stage = models.CharField(max_length=64, blank=True, default="")
    # Stage codes at which the buyer is e-mailed; null: every stage after the
    # first.
    notify_stages = JSONField(null=True, blank=True)
    # Bumped on every change to the spec fields; frozen onto order lines.
    schema_version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                check=Q(deposit_value__gte=0), name="openorder_deposit_value_gte_0"
            ),
            models.CheckConstraint(
                check=~Q(deposit_type="PERCENT") | Q(deposit_value__lte=100),
                name="openorder_deposit_percent_lte_100",
            ),
            models.CheckConstraint(
                check=Q(daily_capacity__isnull=True) | Q(daily_capacity__gt=0),
                name="openorder_daily_capacity_gt_0",
            ),
        ]

    def __str__(self):
        return "%s: %s" % (self.product_type, self.mode)

    @property
    def is_made_to_order(self):
        return self.mode == choices.Mode.MADE_TO_ORDER

    @property
    def stage_codes(self):
        return [stage["code"] for stage in self.stages]

    @property
    def notified_stage_codes(self):
        """The stages at which the buyer is e-mailed: the merchant's choice,
        else every stage after the first."""
        if self.notify_stages is None:
            return self.stage_codes[1:]
        return [code for code in self.stage_codes if code in self.notify_stages]


class CustomSpecField(models.Model):
    product_type = models.ForeignKey(
        "product.ProductType",
        related_name="custom_spec_fields",
        on_delete=models.CASCADE,
    )
    code = models.CharField(max_length=64)
    label = models.CharField(max_length=128)
    help_text = models.CharField(max_length=512, blank=True, default="")
    type = models.CharField(max_length=20, choices=choices.SpecFieldType.CHOICES)
    required = models.BooleanField(default=False)
    position = models.IntegerField(default=0)

    # Validation; which apply depends on the type.
    min_length = models.PositiveIntegerField(null=True, blank=True)
    max_length = models.PositiveIntegerField(null=True, blank=True)
    pattern = models.CharField(max_length=512, blank=True, default="")
    min_value = models.DecimalField(
        max_digits=18, decimal_places=6, null=True, blank=True
    )
    max_value = models.DecimalField(
        max_digits=18, decimal_places=6, null=True, blank=True
    )
    # [{"value": ..., "label": ..., "priceAmount": "5000"}] for CHOICE/MULTI_CHOICE.
    choices = JSONField(default=list, blank=True)
    # DATE: the earliest date a buyer may give, in days from today.
    earliest_date_days = models.PositiveIntegerField(null=True, blank=True)
    # FILE: the largest upload, in bytes, and allowed MIME types (by content).
    max_file_size = models.PositiveIntegerField(null=True, blank=True)
    allowed_file_types = ArrayField(
        models.CharField(max_length=100), default=list, blank=True
    )

    # Price modifiers, in the shop currency, added to the unit price.
    price_per_unit = models.DecimalField(max_digits=12, decimal_places=3, default=0)
    price_per_character = models.DecimalField(
        max_digits=12, decimal_places=3, default=0
    )

    # Shown (and allowed) only when the field `visible_when_field` has the value
    # `visible_when_value`.
    visible_when_field = models.CharField(max_length=64, blank=True, default="")
    visible_when_value = models.CharField(max_length=256, blank=True, default="")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["product_type", "code"], name="openorder_spec_field_code_unique"
            ),
            models.CheckConstraint(
                check=Q(price_per_unit__gte=0) & Q(price_per_character__gte=0),
                name="openorder_spec_field_prices_gte_0",
            ),
            models.CheckConstraint(
                check=Q(min_length__isnull=True)
                | Q(max_length__isnull=True)
                | Q(min_length__lte=models.F("max_length")),
                name="openorder_spec_field_length_range",
            ),
            models.CheckConstraint(
                check=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(min_value__lte=models.F("max_value")),
                name="openorder_spec_field_value_range",
            ),
        ]

    def __str__(self):
        return "%s.%s" % (self.product_type_id, self.code)
