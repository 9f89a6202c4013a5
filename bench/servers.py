"""The benchmark's database and its two Saleor hosts (uWSGI processes)."""

import os
import signal
import socket
import subprocess
import sys
import time
from urllib.parse import urlparse, urlunparse

import psycopg2
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
LOGS = os.path.join(ROOT, ".data", "bench")


def say(message):
    print("\033[1m==> %s\033[0m" % message, file=sys.stderr, flush=True)


def bench_database_url(base_url, name):
    """DATABASE_URL with the database name replaced by the bench's own."""
    url = urlparse(base_url)
    return urlunparse(url._replace(path="/" + name))


def recreate_database(url):
    """Drop and create the bench database (never the demo's or a test's)."""
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if not name.startswith("openorder_bench"):
        raise SystemExit("Refusing to recreate %r: not a bench database." % name)
    conn = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
    )
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [name],
        )
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % name)
        cursor.execute('CREATE DATABASE "%s"' % name)
    conn.close()


def django_env(database_url, settings_module, extra=None):
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "PYTHONPATH": ROOT + os.pathsep + env.get("PYTHONPATH", ""),
            "SECRET_KEY": env.get("SECRET_KEY") or "openorder-bench",
            # Same production-like settings on both hosts: no debug SQL log.
            "DEBUG": "False",
            # Saleor refuses DEBUG=False with only its default client hosts
            # while account confirmation e-mails are on: name a storefront.
            "ALLOWED_CLIENT_HOSTS": "localhost,127.0.0.1,storefront.bench.test",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
        }
    )
    env.update(extra or {})
    return env


def prepare_data(database_url, orders, jobs_per_order):
    """Fresh database: migrate, the demo catalog, then the bulk data."""
    env = django_env(database_url, "bench.settings_plugin", {"CELERY_BROKER_URL": ""})
    quiet = {"cwd": ROOT, "env": env, "check": True}
    recreate_database(database_url)
    say("migrating the bench database")
    started = time.monotonic()
    subprocess.run(
        [os.path.join(BIN, "django-admin"), "migrate", "--no-input", "-v", "0"], **quiet
    )
    migrate_seconds = time.monotonic() - started
    say("loading the demo catalog")
    subprocess.run(
        [os.path.join(BIN, "django-admin"), "openorder_demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **quiet,
    )
    say("loading %d orders, %d jobs per order" % (orders, jobs_per_order))
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.load",
            "--orders",
            str(orders),
            "--jobs-per-order",
            str(jobs_per_order),
        ],
        **quiet,
    )
    return {
        "migrate_seconds": migrate_seconds,
        "load_seconds": time.monotonic() - started,
    }


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


class Host:
    """One Saleor behind uWSGI: its HTTP router (keep-alive) in front of
    `processes` worker processes of `threads` threads each."""

    def __init__(
        self, name, settings_module, port, database_url, processes, threads, env
    ):
        self.name = name
        self.settings_module = settings_module
        self.port = port
        self.url = "http://127.0.0.1:%d" % port
        self.database_url = database_url
        self.processes = processes
        self.threads = threads
        self.env = env
        self.process = None
        self.log_path = os.path.join(LOGS, "%s.log" % name)

    def start(self):
        if not port_free(self.port):
            raise SystemExit(
                "Port %d is taken; pass another with --port-%s."
                % (self.port, self.name)
            )
        os.makedirs(LOGS, exist_ok=True)
        command = [
            os.path.join(BIN, "uwsgi"),
            # uWSGI's HTTP router in front of the workers, with keep-alive.
            "--http",
            "127.0.0.1:%d" % self.port,
            "--http-keepalive",
            "--module",
            "saleor.wsgi:application",
            "--master",
            "--lazy-apps",
            "--need-app",
            "--die-on-term",
            "--processes",
            str(self.processes),
            "--threads",
            str(self.threads),
            "--disable-logging",
            "--buffer-size",
            "32768",
            "--listen",
            "64",
        ]
        env = django_env(self.database_url, self.settings_module, self.env)
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    "The %s host exited; see %s" % (self.name, self.log_path)
                )
            try:
                if requests.get(self.url + "/health/", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise SystemExit(
            "The %s host did not start in %ds; see %s"
            % (self.name, timeout, self.log_path)
        )

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # uWSGI's master stops its workers on SIGTERM (--die-on-term).
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
