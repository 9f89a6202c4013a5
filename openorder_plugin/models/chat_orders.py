"""Chat orders: an order staff take in a WhatsApp or Instagram conversation.
It is a draft order of the host's until the buyer confirms it on the page the
plugin serves (the buyer link), which places it as a real order."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..fields import JSONField


class ChatOrderStatus:
    DRAFT = "DRAFT"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"

    CHOICES = [
        (DRAFT, "Waiting for the buyer to confirm"),
        (CONFIRMED, "Confirmed by the buyer: a placed order"),
        (CANCELLED, "Cancelled by staff before the buyer confirmed"),
    ]


class ChatSource:
    WHATSAPP = "WHATSAPP"
    INSTAGRAM = "INSTAGRAM"
    OTHER = "OTHER"

    CHOICES = [(WHATSAPP, "WhatsApp"), (INSTAGRAM, "Instagram"), (OTHER, "Other")]


class ChatOrder(models.Model):
    """The plugin's side of a host draft order taken in a chat."""

    # Also the order's checkout token once placed: capacity held at
    # confirmation follows it onto the order, as a checkout's holds do.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The buyer link's secret: whoever holds it may read and confirm.
    token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    # The host's draft, then the placed order; None once staff cancelled the
    # draft (it is deleted) and the buyer link only says so.
    order = models.OneToOneField(
        "order.Order",
        null=True,
        blank=True,
        related_name="open_order_chat",
        on_delete=models.SET_NULL,
    )
    status = models.CharField(
        max_length=20, choices=ChatOrderStatus.CHOICES, default=ChatOrderStatus.DRAFT
    )
    source = models.CharField(
        max_length=20, choices=ChatSource.CHOICES, default=ChatSource.WHATSAPP
    )
    customer_name = models.CharField(max_length=255, blank=True, default="")
    # Digits only, with the country code (as wa.me wants it), or empty.
    customer_phone = models.CharField(max_length=20, blank=True, default="")
    customer_email = models.EmailField(blank=True, default="")
    # The language of the buyer's page and the share message.
    language_code = models.CharField(max_length=35, default="id")
    # Staff's words to the buyer, shown on the page.
    note = models.CharField(max_length=1000, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "pk")
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.CheckConstraint(
                check=Q(status="DRAFT", confirmed_at__isnull=True, cancelled_at=None)
                | Q(status="CONFIRMED", confirmed_at__isnull=False, cancelled_at=None)
                | Q(status="CANCELLED", confirmed_at=None, cancelled_at__isnull=False),
                name="openorder_chat_order_status_dates",
            ),
        ]


class ChatOrderLine(models.Model):
    """A made-to-order line of a chat order: its host order line and the specs
    staff took down, in the same entry a checkout line keeps (key, specs,
    unitPriceModifier, schemaVersion)."""

    chat_order = models.ForeignKey(
        ChatOrder, related_name="lines", on_delete=models.CASCADE
    )
    order_line = models.OneToOneField(
        "order.OrderLine", related_name="open_order_chat_line", on_delete=models.CASCADE
    )
    entry = JSONField()

    class Meta:
        ordering = ("pk",)
