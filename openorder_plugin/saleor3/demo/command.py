"""`django-admin openorder_demo` on Saleor 3.23: the demo shop in its own
channel, and its orders."""

from ...saleor_common.demo_command import DemoCommand
from . import catalog, orders


class Command(DemoCommand):
    catalog = catalog
    orders = orders

    def shop_lines(self, shop):
        return ["  channel:        %s (%s)" % (shop["channel"].slug, catalog.CURRENCY)]
