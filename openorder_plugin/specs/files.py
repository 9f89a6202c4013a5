"""Buyers' design files for FILE specs: checked by content, stored privately,
readable only by the checkout's (later the order's) buyer and by staff."""

import os

import filetype
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext

from ..errors import OpenOrderError, OpenOrderErrorCode as Code
from ..host import get_host
from ..l10n import format_file_size
from ..models import SpecUpload

# The largest upload any FILE field accepts; a field may set a lower limit.
MAX_UPLOAD_SIZE = getattr(settings, "OPENORDER_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
# Types recognised by content. No SVG or HTML: they can carry scripts.
ALLOWED_TYPES = (
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
)


def storage():
    return FileSystemStorage(location=settings.OPENORDER_PRIVATE_STORAGE_ROOT)


def store_upload(checkout_token, uploaded_file, field="file"):
    """Store a buyer's file for the checkout with this token."""
    if not get_host().checkout_exists(checkout_token):
        raise OpenOrderError.single(
            "checkout_token", Code.NOT_FOUND, gettext("No such checkout.")
        )
    if uploaded_file.size > MAX_UPLOAD_SIZE:
        raise OpenOrderError.single(
            field,
            Code.FILE_TOO_LARGE,
            gettext("Files can be at most %(size)s.")
            % {"size": format_file_size(MAX_UPLOAD_SIZE)},
        )
    head = uploaded_file.read(8192)
    uploaded_file.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise OpenOrderError.single(
            field,
            Code.FILE_TYPE_NOT_ALLOWED,
            gettext("Only %(types)s files are accepted (checked by their content).")
            % {"types": ", ".join(ALLOWED_TYPES)},
        )
    upload = SpecUpload(
        checkout_token=checkout_token,
        original_name=os.path.basename(uploaded_file.name or "upload")[:255],
        content_type=kind.mime,
        size=uploaded_file.size,
    )
    # The stored name is ours (the upload's id), never the buyer's.
    upload.storage_name = storage().save(
        "%s.%s" % (upload.pk, kind.extension), uploaded_file
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
