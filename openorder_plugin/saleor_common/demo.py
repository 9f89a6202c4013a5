"""What both adapters' demo shops build alike: the shop's site and its
address (the same Saleor models on 2.10 and 3.23)."""

from django.contrib.sites.models import Site
from saleor.account.models import Address

from ..demo.shop import SHOP_NAME


def shop_address():
    return Address(
        first_name="Toko",
        last_name="Open Order",
        company_name=SHOP_NAME,
        street_address_1="Jl. Braga No. 10",
        city="BANDUNG",
        postal_code="40111",
        country="ID",
        country_area="Jawa Barat",
        phone="+6281234567890",
    )


def ensure_site(domain="127.0.0.1:8000"):
    site = Site.objects.get_current()
    site.name = SHOP_NAME
    site.domain = domain
    site.save()
    site_settings = site.settings
    site_settings.default_mail_sender_name = SHOP_NAME
    site_settings.default_mail_sender_address = "toko@openorder.test"
    site_settings.save()
    return site
