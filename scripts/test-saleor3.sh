#!/usr/bin/env bash
# The API-level suite (tests/api) on a Saleor 3.23 environment that someone
# names (see scripts/saleor3.sh); scripts/test.sh runs it when one is named.
# Extra arguments go to pytest, e.g. -k checkout.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/saleor3.sh"

if ! saleor3_named; then
  echo "$SALEOR3_SKIP_LINE"
  exit 0
fi
saleor3_check
setup_python
setup_postgres
setup_redis
# The board documents tests read the board's own sources and packages.
setup_dashboard
saleor3_site
saleor3_database
DATABASE_URL="$OPENORDER_SALEOR3_DATABASE_URL" create_database
export SECRET_KEY="${SECRET_KEY:-openorder-tests}"
# Saleor fetches an app's manifest over HTTP and refuses loopback addresses
# unless told; the board's manifest is served by this very shop on loopback.
export HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS="${HTTP_IP_FILTER_ALLOW_LOOPBACK_IPS:-True}"

say "Saleor 3.23 ($OPENORDER_SALEOR3_SOURCE): the API-level suite"
# Saleor 3's 1,431 migrations take minutes: its test databases are kept
# between runs (--reuse-db still applies new migrations).
DATABASE_URL="$OPENORDER_SALEOR3_DATABASE_URL" \
  "$OPENORDER_SALEOR3_PYTHON" -m pytest tests/api \
  --ds=openorder_plugin.saleor3.settings --reuse-db "$@"
