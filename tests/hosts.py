"""Which Saleor the suite runs on, for the few places a storefront talks to
each differently (Saleor 3's channels). The API-level suite (tests/api)
runs on both; everything else runs on Saleor 2.10."""

from importlib import import_module

from django.conf import settings

ON_SALEOR3 = settings.OPENORDER_HOST.endswith(".Saleor3Host")
HOST_PACKAGE = "openorder_plugin.saleor3" if ON_SALEOR3 else "openorder_plugin.saleor2"


def demo_catalog():
    """The host's demo catalog module (the README's demo command loads it)."""
    return import_module(HOST_PACKAGE + ".demo.catalog")


def demo_orders():
    """The host's demo orders module (the demo command's --orders)."""
    return import_module(HOST_PACKAGE + ".demo.orders")


# The demo shop's channel on Saleor 3 (Saleor 2.10 has none).
CHANNEL = demo_catalog().CHANNEL_SLUG if ON_SALEOR3 else None


def channel_args():
    """The `channel` argument of operations that price without a checkout
    (madeToOrderProduct, madeToOrderQuote): Saleor 3 only."""
    return {"channel": CHANNEL} if ON_SALEOR3 else {}
