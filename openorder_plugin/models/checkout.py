"""What a buyer specified: uploaded design files, the specs frozen onto order
lines, and the production capacity an order holds.

A checkout line's specs live in Saleor's own `CheckoutLine.data` (under the
"openorder" key): Saleor keeps lines of one variant apart exactly when their
data differ, and the price hooks read them without a query."""

import uuid

from django.db import models
from django.db.models import Q

from ..fields import JSONField


class SpecUpload(models.Model):
    """A buyer's file for a FILE spec, stored privately. The checkout token is
    the credential: only that checkout's buyer, and staff, can read it back."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    checkout_token = models.UUIDField(db_index=True)
    # Kept after checkout completion so the order (and staff) can still read it.
    order = models.ForeignKey(
        "order.Order",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    storage_name = models.CharField(max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)


class OrderLineSpec(models.Model):
    """The specs frozen onto an order line when the order was placed: values,
    labels, the price modifiers applied and the schema version. Later edits of
    the product type's schema never change it."""

    order_line = models.OneToOneField(
        "order.OrderLine", related_name="open_order_spec", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "product.ProductType", null=True, related_name="+", on_delete=models.SET_NULL
    )
    schema_version = models.PositiveIntegerField()
    # [{"code", "label", "type", "value", "priceModifier"}] in field order.
    specs = JSONField(default=list)
    unit_price_modifier = models.DecimalField(max_digits=12, decimal_places=3)
    promised_date = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class CapacityReservation(models.Model):
    """Units of a product type's daily capacity held by an order line on one
    production start day. Reservations are made under a row lock on the
    product type's settings, so concurrent checkouts never overbook."""

    product_type = models.ForeignKey(
        "product.ProductType",
        related_name="capacity_reservations",
        on_delete=models.CASCADE,
    )
    order_line = models.ForeignKey(
        "order.OrderLine",
        null=True,
        related_name="capacity_reservations",
        on_delete=models.CASCADE,
    )
    order = models.ForeignKey(
        "order.Order",
        null=True,
        related_name="capacity_reservations",
        on_delete=models.CASCADE,
    )
    # Between checkoutComplete's checks and the order, a reservation is a hold
    # of the checkout: it lapses at expires_at unless the order takes it over.
    checkout_token = models.UUIDField(null=True, blank=True, db_index=True)
    # The checkout line the hold was made for, as text: not a key, since the
    # host deletes checkout lines once the order exists, and the hosts' line
    # keys differ (integers on Saleor 2.10, UUIDs on Saleor 3).
    checkout_line_id = models.CharField(max_length=36, null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The pre-order batch the line was checked into (open at that moment):
    # the order line joins it when the order takes the hold over.
    batch = models.ForeignKey(
        "openorder.PreOrderBatch",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    day = models.DateField()
    quantity = models.PositiveIntegerField()
    released = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["product_type", "day"])]
        constraints = [
            models.CheckConstraint(
                check=Q(quantity__gt=0), name="openorder_reservation_quantity_gt_0"
            )
        ]
