#!/usr/bin/env bash
# Sets everything up and runs the demo shop at http://127.0.0.1:8000/graphql/,
# served as a shop is: uWSGI (a few processes of a few threads, so a bounded
# number of database connections), DEBUG off, with a Celery worker and beat
# for the tasks and the periodic work, and a few orders at different points.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

setup_python
setup_postgres
create_database
setup_dashboard
export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"

ADDR="${OPENORDER_DEMO_ADDR:-127.0.0.1:8000}"
PROCESSES="${OPENORDER_DEMO_PROCESSES:-4}"
THREADS="${OPENORDER_DEMO_THREADS:-2}"
# Safe by default: no debug pages or tracebacks to callers. Saleor then wants
# the storefronts it may send buyers' links to: the ones on this machine.
export DEBUG=False
export ALLOWED_CLIENT_HOSTS="${ALLOWED_CLIENT_HOSTS:-localhost,127.0.0.1,[::1]}"
export MEDIA_ROOT="${MEDIA_ROOT:-$DATA/media}"
mkdir -p "$MEDIA_ROOT"

# Everything below reads CELERY_BROKER_URL: the demo's orders and the server
# send their tasks there, the worker runs them and beat's periodic ones.
setup_demo_broker

say "migrating the database"
django-admin migrate --no-input -v 0
say "loading the demo shop and its orders"
django-admin openorder_demo --orders

WORKER_PID="" SERVER_PID=""
stop_demo() {
  trap - EXIT
  trap '' INT TERM
  # Both at once. uWSGI's master stops its workers and HTTP router
  # (--die-on-term; a worker gets --worker-reload-mercy seconds). The Celery
  # worker's is a warm shutdown (running tasks finish, beat saves its
  # schedule); what is left of its process group after 15 s is killed.
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$WORKER_PID" ]; then
    kill -TERM "$WORKER_PID" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 -- "-$WORKER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$WORKER_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_PID" ]; then wait "$SERVER_PID" 2>/dev/null || true; fi
}
trap stop_demo EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One worker directory per demo address: its log, beat's schedule, its pid.
SLUG="${ADDR//[^A-Za-z0-9.]/-}"
WORKER_DIR="$DATA/worker-$SLUG"
mkdir -p "$WORKER_DIR"
say "starting a Celery worker and beat on $CELERY_BROKER_URL (log: ${WORKER_DIR#"$ROOT/"}/celery.log)"
# In its own process group: a Ctrl-C reaches the script, which stops it.
setsid celery -A saleor.celeryconf:app worker --beat --concurrency=2 --loglevel=INFO \
  --schedule "$WORKER_DIR/beat-schedule" --pidfile "$WORKER_DIR/worker.pid" \
  > "$WORKER_DIR/celery.log" 2>&1 < /dev/null &
WORKER_PID=$!

# The server: uWSGI's HTTP router (keep-alive) in front of PROCESSES worker
# processes of THREADS threads. Each thread keeps at most one database
# connection, so the server never holds more than PROCESSES x THREADS. With
# DEBUG off Django serves no files: uWSGI serves the board's assets, Saleor's
# static images and the uploaded media; what it does not find goes on to
# Django (the board's own view answers its client-side routes).
SERVER_LOG="$DATA/server-$SLUG.log"
SALEOR_DIR="$(python -c 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("saleor").origin))')"
BOARD_DIST="${OPENORDER_DASHBOARD_DIST:-$ROOT/dashboard_extension/dist}"
: > "$SERVER_LOG"
say "starting uWSGI on $ADDR: $PROCESSES processes x $THREADS threads (log: ${SERVER_LOG#"$ROOT/"})"
uwsgi --http "$ADDR" --http-keepalive \
  --module saleor.wsgi:application --master --lazy-apps --need-app --die-on-term \
  --processes "$PROCESSES" --threads "$THREADS" --harakiri 60 --buffer-size 32768 \
  --worker-reload-mercy 10 --reload-mercy 10 --single-interpreter \
  --static-map "/dashboard-extension/assets=$BOARD_DIST/assets" \
  --static-map "/static/images=$SALEOR_DIR/static/images" \
  --static-map "/media=$MEDIA_ROOT" \
  --disable-logging --ignore-sigpipe --ignore-write-errors --disable-write-exception \
  --logto "$SERVER_LOG" < /dev/null &
SERVER_PID=$!
# Saleor's WSGI application answers /health/ once a worker has loaded it.
if ! wait_for_health "http://${ADDR/#0.0.0.0:/127.0.0.1:}/health/" "$SERVER_PID"; then
  echo "The server did not start; the end of ${SERVER_LOG#"$ROOT/"}:" >&2
  tail -n 40 "$SERVER_LOG" >&2
  exit 1
fi

say "serving http://$ADDR/graphql/ (API explorer) and http://$ADDR/dashboard-extension/ (production board)"
# In the background so that a signal to the script alone also stops it.
wait "$SERVER_PID"
