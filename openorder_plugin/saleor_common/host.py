"""What Saleor 2.10 and 3.23 share: host code that reads the same on both
(the same models, fields and behaviour). Only the adapters import it."""

from saleor.account.models import StaffNotificationRecipient, User
from saleor.checkout.models import Checkout
from saleor.order import FulfillmentStatus
from saleor.product.models import ProductType, ProductVariant
from saleor.warehouse.models import Stock, Warehouse

from ..host import Host


class SaleorHost(Host):
    """The parts of the host interface both Saleors implement alike."""

    # -- catalog -----------------------------------------------------------
    def lock_product_type(self, product_type_id):
        return (
            ProductType.objects.select_for_update().filter(pk=product_type_id).first()
        )

    def product_types(self):
        return ProductType.objects.all()

    def make_variants_sellable(self, product_type):
        # Saleor skips the quantity check and allocation for variants that do
        # not track inventory, but still needs a stock row in a warehouse
        # that ships to the buyer's country: every variant gets one
        # (quantity 0) in every warehouse. Idempotent.
        variants = ProductVariant.objects.filter(product__product_type=product_type)
        variants.filter(track_inventory=True).update(track_inventory=False)
        variant_ids = list(variants.values_list("pk", flat=True))
        if not variant_ids:
            return
        existing = set(
            Stock.objects.filter(product_variant_id__in=variant_ids).values_list(
                "product_variant_id", "warehouse_id"
            )
        )
        missing = [
            Stock(product_variant_id=variant_id, warehouse_id=warehouse_id, quantity=0)
            for warehouse_id in Warehouse.objects.values_list("pk", flat=True)
            for variant_id in variant_ids
            if (variant_id, warehouse_id) not in existing
        ]
        Stock.objects.bulk_create(missing, ignore_conflicts=True)

    def sell_variants_from_stock(self, product_type):
        ProductVariant.objects.filter(product__product_type=product_type).update(
            track_inventory=True
        )

    # -- checkouts ---------------------------------------------------------
    def checkout_exists(self, checkout_token):
        return Checkout.objects.filter(token=checkout_token).exists()

    def lock_checkout(self, checkout):
        return Checkout.objects.select_for_update().get(pk=checkout.pk)

    # -- orders ------------------------------------------------------------
    def order_has_fulfillment(self, order):
        return order.fulfillments.exclude(status=FulfillmentStatus.CANCELED).exists()

    # -- people ------------------------------------------------------------
    def active_staff_member(self, user_id):
        return User.objects.filter(pk=user_id, is_staff=True, is_active=True).first()

    def staff_notification_emails(self):
        # A staff member's own address, or an address without a user (Saleor
        # allows both); deactivated staff are left out.
        emails = []
        recipients = StaffNotificationRecipient.objects.filter(
            active=True
        ).select_related("user")
        for recipient in recipients:
            user = recipient.user
            if user is not None and not (user.is_active and user.is_staff):
                continue
            email = recipient.get_email()
            if email and email not in emails:
                emails.append(email)
        return emails
