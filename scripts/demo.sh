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

stop_demo_together
start_demo_worker "$ADDR" celery

# The server: uWSGI's HTTP router (keep-alive) in front of PROCESSES worker
# processes of THREADS threads. Each thread keeps at most one database
# connection, so the server never holds more than PROCESSES x THREADS. With
# DEBUG off Django serves no files: uWSGI serves the board's assets, Saleor's
# static images and the uploaded media; what it does not find goes on to
# Django (the board's own view answers its client-side routes).
SERVER_LOG="$DATA/server-${ADDR//[^A-Za-z0-9.]/-}.log"
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
serve_demo_until_stopped "$ADDR" "$SERVER_LOG"
