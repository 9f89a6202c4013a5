"""Test fixtures: the real Saleor host served over real HTTP by pytest-django's
live server, against the real PostgreSQL test database.

Every test that talks to the API uses `transactional_db`, so what it writes is
committed and visible to the server's request threads (and to a Celery worker
process); Django flushes the tables after each test.
"""

import copy

import django.test
import pytest
from django.conf import settings as django_settings
from django.contrib.sites.models import Site
from saleor.site.models import SiteSettings

from django.core.servers.basehttp import ThreadedWSGIServer

from openorder_plugin.demo import shop

from .client import ApiClient
from .hosts import ON_SALEOR3, demo_catalog
from .workers import celery_worker  # noqa: F401  (a fixture for any test module)


@pytest.fixture(autouse=True)
def _short_lived_connections(settings):
    # The live server runs each request in a new thread; with Saleor's
    # conn_max_age=600 each thread would leave a connection open behind it.
    from django.db import connections

    for conn in connections.all():
        conn.settings_dict["CONN_MAX_AGE"] = 0


# Saleor 3 reads through a replica connection, mirrored onto the test
# database; every test uses each connection the host has (as Saleor's own
# suite does), so the replica is set up too.
django.test.TransactionTestCase.databases = set(django_settings.DATABASES)
django.test.TestCase.databases = set(django_settings.DATABASES)
if ON_SALEOR3:
    # Saleor's own way: in this thread the replica alias uses the writer's
    # connection, so its migrations read the test database they build.
    from saleor.tests.utils import prepare_test_db_connections

    prepare_test_db_connections()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Django points a mirror (Saleor 3's replica) at the test database only
    in this thread; the live server's threads open their own connections from
    the settings, so the settings name the test database too."""
    for conf in django_settings.DATABASES.values():
        mirror = (conf.get("TEST") or {}).get("MIRROR")
        if mirror:
            conf["NAME"] = django_settings.DATABASES[mirror]["NAME"]


# The live server's listen backlog is Django's 10; tests that release 50
# clients at once need a queue as deep as a production server's.
ThreadedWSGIServer.request_queue_size = 128


@pytest.fixture(autouse=True)
def _plugin_defaults_restored():
    # Saleor 2.10's pluginUpdate writes into the plugin class's
    # DEFAULT_CONFIGURATION dicts in place, so a setting would outlive the
    # test (and the database flush) in the live server's process.
    from django.conf import settings
    from django.utils.module_loading import import_string

    classes = [import_string(path) for path in settings.PLUGINS]
    saved = [copy.deepcopy(cls.DEFAULT_CONFIGURATION) for cls in classes]
    yield
    for cls, default in zip(classes, saved):
        cls.DEFAULT_CONFIGURATION[:] = default


@pytest.fixture(autouse=True)
def _tasks_ask_before_writing(settings):
    # As in Saleor 3's own test settings: a Celery task that writes to the
    # primary database outside allow_writer() fails (in production it logs
    # a warning per query). Saleor 2.10 has no such rule.
    if ON_SALEOR3:
        settings.CELERY_RESTRICT_WRITER_METHOD = (
            "saleor.core.db.connection.restrict_writer"
        )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every test signs users in; Django's own advice for test suites.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _stage_emails_unbatched(settings):
    # Stage e-mails go out at once unless a test is about batching them.
    settings.OPENORDER_STAGE_EMAIL_BATCH_SECONDS = 0


@pytest.fixture(autouse=True)
def _private_uploads(settings, tmp_path):
    # Buyers' files from a test stay in that test's own folder.
    settings.OPENORDER_PRIVATE_STORAGE_ROOT = str(tmp_path / "private-uploads")


@pytest.fixture
def site(transactional_db):
    """Saleor's Site and SiteSettings: created by migrations, removed by the
    flush after a transactional test, so each test brings them back."""
    Site.objects.clear_cache()
    site, _ = Site.objects.get_or_create(
        pk=1, defaults={"domain": "127.0.0.1:8000", "name": "Toko Open Order"}
    )
    SiteSettings.objects.get_or_create(site=site)
    Site.objects.clear_cache()
    return site


@pytest.fixture
def demo_shop(site):
    """The demo catalog, loaded by the same code as the README's demo command
    (on the host the suite runs on)."""
    return demo_catalog().load_catalog()


@pytest.fixture
def api(live_server, site):
    """An anonymous API client; `api.as_user(email, password)` signs in."""
    return ApiClient(live_server.url)


@pytest.fixture
def staff_api(api, demo_shop):
    return api.signed_in(shop.STAFF_EMAIL, shop.STAFF_PASSWORD)


@pytest.fixture
def customer_api(api, demo_shop):
    return api.signed_in(shop.CUSTOMER_EMAIL, shop.CUSTOMER_PASSWORD)
