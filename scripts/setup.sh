# Sourced by scripts/demo.sh and scripts/test.sh: brings a fresh machine to a
# working host, reusing whatever an earlier run already set up.
#   - a Python 3.8 virtualenv in .venv with Saleor 2.10.1 and the plugin
#   - PostgreSQL: $DATABASE_URL, else 127.0.0.1:5432, else a private cluster
#   - Redis: 127.0.0.1:6379, started when installed but not running (tests);
#     the demo's broker: 127.0.0.1:6379, else a private server in .data/redis
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/.data"
mkdir -p "$DATA"
export DJANGO_SETTINGS_MODULE=openorder_plugin.saleor2.settings

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $* (apt-get)"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

find_python38() {
  if command -v python3.8 >/dev/null 2>&1 && python3.8 -c 'import venv' 2>/dev/null; then
    command -v python3.8; return
  fi
  local candidate
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.8*/bin/python3.8 /usr/local/bin/python3.8 /usr/bin/python3.8; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "Python 3.8 is required (Saleor 2.10.1 declares >=3.8,<3.9) and none was found." >&2
  echo "Install it (e.g. 'pyenv install 3.8') and run this command again." >&2
  exit 1
}

setup_python() {
  local venv="$ROOT/.venv" stamp
  if [ ! -x "$venv/bin/python" ]; then
    say "creating the Python 3.8 virtualenv in .venv"
    "$(find_python38)" -m venv "$venv"
  fi
  # Reinstall only when a requirement or the package metadata changed.
  stamp="$(cat requirements/*.txt setup.cfg setup.py pyproject.toml | sha256sum | cut -c1-16)"
  if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$stamp" ]; then
    say "installing Saleor 2.10.1, the plugin and the test tools into .venv"
    # celery 4.4.2's metadata is rejected by pip >= 24.1.
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "pip<24.1" wheel
    "$venv/bin/python" -m pip install -q --disable-pip-version-check \
      -c requirements/saleor-2.10.1.txt \
      -r requirements/base.txt -r requirements/test.txt -e .
    echo "$stamp" > "$venv/.installed"
  fi
  export PATH="$venv/bin:$PATH"
}

port_open() {  # host port
  python - "$1" "$2" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket()
s.settimeout(1)
sys.exit(s.connect_ex((sys.argv[1], int(sys.argv[2]))))
EOF
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [ -z "$dir" ]; then
    apt_install postgresql
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  echo "$dir"
}

setup_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return; fi
  if port_open 127.0.0.1 5432; then
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/openorder"
    return
  fi
  # No server: a private cluster in .data/postgres on port 5433.
  local bin pgdata="$DATA/postgres" run_as=()
  bin="$(pg_bin)"
  if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in .data/postgres"
    mkdir -p "$pgdata"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$pgdata"; fi
    "${run_as[@]}" "$bin/initdb" -D "$pgdata" -U postgres --auth=trust >/dev/null
  fi
  if ! port_open 127.0.0.1 5433; then
    say "starting the private PostgreSQL on 127.0.0.1:5433"
    "${run_as[@]}" "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
      -o "-p 5433 -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:5433/openorder"
}

create_database() {
  python - <<'EOF'
import os
from urllib.parse import urlparse

import psycopg2

url = urlparse(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
conn = psycopg2.connect(
    host=url.hostname, port=url.port or 5432, user=url.username or "postgres",
    password=url.password, dbname="postgres",
)
conn.autocommit = True
with conn.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    if not cursor.fetchone():
        cursor.execute('CREATE DATABASE "%s"' % name)
EOF
}

setup_redis() {
  if port_open 127.0.0.1 6379; then return; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  say "starting Redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" \
    --appendonly no --dir "$DATA" --logfile "$DATA/redis.log"
  for _ in $(seq 50); do port_open 127.0.0.1 6379 && return; sleep 0.1; done
  echo "Redis did not start; see .data/redis.log" >&2
  exit 1
}

# The demo's Celery broker: $CELERY_BROKER_URL when set, else a database of
# the Redis at 127.0.0.1:6379, else of a private Redis (.data/redis, port 6380).
setup_demo_broker() {
  if [ -n "${CELERY_BROKER_URL:-}" ]; then
    case "$CELERY_BROKER_URL" in
      redis://127.0.0.1:6379*|redis://localhost:6379*) setup_redis ;;
    esac
    return
  fi
  local port=6379 db
  if ! port_open 127.0.0.1 "$port"; then
    port=6380
    start_private_redis "$port"
  fi
  db="$(demo_redis_db 127.0.0.1 "$port")"
  export CELERY_BROKER_URL="redis://127.0.0.1:$port/$db"
}

# A private Redis on 127.0.0.1:$1 with its files in .data/redis; like the
# private PostgreSQL it keeps running after the demo stops. It holds only task
# messages: what a restart loses, beat and the outbox sweep send again.
start_private_redis() {  # port
  local port="$1" dir="$DATA/redis"
  if port_open 127.0.0.1 "$port"; then return; fi
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  say "starting a private Redis on 127.0.0.1:$port (in .data/redis)"
  mkdir -p "$dir"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" \
    --appendonly no --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  for _ in $(seq 50); do port_open 127.0.0.1 "$port" && return; sleep 0.1; done
  echo "The private Redis did not start; see .data/redis/redis.log" >&2
  exit 1
}

# The Redis database (1-6) that is this demo database's task queue, so demos
# on different databases never run each other's tasks. 0 is everyone's
# default; the tests' workers use 7 and up. A key in each Redis database names
# the demo database that claimed it (redis-cli -n N del openorder:demo-database
# frees one).
demo_redis_db() {  # host port
  python - "$1" "$2" <<'EOF'
import os
import sys
from urllib.parse import urlparse

import redis

host, port = sys.argv[1], int(sys.argv[2])
url = urlparse(os.environ["DATABASE_URL"])
owner = "%s:%s/%s" % (url.hostname, url.port or 5432, url.path.lstrip("/"))
claims = []
for db in range(1, 7):
    client = redis.Redis(host=host, port=port, db=db, socket_timeout=5)
    client.set("openorder:demo-database", owner, nx=True)
    claimed = client.get("openorder:demo-database").decode()
    if claimed == owner:
        print(db)
        sys.exit(0)
    claims.append("%d: %s" % (db, claimed))
sys.exit(
    "Redis databases 1-6 on %s:%s are claimed by other demo databases (%s); set "
    "CELERY_BROKER_URL, or free one with redis-cli -n N del openorder:demo-database"
    % (host, port, ", ".join(claims))
)
EOF
}

# The demo's server and its Celery worker stop together when the demo script
# exits (Ctrl-C, TERM, or the server's end). The scripts set SERVER_PID and
# WORKER_PID as they start them.
WORKER_PID="" SERVER_PID=""
stop_demo() {
  trap - EXIT
  trap '' INT TERM
  # Both at once. The server stops its workers (uWSGI's master with
  # --die-on-term, uvicorn on TERM). The Celery worker's is a warm shutdown
  # (running tasks finish, beat saves its schedule); what is left of its
  # process group after 15 s is killed.
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$WORKER_PID" ]; then
    kill -TERM "$WORKER_PID" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 -- "-$WORKER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$WORKER_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_PID" ]; then wait "$SERVER_PID" 2>/dev/null || true; fi
}
stop_demo_together() {
  trap stop_demo EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# A Celery worker with beat for the demo at address $1, on $CELERY_BROKER_URL:
# the tasks the server sends and the periodic work. $2... is how to run
# celery (`celery`, or `python -m celery` of another environment). One worker
# directory per demo address: its log, beat's schedule, its pid. In its own
# process group: a Ctrl-C reaches the script, which stops it.
start_demo_worker() {  # addr celery-command...
  local addr="$1" dir
  shift
  dir="$DATA/worker-${addr//[^A-Za-z0-9.]/-}"
  mkdir -p "$dir"
  say "starting a Celery worker and beat on $CELERY_BROKER_URL (log: ${dir#"$ROOT/"}/celery.log)"
  setsid "$@" -A saleor.celeryconf:app worker --beat --concurrency=2 --loglevel=INFO \
    --schedule "$dir/beat-schedule" --pidfile "$dir/worker.pid" \
    > "$dir/celery.log" 2>&1 < /dev/null &
  WORKER_PID=$!
}

# Once the demo's server ($SERVER_PID, logging to $2) answers /health/ at
# address $1 (Saleor's application answers it once loaded): says where it
# serves and waits for it, in the background so that a signal to the script
# alone also stops it.
serve_demo_until_stopped() {  # addr log
  if ! wait_for_health "http://${1/#0.0.0.0:/127.0.0.1:}/health/" "$SERVER_PID"; then
    echo "The server did not start; the end of ${2#"$ROOT/"}:" >&2
    tail -n 40 "$2" >&2
    exit 1
  fi
  say "serving http://$1/graphql/ (API explorer) and http://$1/dashboard-extension/ (production board); Ctrl-C stops it"
  wait "$SERVER_PID"
}

secret_key() {
  [ -s "$DATA/secret_key" ] || python -c 'import secrets; print(secrets.token_urlsafe(50))' > "$DATA/secret_key"
  cat "$DATA/secret_key"
}

# The dashboard extension (dashboard_extension/): npm ci when the lock file
# changed, a Vite build into dist/ when a source changed. Needs Node.js 20+.
setup_dashboard() {
  local dir="$ROOT/dashboard_extension" stamp major
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js 20+ with npm is required to build the dashboard extension." >&2
    exit 1
  fi
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "Node.js 20+ is required to build the dashboard extension (found $(node -v))." >&2
    exit 1
  fi
  stamp="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -c1-16)"
  if [ ! -d "$dir/node_modules" ] || [ "$(cat "$DATA/dashboard.installed" 2>/dev/null)" != "$stamp" ]; then
    say "installing the dashboard extension's npm packages (npm ci)"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$stamp" > "$DATA/dashboard.installed"
  fi
  stamp="$(cd "$dir" && find src index.html vite.config.ts tsconfig.json package-lock.json \
    -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)"
  if [ ! -f "$dir/dist/index.html" ] || [ "$(cat "$DATA/dashboard.built" 2>/dev/null)" != "$stamp" ]; then
    say "building the dashboard extension (vite build)"
    (cd "$dir" && npm run build --silent)
    echo "$stamp" > "$DATA/dashboard.built"
  fi
}

# Debian's chromium for the dashboard's end-to-end tests (Playwright drives it
# through its executablePath; a Playwright browser download cannot work here).
setup_chromium() {
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    command -v chromium >/dev/null 2>&1 || apt_install chromium
    CHROMIUM_PATH="$(command -v chromium)"
  fi
  export CHROMIUM_PATH
}

# Until $1 answers (an HTTP URL), while the process $2 runs; at most 300 s.
wait_for_health() {  # url pid
  python - "$1" "$2" <<'EOF'
import os
import sys
import time
import urllib.request

url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 300
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("the server exited")
    try:
        urllib.request.urlopen(url, timeout=2)
        sys.exit(0)
    except OSError:
        time.sleep(0.5)
sys.exit("no answer at %s after 300 s" % url)
EOF
}
