"""A real Celery worker process on a real Redis, against the test database."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.db import connection
from saleor.celeryconf import app as celery_app

# One Redis database per pytest-xdist worker (gw0 -> 7, gw1 -> 8, ...).
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:] or 0)
REDIS_URL = os.environ.get(
    "OPENORDER_TEST_REDIS_URL", "redis://127.0.0.1:6379/%d" % (7 + _WORKER)
)


def wait_for(predicate, timeout=30.0, interval=0.2):
    """Poll until predicate() is truthy; return its value, or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("timed out after %ss waiting for %s" % (timeout, predicate))


# Celery keeps Django's CELERY_* names beside its own; both must change.
CONF_KEYS = (
    "CELERY_TASK_ALWAYS_EAGER",
    "task_always_eager",
    "CELERY_BROKER_URL",
    "broker_url",
)


def _configure_celery(values):
    celery_app.conf.update(values)
    # Drop pooled broker connections made for the old URL, as Celery itself
    # does after a fork.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def worker_env(email_url="console://"):
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="openorder_plugin.saleor2.settings",
        CELERY_BROKER_URL=REDIS_URL,
        DATABASE_URL="postgres://%s@%s:%s/%s"
        % (
            db["USER"] or "postgres",
            db["HOST"] or "127.0.0.1",
            db["PORT"] or 5432,
            db["NAME"],
        ),
        EMAIL_URL=email_url,
    )
    return env


def start_worker(*extra_args, email_url="console://"):
    """A worker process; its output goes to a file (a pipe nobody reads
    would fill up and stall it), read back by worker_output()."""
    import tempfile

    celery = os.path.join(os.path.dirname(sys.executable), "celery")
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [
            celery,
            "-A",
            "saleor.celeryconf:app",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            *extra_args,
        ],
        env=worker_env(email_url),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    process.log = log
    return process


def worker_output(process):
    process.log.seek(0)
    return process.log.read()


def stop_worker(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return worker_output(process)


@pytest.fixture
def celery_worker(transactional_db, request):
    """Send tasks to Redis (not in-process) and run them in a worker process.

    A test module that wants to read the worker's e-mails defines a fixture
    `worker_email_url` (e.g. "file:///tmp/dir", one file per e-mail)."""
    try:
        email_url = request.getfixturevalue("worker_email_url")
    except pytest.FixtureLookupError:
        email_url = "console://"
    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.fail(
            "Redis is not reachable at %s: the test command starts it" % REDIS_URL
        )
    previous = {key: celery_app.conf.get(key) for key in CONF_KEYS}
    _configure_celery(dict(zip(CONF_KEYS, (False, False, REDIS_URL, REDIS_URL))))
    process = start_worker(email_url=email_url)
    try:
        yield process
    finally:
        output = stop_worker(process)
        _configure_celery(previous)
        sys.stdout.write(
            "\n--- celery worker output ---\n%s\n" % (output or "")[-4000:]
        )
