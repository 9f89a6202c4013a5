#!/usr/bin/env bash
# Sets everything up and runs the demo shop at http://127.0.0.1:8000/graphql/,
# with a Celery worker and beat for the tasks and the periodic work.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

setup_python
setup_postgres
create_database
setup_dashboard
export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"

say "migrating the database"
django-admin migrate --no-input -v 0
say "loading the demo shop"
django-admin openorder_demo

ADDR="${OPENORDER_DEMO_ADDR:-127.0.0.1:8000}"

# The server and the worker both read CELERY_BROKER_URL: the server sends its
# tasks there, the worker runs them and beat's periodic ones.
setup_demo_broker

WORKER_PID="" SERVER_PID=""
stop_demo() {
  trap - EXIT
  trap '' INT TERM
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$WORKER_PID" ]; then
    # A warm shutdown (running tasks finish, beat saves its schedule); what
    # is left of the worker's process group after 15 s is killed.
    kill -TERM "$WORKER_PID" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 -- "-$WORKER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$WORKER_PID" 2>/dev/null || true
  fi
}
trap stop_demo EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One worker directory per demo address: its log, beat's schedule, its pid.
WORKER_DIR="$DATA/worker-${ADDR//[^A-Za-z0-9.]/-}"
mkdir -p "$WORKER_DIR"
say "starting a Celery worker and beat on $CELERY_BROKER_URL (log: ${WORKER_DIR#"$ROOT/"}/celery.log)"
# In its own process group: a Ctrl-C reaches the script, which stops it.
setsid celery -A saleor.celeryconf:app worker --beat --concurrency=2 --loglevel=INFO \
  --schedule "$WORKER_DIR/beat-schedule" --pidfile "$WORKER_DIR/worker.pid" \
  > "$WORKER_DIR/celery.log" 2>&1 < /dev/null &
WORKER_PID=$!

say "serving http://$ADDR/graphql/ (API explorer) and http://$ADDR/dashboard-extension/ (production board)"
# In the background so that a signal to the script alone also stops it.
django-admin runserver "$ADDR" --noreload &
SERVER_PID=$!
wait "$SERVER_PID"
