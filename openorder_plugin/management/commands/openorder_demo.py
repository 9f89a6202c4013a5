from django.core.management.base import BaseCommand

from ...demo import catalog


class Command(BaseCommand):
    help = "Create (or bring back) the demo shop: catalog, shipping, staff and customer."

    def add_arguments(self, parser):
        parser.add_argument("--domain", default="127.0.0.1:8000")

    def handle(self, *args, **options):
        catalog.load_catalog(domain=options["domain"])
        self.stdout.write(
            self.style.SUCCESS("Demo shop ready: %s" % catalog.SHOP_NAME)
        )
        self.stdout.write(
            "  staff login:    %s / %s" % (catalog.STAFF_EMAIL, catalog.STAFF_PASSWORD)
        )
        self.stdout.write(
            "  customer login: %s / %s"
            % (catalog.CUSTOMER_EMAIL, catalog.CUSTOMER_PASSWORD)
        )
