"""`django-admin openorder_demo` on Saleor 3.23: the demo shop in its own
channel. Its demo orders are placed on Saleor 2.10 only, for now."""

from django.core.management.base import BaseCommand, CommandError

from . import catalog


class Command(BaseCommand):
    help = "Create (or bring back) the demo shop: its channel, catalog, shipping, staff and customer."

    def add_arguments(self, parser):
        parser.add_argument("--domain", default="127.0.0.1:8000")
        parser.add_argument(
            "--orders",
            action="store_true",
            help="Not on Saleor 3.23 yet: the demo orders are placed on Saleor 2.10.",
        )

    def handle(self, *args, **options):
        if options["orders"]:
            raise CommandError(
                "The demo orders are not placed on Saleor 3.23 yet; run without --orders."
            )
        shop = catalog.load_catalog(domain=options["domain"])
        self.stdout.write(self.style.SUCCESS("Demo shop ready: %s" % catalog.SHOP_NAME))
        self.stdout.write(
            "  channel:        %s (%s)" % (shop["channel"].slug, catalog.CURRENCY)
        )
        self.stdout.write(
            "  staff login:    %s / %s" % (catalog.STAFF_EMAIL, catalog.STAFF_PASSWORD)
        )
        self.stdout.write(
            "  customer login: %s / %s"
            % (catalog.CUSTOMER_EMAIL, catalog.CUSTOMER_PASSWORD)
        )
