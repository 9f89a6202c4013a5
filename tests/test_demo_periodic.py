"""End to end: the demo command (scripts/demo.sh), started with no Celery
broker configured, runs a Celery worker and beat of its own, and stops them
when it stops. Proven by a periodic task's effect: beat's outbox sweep
(openorder_plugin.tasks.send_unsent_notifications, every minute) sends a
notification left unsent in the demo's database.

The demo runs as a subprocess on a free port with its own database, created
by the demo and dropped afterwards; it takes a few minutes (migrations, then
beat's first sweep a minute after the worker starts)."""

import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import uuid

import psycopg2
import pytest
import redis
import requests
from django.conf import settings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE = "openorder_demo_periodic_%s" % os.environ.get("PYTEST_XDIST_WORKER", "gw0")
STARTUP_TIMEOUT = 420  # a fresh database: migrations, the demo orders, uWSGI's workers
SWEEP_TIMEOUT = 150  # beat sweeps every 60 s, the first a minute after it starts

pytestmark = pytest.mark.celery_worker


def port_open(port, host="127.0.0.1"):
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_available():
    """A Redis the demo can use, or one it can start or install."""
    if port_open(6379) or shutil.which("redis-server"):
        return True
    return bool(shutil.which("apt-get")) and (
        os.geteuid() == 0 or bool(shutil.which("sudo"))
    )


def server_params():
    db = settings.DATABASES["default"]
    return dict(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
    )


def drop_database():
    admin = psycopg2.connect(dbname="postgres", **server_params())
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            if admin.server_version >= 130000:  # a connection left behind ends too
                cursor.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % DATABASE)
            else:
                cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
    finally:
        admin.close()


def tail(path, size=3000):
    try:
        with open(path, errors="replace") as handle:
            return handle.read()[-size:]
    except OSError as error:
        return "(%s)" % error


def processes_marked(marker):
    """(pid, name) of the live processes whose environment carries `marker`:
    everything the demo started, and their children."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/environ" % entry, "rb") as handle:
                environ = handle.read().split(b"\0")
            with open("/proc/%s/stat" % entry) as handle:
                stat = handle.read()
        except OSError:
            continue
        state = stat.rsplit(")", 1)[1].split()[0]
        if marker.encode() in environ and state != "Z":
            found.append((int(entry), stat[stat.index("(") + 1 : stat.rindex(")")]))
    return found


def left_behind(marker):
    # A private Redis the demo started (none reachable) stays running by
    # design, as the private PostgreSQL does.
    return [
        (pid, name) for pid, name in processes_marked(marker) if name != "redis-server"
    ]


def stop_group(process, timeout=60):
    """SIGTERM the demo's process group, then SIGKILL once `timeout` passed."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def release_redis_database(broker):
    """Give back the Redis database the demo claimed for this test's database
    (scripts/setup.sh, demo_redis_db), emptied."""
    client = redis.Redis.from_url(broker, socket_timeout=5)
    try:
        claimed = (client.get("openorder:demo-database") or b"").decode()
        if claimed.endswith("/" + DATABASE):
            client.flushdb()
    except redis.exceptions.RedisError:
        pass


def insert_unsent_notification(database_url, recipient):
    """An e-mail owed two minutes ago and never sent, as a lost task message
    would leave it; the columns are read from the demo's database."""
    item = {
        "job_id": 1,
        "product_name": "Kaos Sablon Custom",
        "variant_name": "",
        "quantity": 2,
        "stage_label": "Produksi",
        "is_last_stage": False,
        "promised_date": "2030-01-15",
    }
    context = dict(
        item,
        items=[item],
        order_number=1,
        order_token=str(uuid.uuid4()),
        stage_code="IN_PRODUCTION",
        from_stage_label="Dikonfirmasi",
        language="en",
    )
    past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=2)
    known = {
        "key": "demo-periodic-test:%s" % uuid.uuid4(),
        "kind": "stage_changed",
        "recipient": recipient,
        "context": json.dumps(context),
        "attempts": 0,
    }
    conn = psycopg2.connect(database_url)
    try:
        with conn, conn.cursor() as cursor:
            cursor.execute(
                "SELECT column_name, data_type, is_nullable, column_default "
                "FROM information_schema.columns WHERE table_name = 'openorder_notification'"
            )
            values = {}
            for name, data_type, nullable, default in cursor.fetchall():
                if name in known:
                    values[name] = known[name]
                elif data_type.startswith("timestamp") and name != "sent_at":
                    values[name] = past  # created_at, and any "send after"
                elif nullable == "NO" and default is None:
                    pytest.fail(
                        "openorder_notification.%s is new: give it a value here" % name
                    )
            assert "sent_at" not in values
            cursor.execute(
                "INSERT INTO openorder_notification (%s) VALUES (%s) RETURNING id"
                % (", ".join(values), ", ".join(["%s"] * len(values))),
                list(values.values()),
            )
            return cursor.fetchone()[0]
    finally:
        conn.close()


def sent_at(database_url, notification_id):
    conn = psycopg2.connect(database_url)
    try:
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT sent_at, attempts FROM openorder_notification WHERE id = %s",
                [notification_id],
            )
            return cursor.fetchone()
    finally:
        conn.close()


def test_the_demo_runs_beat_tasks_with_no_broker_configured(tmp_path):
    if not redis_available():
        pytest.skip(
            "no Redis at 127.0.0.1:6379 and redis-server can neither run nor be installed"
        )
    params = server_params()
    database_url = "postgres://%s%s@%s:%s/%s" % (
        params["user"],
        ":%s" % params["password"] if params["password"] else "",
        params["host"],
        params["port"],
        DATABASE,
    )
    addr = "127.0.0.1:%d" % free_port()
    # Every process the demo starts inherits it (see processes_marked).
    marker = "OPENORDER_DEMO_PERIODIC_TEST=%s" % uuid.uuid4().hex
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    env = {
        key: value for key, value in os.environ.items() if key != "CELERY_BROKER_URL"
    }
    env.update(
        DATABASE_URL=database_url,
        OPENORDER_DEMO_ADDR=addr,
        # The worker writes each e-mail into a file there (dj_email_url drops
        # the first slash of the path).
        EMAIL_URL="file:///%s" % mail_dir,
    )
    env.update([marker.split("=")])
    output = str(tmp_path / "demo.log")
    log = open(output, "w")

    drop_database()
    demo = subprocess.Popen(
        ["bash", os.path.join(ROOT, "scripts", "demo.sh")],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    worker_log = broker = None
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert demo.poll() is None, "the demo exited (%s):\n%s" % (
                demo.returncode,
                tail(output),
            )
            try:
                if (
                    requests.get("http://%s/graphql/" % addr, timeout=5).status_code
                    == 200
                ):
                    break
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "no /graphql/ after %ss:\n%s" % (
                STARTUP_TIMEOUT,
                tail(output),
            )
            time.sleep(2)
        said = tail(output, 100000)
        found = re.search(r"log: (\S+celery\.log)", said)
        assert found, "the demo did not say where the worker logs:\n%s" % tail(output)
        worker_log = os.path.join(ROOT, found.group(1))
        found = re.search(r"beat on (redis://\S+)", said)
        broker = found.group(1) if found else None

        recipient = "demo-periodic-%s@openorder.test" % uuid.uuid4().hex[:8]
        notification = insert_unsent_notification(database_url, recipient)
        deadline = time.monotonic() + SWEEP_TIMEOUT
        while sent_at(database_url, notification)[0] is None:
            assert time.monotonic() < deadline, (
                "beat's outbox sweep did not send notification %s within %ss (sent_at, "
                "attempts: %s)\n--- demo ---\n%s\n--- worker ---\n%s"
                % (
                    notification,
                    SWEEP_TIMEOUT,
                    sent_at(database_url, notification),
                    tail(output),
                    tail(worker_log),
                )
            )
            time.sleep(2)
        mails = "".join(tail(str(path), 100000) for path in mail_dir.iterdir())
        assert recipient in mails, "sent_at is set but no e-mail went to %s" % recipient

        # Stopping the demo stops its worker and beat too.
        stop_group(demo)
        deadline = time.monotonic() + 10
        while left_behind(marker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not left_behind(marker), (
            "still running after the demo stopped: %s\n%s"
            % (left_behind(marker), tail(worker_log))
        )
    finally:
        stop_group(demo)
        log.close()
        for pid, _ in left_behind(marker):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        drop_database()
        if broker:
            release_redis_database(broker)
        if worker_log and os.path.basename(os.path.dirname(worker_log)).startswith(
            "worker-"
        ):
            shutil.rmtree(os.path.dirname(worker_log), ignore_errors=True)
        try:  # the server's log (scripts/demo.sh)
            os.remove(
                os.path.join(
                    ROOT, ".data", "server-%s.log" % re.sub(r"[^A-Za-z0-9.]", "-", addr)
                )
            )
        except OSError:
            pass
