"""The benchmark's database and its two Saleor hosts: Saleor 2.10 under
uWSGI, or Saleor 3.23 under uvicorn (each as its own deployment docs serve
it). A platform (Saleor2Platform, Saleor3Platform) says what differs: the
Python, settings, server command, ports, database and results file."""

import hashlib
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


def _admin_connection(parsed):
    conn = psycopg2.connect(
        host=parsed.hostname,
        port=parsed.port or 5432,
        user=parsed.username or "postgres",
        password=parsed.password,
        dbname="postgres",
    )
    conn.autocommit = True
    return conn


def _bench_name(url):
    name = urlparse(url).path.lstrip("/")
    if not name.startswith("openorder_bench"):
        raise SystemExit("Refusing to recreate %r: not a bench database." % name)
    return name


def recreate_database(url, template=None):
    """Drop and create the bench database (never the demo's or a test's),
    empty or as a copy of `template` (another bench database)."""
    parsed = urlparse(url)
    name = _bench_name(url)
    conn = _admin_connection(parsed)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s OR datname = %s",
            [name, template],
        )
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % name)
        if template:
            cursor.execute('CREATE DATABASE "%s" TEMPLATE "%s"' % (name, template))
        else:
            cursor.execute('CREATE DATABASE "%s"' % name)
    conn.close()


def database_comment(url):
    """The comment on a database (the stamp of a migrated template), or None
    when there is no such database."""
    parsed = urlparse(url)
    conn = _admin_connection(parsed)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') "
            "FROM pg_database WHERE datname = %s",
            [parsed.path.lstrip("/")],
        )
        row = cursor.fetchone()
    conn.close()
    return row[0] if row else None


def set_database_comment(url, comment):
    parsed = urlparse(url)
    name = _bench_name(url)
    conn = _admin_connection(parsed)
    with conn.cursor() as cursor:
        cursor.execute('COMMENT ON DATABASE "%s" IS %%s' % name, [comment])
    conn.close()


def django_env(database_url, settings_module, extra=None, pythonpath=None):
    env = dict(os.environ)
    # One database in the bench (Saleor 3's replica alias is the same one).
    env.pop("DATABASE_URL_REPLICA", None)
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "PYTHONPATH": pythonpath or ROOT + os.pathsep + env.get("PYTHONPATH", ""),
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


def prepare_data(platform, database_url, orders, jobs_per_order):
    """Fresh database: migrate, the demo catalog, then the bulk data."""
    env = platform.env(database_url, "plugin", {"CELERY_BROKER_URL": ""})
    quiet = {"cwd": ROOT, "env": env, "check": True}
    started = time.monotonic()
    template = platform.migrated_template(database_url)
    if template:
        say("copying the migrated bench database (%s)" % template)
        recreate_database(database_url, template)
    else:
        recreate_database(database_url)
        say("migrating the bench database")
        subprocess.run(platform.manage("migrate", "--no-input", "-v", "0"), **quiet)
    migrate_seconds = time.monotonic() - started
    say("loading the demo catalog")
    subprocess.run(
        platform.manage("openorder_demo"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **quiet,
    )
    say("loading %d orders, %d jobs per order" % (orders, jobs_per_order))
    started = time.monotonic()
    subprocess.run(
        [
            platform.python,
            "-m",
            "bench.load",
            "--host",
            platform.key,
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


class Saleor2Platform:
    """Saleor 2.10.1 in this project's .venv, under uWSGI."""

    key = "saleor2"
    label = "Saleor 2.10.1"
    python = sys.executable
    settings = {"plain": "bench.settings_plain", "plugin": "bench.settings_plugin"}
    ports = {"plain": 8101, "plugin": 8102}
    database = "openorder_bench"
    output = os.path.join(ROOT, "bench", "results.json")
    broker = "redis://127.0.0.1:6379/15"
    # The demo's channel (Saleor 3 prices and sells in one; 2.10 has none).
    channel = None
    # What the server logs once per worker when it has loaded Saleor.
    worker_ready = "WSGI app 0 (mountpoint='') ready"

    def env(self, database_url, role, extra=None):
        return django_env(database_url, self.settings[role], extra)

    def manage(self, *args):
        return [os.path.join(BIN, "django-admin")] + list(args)

    def migrated_template(self, database_url):
        return None  # 2.10's migrations take seconds: always migrated afresh

    def server(self, host):
        return "uWSGI, %d processes x %d threads" % (host.processes, host.threads)

    def server_command(self, host):
        return [
            os.path.join(BIN, "uwsgi"),
            # uWSGI's HTTP router in front of the workers, with keep-alive.
            "--http",
            "127.0.0.1:%d" % host.port,
            "--http-keepalive",
            "--module",
            "saleor.wsgi:application",
            "--master",
            "--lazy-apps",
            "--need-app",
            "--die-on-term",
            "--processes",
            str(host.processes),
            "--threads",
            str(host.threads),
            "--disable-logging",
            "--buffer-size",
            "32768",
            "--listen",
            "64",
        ]


class Saleor3Platform(Saleor2Platform):
    """A Saleor 3.23 environment someone named (OPENORDER_SALEOR3_PYTHON and
    OPENORDER_SALEOR3_SOURCE; bench/run.sh puts the plugin's metadata on its
    path as scripts/saleor3.sh does), under uvicorn as Saleor's Dockerfile
    runs it."""

    key = "saleor3"
    label = "Saleor 3.23"
    settings = {
        "plain": "bench.settings_saleor3_plain",
        "plugin": "bench.settings_saleor3_plugin",
    }
    ports = {"plain": 8111, "plugin": 8112}
    database = "openorder_bench_saleor3"
    output = os.path.join(ROOT, "bench", "results-saleor3.json")
    broker = "redis://127.0.0.1:6379/14"
    channel = "toko-open-order"
    worker_ready = "Application startup complete."

    def __init__(self):
        self.python = os.environ.get("OPENORDER_SALEOR3_PYTHON", "")
        self.source = os.environ.get("OPENORDER_SALEOR3_SOURCE", "")
        self.pythonpath = os.environ.get("OPENORDER_BENCH_SALEOR3_PYTHONPATH", "")
        if not (self.python and self.source and self.pythonpath):
            raise SystemExit(
                "Saleor 3.23: set OPENORDER_SALEOR3_PYTHON and "
                "OPENORDER_SALEOR3_SOURCE, and run ./bench/run.sh --host saleor3."
            )
        self.label = "Saleor %s" % self._version()

    def _version(self):
        with open(os.path.join(self.source, "pyproject.toml")) as pyproject:
            for line in pyproject:
                if line.startswith("version ="):
                    return line.split("=", 1)[1].strip().strip('"')
        return "3.23"

    def env(self, database_url, role, extra=None):
        env = django_env(
            database_url, self.settings[role], extra, pythonpath=self.pythonpath
        )
        # Saleor 3 signs its JWTs with an RSA key, required with DEBUG=False
        # (and the same key in every worker): the bench's own, in .data/bench.
        env["RSA_PRIVATE_KEY"] = self._rsa_key()
        return env

    def _rsa_key(self):
        path = os.path.join(LOGS, "saleor3-jwt-key.pem")
        if not os.path.exists(path):
            os.makedirs(LOGS, exist_ok=True)
            subprocess.run(
                [
                    self.python,
                    "-c",
                    "import sys\n"
                    "from cryptography.hazmat.primitives import serialization as s\n"
                    "from cryptography.hazmat.primitives.asymmetric import rsa\n"
                    "key = rsa.generate_private_key(public_exponent=65537, "
                    "key_size=2048)\n"
                    "open(sys.argv[1], 'wb').write(key.private_bytes("
                    "s.Encoding.PEM, s.PrivateFormat.TraditionalOpenSSL, "
                    "s.NoEncryption()))",
                    path,
                ],
                check=True,
            )
        with open(path) as key:
            return key.read()

    def manage(self, *args):
        return [self.python, "-m", "django"] + list(args)

    def migrated_template(self, database_url):
        """Saleor 3's 1,431 migrations take minutes: each run starts from a
        copy of a database migrated once (<bench database>_migrated), made
        again whenever a migration file (Saleor's or the plugin's) changed."""
        template_url = database_url + "_migrated"
        template = _bench_name(template_url)
        stamp = self._migrations_stamp()
        if database_comment(template_url) == stamp:
            return template
        say(
            "migrating a template bench database (%s; Saleor 3's migrations "
            "take minutes, once)" % template
        )
        recreate_database(template_url)
        os.makedirs(LOGS, exist_ok=True)
        log_path = os.path.join(LOGS, "saleor3-migrate.log")
        with open(log_path, "w") as log:
            done = subprocess.run(
                self.manage("migrate", "--no-input", "-v", "1"),
                cwd=ROOT,
                env=self.env(template_url, "plugin", {"CELERY_BROKER_URL": ""}),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if done.returncode:
            raise SystemExit("Migrating %s failed; see %s" % (template, log_path))
        set_database_comment(template_url, stamp)
        return template

    def _migrations_stamp(self):
        digest = hashlib.sha256(self.label.encode())
        for top in (
            os.path.join(self.source, "saleor"),
            os.path.join(ROOT, "openorder_plugin"),
        ):
            for folder, dirs, files in sorted(os.walk(top)):
                dirs.sort()
                if os.path.basename(folder) != "migrations":
                    continue
                for name in sorted(files):
                    if name.endswith(".py"):
                        digest.update(os.path.relpath(folder, top).encode())
                        digest.update(name.encode())
                        with open(os.path.join(folder, name), "rb") as source:
                            digest.update(source.read())
        return "openorder bench: migrations %s" % digest.hexdigest()[:16]

    def server(self, host):
        return "uvicorn, %d workers" % host.processes

    def server_command(self, host):
        # Saleor's Dockerfile: uvicorn saleor.asgi:application --workers=2
        # --lifespan=auto --ws=none --no-server-header --no-access-log
        # --timeout-keep-alive=35 --timeout-graceful-shutdown=30
        # --limit-max-requests=10000 (here on 127.0.0.1 with the bench's
        # number of workers).
        return [
            self.python,
            "-m",
            "uvicorn",
            "saleor.asgi:application",
            "--host=127.0.0.1",
            "--port=%d" % host.port,
            "--workers=%d" % host.processes,
            "--lifespan=auto",
            "--ws=none",
            "--no-server-header",
            "--no-access-log",
            "--timeout-keep-alive=35",
            "--timeout-graceful-shutdown=30",
            "--limit-max-requests=10000",
        ]


PLATFORMS = {"saleor2": Saleor2Platform, "saleor3": Saleor3Platform}


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


class Host:
    """One Saleor behind its platform's server: `processes` worker processes
    (of `threads` threads each under uWSGI)."""

    def __init__(self, platform, name, port, database_url, processes, threads, env):
        self.platform = platform
        self.name = name
        self.port = port
        self.url = "http://127.0.0.1:%d" % port
        self.database_url = database_url
        self.processes = processes
        self.threads = threads
        self.env = env
        self.process = None
        self.log_path = os.path.join(LOGS, "%s-%s.log" % (platform.key, name))

    def start(self):
        if not port_free(self.port):
            raise SystemExit(
                "Port %d is taken; pass another with --port-%s."
                % (self.port, self.name)
            )
        os.makedirs(LOGS, exist_ok=True)
        command = self.platform.server_command(self)
        env = self.platform.env(self.database_url, self.name, self.env)
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
        """Until the host answers and every worker has loaded Saleor (so no
        worker is still starting while the measurements run)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    "The %s host exited; see %s" % (self.name, self.log_path)
                )
            try:
                answers = (
                    requests.get(self.url + "/health/", timeout=2).status_code == 200
                )
            except requests.RequestException:
                answers = False
            if answers and self.workers_ready() >= self.processes:
                return
            time.sleep(0.5)
        raise SystemExit(
            "The %s host did not start in %ds; see %s"
            % (self.name, timeout, self.log_path)
        )

    def workers_ready(self):
        with open(self.log_path, errors="replace") as log:
            return log.read().count(self.platform.worker_ready)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # uWSGI's master stops its workers on SIGTERM (--die-on-term), as
        # uvicorn's supervisor does.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=45)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
