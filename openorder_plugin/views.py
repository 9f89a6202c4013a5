"""HTTP views the plugin serves beside the GraphQL API."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.views.static import serve

from .host import get_host
from .files import open_stored
from .payments.selectors import readable_proof
from .production.selectors import readable_design_proof
from .specs.files import readable_upload


def dashboard_extension(request, path):
    """Serve the built dashboard extension; unknown paths get its index.html so
    that client-side routes survive a reload."""
    root = settings.OPENORDER_DASHBOARD_DIST
    if not os.path.isfile(os.path.join(root, "index.html")):
        raise Http404(
            "The dashboard extension is not built: run the README's demo command."
        )
    full = os.path.normpath(os.path.join(root, path))
    if (
        not path
        or not full.startswith(os.path.join(root, ""))
        or not os.path.isfile(full)
    ):
        path = "index.html"
    return serve(request, path, document_root=root)


def spec_file(request, upload_id):
    """A buyer's uploaded design file. The buyer passes their checkout (or
    order) token as `?token=`; staff send their JWT. Anyone else gets 404, so
    the existence of a file is not revealed."""
    return _private_file(request, readable_upload, upload_id)


def payment_proof_file(request, proof_id):
    """A buyer's transfer receipt: the order's buyer (`?token=` with the
    order's token) and staff; anyone else gets 404."""
    return _private_file(request, readable_proof, proof_id)


def design_proof_file(request, proof_id):
    """A design proof staff sent: the order's buyer (`?token=`) and staff."""
    return _private_file(request, readable_design_proof, proof_id)


def _private_file(request, readable, row_id):
    staff_user = get_host().staff_from_request(request)
    try:
        row = readable(row_id, token=request.GET.get("token"), staff_user=staff_user)
    except ValidationError:
        row = None
    if row is None:
        raise Http404("No such file.")
    response = FileResponse(
        open_stored(row),
        as_attachment=True,
        filename=row.original_name,
        content_type=row.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
