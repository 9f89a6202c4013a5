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

# The openorder_plugin package (this file is in its saleor2/ adapter).
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
# The shop's language when a buyer's is not one the plugin speaks (en, id).
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "id")

INSTALLED_APPS = INSTALLED_APPS + ["openorder_plugin.apps.OpenOrderConfig"]

ROOT_URLCONF = "openorder_plugin.saleor2.urls"

# The buyer's language from Accept-Language, limited to en and id (Django's
# place for it: before CommonMiddleware; Saleor has no SessionMiddleware).
_COMMON = MIDDLEWARE.index("django.middleware.common.CommonMiddleware")  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_COMMON],  # noqa: F405
    "openorder_plugin.middleware.BuyerLanguageMiddleware",
    *MIDDLEWARE[_COMMON:],  # noqa: F405
]

# Saleor's own templates (its top-level templates/, present when Saleor is
# installed from source) come first, through TEMPLATES' DIRS; the plugin's app
# templates are found after them by the app-directories loader, so they only
# fill in what the PyPI wheel lacks (the API explorer, Saleor's e-mails).

# The core reaches the shop through this adapter (openorder_plugin.host).
OPENORDER_HOST = "openorder_plugin.saleor2.host.Saleor2Host"

PLUGINS = PLUGINS + [
    "openorder_plugin.saleor2.plugin.OpenOrderPlugin",
    # The "Pay deposit / pay later" payment gateway (deferred payment).
    "openorder_plugin.saleor2.gateway.plugin.DeferredPaymentGatewayPlugin",
]

# Buyer uploads (design files) live outside MEDIA_ROOT so nothing serves them
# publicly; the plugin streams them to the buyer and staff only.
OPENORDER_PRIVATE_STORAGE_ROOT = os.environ.get(
    "OPENORDER_PRIVATE_STORAGE_ROOT",
    os.path.join(os.getcwd(), ".data", "private-uploads"),
)
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", os.path.join(os.getcwd(), ".data", "media"))

# Built dashboard extension (dashboard_extension/dist), served at
# /dashboard-extension/ when present.
OPENORDER_DASHBOARD_DIST = os.environ.get(
    "OPENORDER_DASHBOARD_DIST",
    os.path.join(os.path.dirname(PACKAGE_DIR), "dashboard_extension", "dist"),
)

# Celery: with no broker every task runs eagerly in-process (Saleor's own
# default); with CELERY_BROKER_URL a worker and beat run them.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TIMEZONE = "UTC"

PLAYGROUND_ENABLED = get_bool_from_env("PLAYGROUND_ENABLED", True)

# Periodic tasks run by `celery ... worker --beat` (or a separate beat).
CELERY_BEAT_SCHEDULE = {}
# Production: flag jobs past their promised date (and alert staff once).
CELERY_BEAT_SCHEDULE["openorder-mark-overdue-production-jobs"] = {
    "task": "openorder_plugin.tasks.mark_overdue_production_jobs",
    "schedule": 60 * 60,
}
# Deferred payment: balances become due, buyers are reminded once, staff are
# told once of an overdue balance.
CELERY_BEAT_SCHEDULE["openorder-payment-reminders"] = {
    "task": "openorder_plugin.tasks.run_payment_reminders",
    "schedule": 15 * 60,
}
# Days a buyer has to pay a balance once it is due (ready, delivered).
OPENORDER_BALANCE_PAYMENT_DAYS = int(
    os.environ.get("OPENORDER_BALANCE_PAYMENT_DAYS", "3")
)
# The payment window: orders whose deposit is unpaid (or that staff did not
# confirm) when their deadline passes are cancelled.
CELERY_BEAT_SCHEDULE["openorder-lapse-unpaid-orders"] = {
    "task": "openorder_plugin.tasks.lapse_unpaid_orders",
    "schedule": 60.0,
}
# Jobs of one order reaching the same stage within this many seconds are told
# to the buyer in one e-mail.
OPENORDER_STAGE_EMAIL_BATCH_SECONDS = int(
    os.environ.get("OPENORDER_STAGE_EMAIL_BATCH_SECONDS", "180")
)
# The notification outbox sweep: what a lost task or killed worker left unsent.
CELERY_BEAT_SCHEDULE["openorder-send-unsent-notifications"] = {
    "task": "openorder_plugin.tasks.send_unsent_notifications",
    "schedule": 60.0,
}
