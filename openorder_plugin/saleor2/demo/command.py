"""`django-admin openorder_demo` on Saleor 2.10: the demo shop and its orders."""

from ...saleor_common.demo_command import DemoCommand
from . import catalog, orders


class Command(DemoCommand):
    catalog = catalog
    orders = orders
