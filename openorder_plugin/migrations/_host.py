"""The host migrations openorder's first migration builds on, per host.

One migration set serves every host: the first migration depends on the
host's tables as they are in that host's release (on Saleor 3 the order and
checkout-line keys are UUIDs by then), so its foreign keys take the host's key
types. Django's loader skips modules whose names start with "_"."""

from importlib.util import find_spec

from django.core.exceptions import ImproperlyConfigured
from django.db.migrations.loader import MigrationLoader

# The first set whose migrations all exist is the host's, so the newest host
# comes first (Saleor 3.23 still ships Saleor 2.10's migrations). Each set is
# the leaf migrations of that release (3.23: read from the 3.23.28 tag). A
# database cannot move between hosts: the first migration's dependencies
# would change under it.
HOST_ANCHORS = {
    "Saleor 3.23": [
        ("payment", "0072_transaction_date_indexes"),
        ("product", "0205_merge_20260615_1308"),
        ("order", "0227_orderline_price_override_reason"),
    ],
    "Saleor 2.10": [
        ("payment", "0016_auto_20200423_0314"),
        ("product", "0117_auto_20200423_0737"),
        ("order", "0083_merge_20200421_0529"),
    ],
}


def _exists(app_label, name):
    module, _ = MigrationLoader.migrations_module(app_label)
    return module is not None and find_spec("%s.%s" % (module, name)) is not None


def host_dependencies():
    for anchors in HOST_ANCHORS.values():
        if all(_exists(app_label, name) for app_label, name in anchors):
            return list(anchors)
    raise ImproperlyConfigured(
        "openorder's migrations know no host with these migrations; supported: %s"
        % ", ".join(HOST_ANCHORS)
    )
