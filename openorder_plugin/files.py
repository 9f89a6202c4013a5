"""Files buyers send (design files for FILE specs, transfer receipts): one
set of rules for all of them. Each is checked by its content, never by its
name, and stored privately under a name of ours."""

import os

import filetype
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext

from .errors import OpenOrderError, OpenOrderErrorCode as Code
from .l10n import format_file_size

# The largest upload accepted; a FILE spec field may set a lower limit.
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


def checked_kind(uploaded_file, field="file"):
    """The file's type, found from its content; a typed error on `field` when
    it is too large or not one of ALLOWED_TYPES."""
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
    return kind


def store_checked(row, uploaded_file, kind):
    """Store the file for `row` (a model with storage_name, original_name,
    content_type and size) under the row's id; the row is not saved."""
    row.original_name = os.path.basename(uploaded_file.name or "upload")[:255]
    row.content_type = kind.mime
    row.size = uploaded_file.size
    # The stored name is ours (the row's id), never the buyer's.
    row.storage_name = storage().save("%s.%s" % (row.pk, kind.extension), uploaded_file)
    return row


def open_stored(row):
    return storage().open(row.storage_name, "rb")
