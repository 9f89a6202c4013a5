#!/usr/bin/env bash
# Sets everything up and runs the whole test suite against the real Saleor,
# PostgreSQL and Redis. Extra arguments go to pytest (e.g. -k checkout).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

setup_python
setup_postgres
setup_redis
setup_dashboard
setup_chromium
export SECRET_KEY="${SECRET_KEY:-openorder-tests}"

say "ruff check and ruff format --check; ESLint (the board)"
ruff check --quiet .
ruff format --check --quiet .
(cd dashboard_extension && npm run lint --silent)

# The API-level suite on Saleor 3.23 too, when an environment is named (one
# line says it is skipped when none is).
"$ROOT/scripts/test-saleor3.sh"

say "running the tests"
exec pytest --create-db "$@"
