"""`django-admin openorder_demo` on Saleor 2.10: the demo shop and its orders."""

from django.core.management.base import BaseCommand, CommandError

from . import catalog
from .orders import DemoOrderError, place_demo_orders


class Command(BaseCommand):
    help = (
        "Create (or bring back) the demo shop: catalog, shipping, staff and customer; "
        "with --orders also its demo orders."
    )

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

    def handle(self, *args, **options):
        catalog.load_catalog(domain=options["domain"])
        self.stdout.write(self.style.SUCCESS("Demo shop ready: %s" % catalog.SHOP_NAME))
        self.stdout.write(
            "  staff login:    %s / %s" % (catalog.STAFF_EMAIL, catalog.STAFF_PASSWORD)
        )
        self.stdout.write(
            "  customer login: %s / %s"
            % (catalog.CUSTOMER_EMAIL, catalog.CUSTOMER_PASSWORD)
        )
        if options["orders"]:
            try:
                results = place_demo_orders(log=self.stdout.write)
            except DemoOrderError as error:
                raise CommandError(str(error))
            placed = sum(1 for _what, _number, new in results if new)
            self.stdout.write(
                "  demo orders:    %d placed, %d already open"
                % (placed, len(results) - placed)
            )
