"""HTTP views the plugin serves beside the GraphQL API."""
import os

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def dashboard_extension(request, path):
    """Serve the built dashboard extension; unknown paths get its index.html so
    that client-side routes survive a reload."""
    root = settings.OPENORDER_DASHBOARD_DIST
    if not os.path.isfile(os.path.join(root, "index.html")):
        raise Http404(
            "The dashboard extension is not built: run the README's demo command."
        )
    full = os.path.normpath(os.path.join(root, path))
    if not path or not full.startswith(root) or not os.path.isfile(full):
        path = "index.html"
    return serve(request, path, document_root=root)
