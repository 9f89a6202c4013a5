"""`django-admin openorder_demo`, the same on both Saleor hosts: the demo
shop and, with --orders, its demo orders. Each adapter's command names its
demo catalog and orders."""

from django.core.management.base import BaseCommand, CommandError

from ..demo.shop import CUSTOMER_EMAIL, CUSTOMER_PASSWORD, SHOP_NAME
from ..demo.shop import STAFF_EMAIL, STAFF_PASSWORD
from .demo_orders import DemoOrderError


class DemoCommand(BaseCommand):
    help = (
        "Create (or bring back) the demo shop: catalog, shipping, staff and customer; "
        "with --orders also its demo orders."
    )
    # Set by each adapter's command.
    catalog = None
    orders = None

    def add_arguments(self, parser):
        parser.add_argument("--domain", default="127.0.0.1:8000")
        parser.add_argument(
            "--orders",
            action="store_true",
            help=(
                "Also place the demo orders (through the GraphQL API) that are not open "
                "yet: deposit paid, waiting for the deposit, in production, late, ready."
            ),
        )

    def shop_lines(self, shop):
        """What the host adds to the summary (Saleor 3: the channel)."""
        return []

    def handle(self, *args, **options):
        shop = self.catalog.load_catalog(domain=options["domain"])
        self.stdout.write(self.style.SUCCESS("Demo shop ready: %s" % SHOP_NAME))
        for line in self.shop_lines(shop):
            self.stdout.write(line)
        self.stdout.write("  staff login:    %s / %s" % (STAFF_EMAIL, STAFF_PASSWORD))
        self.stdout.write(
            "  customer login: %s / %s" % (CUSTOMER_EMAIL, CUSTOMER_PASSWORD)
        )
        if options["orders"]:
            try:
                results = self.orders.place_demo_orders(log=self.stdout.write)
            except DemoOrderError as error:
                raise CommandError(str(error))
            placed = sum(1 for _what, _number, new in results if new)
            self.stdout.write(
                "  demo orders:    %d placed, %d already open"
                % (placed, len(results) - placed)
            )
