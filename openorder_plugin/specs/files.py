"""Buyers' design files for FILE specs: checked by content, stored privately,
readable only by the checkout's (later the order's) buyer and by staff."""

from django.utils.translation import gettext

from ..errors import OpenOrderError, OpenOrderErrorCode as Code
from ..files import checked_kind, store_checked
from ..host import get_host
from ..models import SpecUpload


def store_upload(checkout_token, uploaded_file, field="file"):
    """Store a buyer's file for the checkout with this token."""
    if not get_host().checkout_exists(checkout_token):
        raise OpenOrderError.single(
            "checkout_token", Code.NOT_FOUND, gettext("No such checkout.")
        )
    kind = checked_kind(uploaded_file, field)
    upload = store_checked(
        SpecUpload(checkout_token=checkout_token), uploaded_file, kind
    )
    upload.save()
    return upload


def readable_upload(upload_id, *, token=None, staff_user=None):
    """The upload if the caller may read it: staff who manage orders, or the
    buyer holding the checkout's token or, after the order, the order's."""
    upload = SpecUpload.objects.select_related("order").filter(pk=upload_id).first()
    if upload is None:
        return None
    if staff_user is not None and staff_user.has_perm("order.manage_orders"):
        return upload
    if token and (
        str(upload.checkout_token) == str(token)
        or (
            upload.order is not None
            and get_host().order_token(upload.order) == str(token)
        )
    ):
        return upload
    return None
