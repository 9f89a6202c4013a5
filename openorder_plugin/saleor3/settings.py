"""Settings for a Saleor 3.23 host running the openorder plugin.

Saleor 3 installs the plugin's apps and plugins itself, from the package's
`saleor.plugins` entry points. What it cannot do is extend its GraphQL schema,
so a shop that wants open orders points DJANGO_SETTINGS_MODULE here:
Saleor's own settings, plus the URL conf serving the extended schema and the
plugin's own settings.
"""

from saleor.settings import *  # noqa: F401,F403
from saleor.settings import EMAIL_BACKEND, get_bool_from_env

from .. import app_settings
from ..saleor_common.celery_app import use_saleor_celery_app_in_every_thread

ROOT_URLCONF = "openorder_plugin.saleor3.urls"

# Saleor 3 reports usage to its makers unless told not to; a shop's data
# stays in the shop.
SEND_USAGE_TELEMETRY = get_bool_from_env("SEND_USAGE_TELEMETRY", False)

# Saleor 3 sends no e-mail of its own (apps do), so without EMAIL_URL it has no
# mail backend at all and every e-mail of the plugin's would fail. As Saleor
# 2.10 does: print them on the console until the shop names a mail server.
if not EMAIL_BACKEND:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The plugin's own settings (language, uploads, the board, periodic tasks).
app_settings.apply(globals(), "openorder_plugin.saleor3.host.Saleor3Host")

# Celery: without a broker Saleor 3 runs every task eagerly, as 2.10 does;
# beat's schedule is in UTC on both hosts.
CELERY_TIMEZONE = "UTC"
# The plugin's tasks go through Saleor's app from whichever thread serves the
# request (uvicorn runs Django's views in worker threads).
use_saleor_celery_app_in_every_thread()
