"""Deferred payment: an order's schedule of installments and the money staff
record against it."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class InstallmentKind:
    DEPOSIT = "DEPOSIT"
    BALANCE = "BALANCE"

    CHOICES = [(DEPOSIT, "Deposit"), (BALANCE, "Balance")]


class DueTrigger:
    AT_CHECKOUT = "AT_CHECKOUT"
    ON_READY = "ON_READY"
    ON_DELIVERY = "ON_DELIVERY"
    DAYS_AFTER_ORDER = "DAYS_AFTER_ORDER"

    CHOICES = [
        (AT_CHECKOUT, "At checkout"),
        (ON_READY, "When all jobs are ready"),
        (ON_DELIVERY, "On delivery"),
        (DAYS_AFTER_ORDER, "Days after the order"),
    ]


class InstallmentStatus:
    PENDING = "PENDING"
    DUE = "DUE"
    PAID = "PAID"
    OVERDUE = "OVERDUE"
    WAIVED = "WAIVED"
    REFUNDED = "REFUNDED"

    CHOICES = [
        (PENDING, "Pending"),
        (DUE, "Due"),
        (PAID, "Paid"),
        (OVERDUE, "Overdue"),
        (WAIVED, "Waived"),
        (REFUNDED, "Refunded"),
    ]

    # Nothing more is owed on these.
    SETTLED = (PAID, WAIVED, REFUNDED)
    # Closed by a cancellation: never paid into again.
    CLOSED = (WAIVED, REFUNDED)


class DeadlineKind:
    """What an order must get before its deadline, or it lapses."""

    DEPOSIT = "DEPOSIT"  # the deposit paid
    CONFIRMATION = "CONFIRMATION"  # staff confirming it (nothing due up front)

    CHOICES = [(DEPOSIT, "Deposit payment"), (CONFIRMATION, "Confirmation by staff")]


class PaymentScheduleQuerySet(models.QuerySet):
    def locked_for_order(self, order_id):
        """The order's schedule, locked for the rest of the transaction (every
        change of an order's money is serialised on it); None when the order
        has none."""
        return self.select_for_update().filter(order_id=order_id).first()


class PaymentSchedule(models.Model):
    order = models.OneToOneField(
        "order.Order", related_name="payment_schedule", on_delete=models.CASCADE
    )
    objects = PaymentScheduleQuerySet.as_manager()
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    total = models.DecimalField(max_digits=12, decimal_places=3)
    # The cancellation rule applied, when the order was cancelled.
    cancellation_rule = models.CharField(max_length=50, blank=True, default="")
    # The payment (or confirmation) window: the order is cancelled at
    # `deadline` unless what `deadline_kind` names happened; both are cleared
    # once it has.
    deadline = models.DateTimeField(null=True, blank=True)
    deadline_kind = models.CharField(
        max_length=20, choices=DeadlineKind.CHOICES, blank=True, default=""
    )
    # When the window ended with nothing done and the order was cancelled.
    lapsed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["deadline"])]
        constraints = [
            models.CheckConstraint(
                check=Q(deadline__isnull=True, deadline_kind="")
                | Q(
                    deadline__isnull=False,
                    deadline_kind__in=["DEPOSIT", "CONFIRMATION"],
                ),
                name="openorder_schedule_deadline_kind",
            )
        ]


class Installment(models.Model):
    schedule = models.ForeignKey(
        PaymentSchedule, related_name="installments", on_delete=models.CASCADE
    )
    kind = models.CharField(max_length=20, choices=InstallmentKind.CHOICES)
    amount = models.DecimalField(max_digits=12, decimal_places=3)
    paid_amount = models.DecimalField(max_digits=12, decimal_places=3, default=0)
    due_trigger = models.CharField(max_length=20, choices=DueTrigger.CHOICES)
    due_days = models.PositiveIntegerField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20,
        choices=InstallmentStatus.CHOICES,
        default=InstallmentStatus.PENDING,
    )
    paid_at = models.DateTimeField(null=True, blank=True)
    # When the trigger was reached (PENDING -> DUE).
    became_due_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    overdue_alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "kind"], name="openorder_installment_kind_unique"
            ),
            models.CheckConstraint(
                check=Q(amount__gte=0) & Q(paid_amount__gte=0),
                name="openorder_installment_amounts_gte_0",
            ),
            models.CheckConstraint(
                check=Q(paid_amount__lte=models.F("amount")),
                name="openorder_installment_not_overpaid",
            ),
        ]


class PaymentRecord(models.Model):
    """Money received that staff recorded; the idempotency key makes a repeated
    request record once."""

    order = models.ForeignKey(
        "order.Order",
        related_name="open_order_payment_records",
        on_delete=models.CASCADE,
    )
    payment = models.ForeignKey(
        "payment.Payment", null=True, related_name="+", on_delete=models.SET_NULL
    )
    transaction = models.ForeignKey(
        "payment.Transaction", null=True, related_name="+", on_delete=models.SET_NULL
    )
    # The host's row of this money where it is no legacy payment (Saleor 3:
    # "transaction-event:<key>", the charge on the order's transaction item).
    host_reference = models.CharField(max_length=64, blank=True, default="")
    amount = models.DecimalField(max_digits=12, decimal_places=3)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    reference = models.CharField(max_length=255)
    idempotency_key = models.CharField(max_length=255)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["order", "idempotency_key"],
                name="openorder_payment_record_idempotency",
            ),
            models.CheckConstraint(
                check=Q(amount__gt=0), name="openorder_payment_record_amount_gt_0"
            ),
        ]


class PaymentProofStatus:
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"

    CHOICES = [
        (PENDING, "Waiting for staff"),
        (ACCEPTED, "Accepted: the money is recorded"),
        (REJECTED, "Rejected"),
    ]


class PaymentProof(models.Model):
    """A buyer's transfer receipt (bukti transfer) for an installment. It is
    only the buyer's word: no money counts until staff accept it, which
    records a PaymentRecord (the same path as orderPaymentRecord)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(
        "order.Order",
        related_name="open_order_payment_proofs",
        on_delete=models.CASCADE,
    )
    installment_kind = models.CharField(max_length=20, choices=InstallmentKind.CHOICES)
    # What the buyer says they transferred.
    amount = models.DecimalField(max_digits=12, decimal_places=3)
    currency = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    reference = models.CharField(max_length=255, blank=True, default="")
    note = models.CharField(max_length=1000, blank=True, default="")
    # The receipt, stored privately under a name of ours.
    storage_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20,
        choices=PaymentProofStatus.CHOICES,
        default=PaymentProofStatus.PENDING,
    )
    payment_record = models.OneToOneField(
        PaymentRecord,
        null=True,
        blank=True,
        related_name="proof",
        on_delete=models.PROTECT,
    )
    rejection_reason = models.CharField(max_length=500, blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                check=Q(amount__gt=0), name="openorder_payment_proof_amount_gt_0"
            ),
            # Accepted exactly when money was recorded; rejected with a reason.
            models.CheckConstraint(
                check=Q(
                    status="PENDING",
                    payment_record__isnull=True,
                    decided_at__isnull=True,
                )
                | Q(
                    status="ACCEPTED",
                    payment_record__isnull=False,
                    decided_at__isnull=False,
                )
                | (
                    Q(
                        status="REJECTED",
                        payment_record__isnull=True,
                        decided_at__isnull=False,
                    )
                    & ~Q(rejection_reason="")
                ),
                name="openorder_payment_proof_decision",
            ),
        ]
