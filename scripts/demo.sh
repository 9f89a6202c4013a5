#!/usr/bin/env bash
# Sets everything up and runs the demo shop at http://127.0.0.1:8000/graphql/.
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

if [ -n "${CELERY_BROKER_URL:-}" ]; then
  setup_redis
  say "starting a Celery worker and beat on $CELERY_BROKER_URL"
  celery -A saleor.celeryconf:app worker --beat --loglevel=INFO \
    --schedule "$DATA/celerybeat-schedule" > "$DATA/celery.log" 2>&1 &
  trap 'kill %1 2>/dev/null' EXIT
fi

ADDR="${OPENORDER_DEMO_ADDR:-127.0.0.1:8000}"
say "serving http://$ADDR/graphql/ (API explorer) and http://$ADDR/dashboard-extension/ (production board)"
django-admin runserver "$ADDR" --noreload
