#!/usr/bin/env bash
# The demo shop on a Saleor 3.23 environment that someone names (see
# scripts/saleor3.sh), at http://127.0.0.1:8000/graphql/ (OPENORDER_DEMO_ADDR),
# served by Saleor 3's own ASGI application under uvicorn, with a Celery worker
# and beat (the plugin's tasks and periodic work). Its database is
# openorder_saleor3_demo beside the 2.10 demo's (OPENORDER_SALEOR3_DATABASE_URL
# chooses another); the first run applies Saleor's 1,431 migrations (minutes).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/saleor3.sh"

if ! saleor3_named; then
  echo "Set OPENORDER_SALEOR3_PYTHON and OPENORDER_SALEOR3_SOURCE to a Saleor 3.23 environment (see the README)." >&2
  exit 1
fi
saleor3_check
setup_python
setup_postgres
setup_dashboard
saleor3_site
export OPENORDER_SALEOR3_DATABASE_URL="${OPENORDER_SALEOR3_DATABASE_URL:-${DATABASE_URL%/*}/openorder_saleor3_demo}"
DATABASE_URL="$OPENORDER_SALEOR3_DATABASE_URL" create_database
export DATABASE_URL="$OPENORDER_SALEOR3_DATABASE_URL"
export DJANGO_SETTINGS_MODULE=openorder_plugin.saleor3.settings
export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"
export ALLOWED_CLIENT_HOSTS="${ALLOWED_CLIENT_HOSTS:-localhost,127.0.0.1,[::1]}"
export MEDIA_ROOT="${MEDIA_ROOT:-$DATA/media}"
# Saleor fetches an app's manifest over HTTP and refuses loopback addresses
# unless told; the board's manifest is served by this very shop on loopback.
export HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS="${HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS:-True}"
mkdir -p "$MEDIA_ROOT"
ADDR="${OPENORDER_DEMO_ADDR:-127.0.0.1:8000}"
PY="$OPENORDER_SALEOR3_PYTHON"

# The server and the demo load send their tasks to the broker; the worker
# runs them and beat's periodic ones (as in the Saleor 2.10 demo).
setup_demo_broker

say "migrating the database (Saleor 3.23 and openorder)"
"$PY" -m django migrate --no-input -v 0
say "loading the demo shop and its orders"
"$PY" -m django openorder_demo --domain "$ADDR" --orders

stop_demo_together
start_demo_worker "$ADDR" "$PY" -m celery

SERVER_LOG="$DATA/server-saleor3-${ADDR//[^A-Za-z0-9.]/-}.log"
: > "$SERVER_LOG"
say "starting uvicorn on $ADDR (log: ${SERVER_LOG#"$ROOT/"})"
(cd "$OPENORDER_SALEOR3_SOURCE" && exec "$PY" -m uvicorn saleor.asgi:application \
  --host "${ADDR%:*}" --port "${ADDR##*:}" --no-access-log) > "$SERVER_LOG" 2>&1 < /dev/null &
SERVER_PID=$!
serve_demo_until_stopped "$ADDR" "$SERVER_LOG"
