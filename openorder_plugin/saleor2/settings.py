"""Settings for a Saleor 2.10 host running the openorder plugin.

Saleor 2.10 has no way for a plugin to add apps, URLs or GraphQL fields, so a
shop that wants open orders points DJANGO_SETTINGS_MODULE here: everything is
Saleor's own settings, plus the app, the plugins, the URL conf that serves the
extended schema, and the templates the PyPI wheel does not ship.
"""

import os

import dj_database_url
from django_prices.utils.formatting import get_currency_fraction

from saleor.settings import *  # noqa: F401,F403
from saleor.settings import (
    INSTALLED_APPS,
    PLUGINS,
    get_bool_from_env,
)

from .. import app_settings
from ..saleor_common.celery_app import use_saleor_celery_app_in_every_thread

# A fresh machine of this project runs PostgreSQL at 127.0.0.1:5432 with trust
# auth; DATABASE_URL wins when set (the setup script sets it for a private
# cluster when no server is reachable).
DATABASES = {
    "default": dj_database_url.config(
        default="postgres://postgres@127.0.0.1:5432/openorder", conn_max_age=600
    )
}

# Open-order shops in the product's home market sell in rupiah to Indonesia.
DEFAULT_COUNTRY = os.environ.get("DEFAULT_COUNTRY", "ID")
DEFAULT_CURRENCY = os.environ.get("DEFAULT_CURRENCY", "IDR")
DEFAULT_DECIMAL_PLACES = get_currency_fraction(DEFAULT_CURRENCY)
AVAILABLE_CURRENCIES = [DEFAULT_CURRENCY]

INSTALLED_APPS = INSTALLED_APPS + ["openorder_plugin.apps.OpenOrderConfig"]

ROOT_URLCONF = "openorder_plugin.saleor2.urls"

# Saleor's own templates (its top-level templates/, present when Saleor is
# installed from source) come first, through TEMPLATES' DIRS; the plugin's app
# templates are found after them by the app-directories loader, so they only
# fill in what the PyPI wheel lacks (the API explorer, Saleor's e-mails).

PLUGINS = PLUGINS + [
    "openorder_plugin.saleor2.plugin.OpenOrderPlugin",
    # The "Pay deposit / pay later" payment gateway (deferred payment).
    "openorder_plugin.saleor2.gateway.plugin.DeferredPaymentGatewayPlugin",
]

# Celery: with no broker every task runs eagerly in-process (Saleor's own
# default); with CELERY_BROKER_URL a worker and beat run them.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TIMEZONE = "UTC"
# ...sent through Saleor's app from whichever thread serves the request.
use_saleor_celery_app_in_every_thread()

PLAYGROUND_ENABLED = get_bool_from_env("PLAYGROUND_ENABLED", True)

# The plugin's own settings (language, uploads, the board, periodic tasks).
app_settings.apply(globals(), "openorder_plugin.saleor2.host.Saleor2Host")
