"""The file a GraphQL multipart request carries for an Upload argument (the
same on both hosts: Saleor's Upload scalar names the request's file)."""

from django.utils.translation import gettext

from ..errors import OpenOrderError, OpenOrderErrorCode as Code


def uploaded_file(info, file, field="file"):
    uploaded = info.context.FILES.get(file) if isinstance(file, str) else None
    if uploaded is None:
        raise OpenOrderError.single(
            field, Code.REQUIRED, gettext("Send the file in a multipart request.")
        )
    return uploaded
