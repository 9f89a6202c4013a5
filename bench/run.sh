#!/usr/bin/env bash
# The benchmark: plain Saleor against Saleor with the openorder plugin, on the
# same data, through real HTTP. Options: ./bench/run.sh --help
#   ./bench/run.sh                 Saleor 2.10 (this project's .venv), uWSGI
#   ./bench/run.sh --host saleor3  the Saleor 3.23 named by
#                                  OPENORDER_SALEOR3_PYTHON and
#                                  OPENORDER_SALEOR3_SOURCE, uvicorn
# Uses its own database (openorder_bench, openorder_bench_saleor3) on the
# project's PostgreSQL; never the demo's or the tests'. Results: the table on
# stdout and bench/results.json (3.23: bench/results-saleor3.json).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
source "$ROOT/scripts/saleor3.sh"

saleor3=""
previous=""
for arg in "$@"; do
  case "$arg" in
    --host=saleor3) saleor3=1 ;;
    saleor3) [ "$previous" = "--host" ] && saleor3=1 ;;
  esac
  previous="$arg"
done

if [ -n "$saleor3" ] && ! saleor3_named; then
  echo "Saleor 3.23 bench: set OPENORDER_SALEOR3_PYTHON and OPENORDER_SALEOR3_SOURCE to a Saleor 3.23 environment (see the README)." >&2
  exit 1
fi
[ -z "$saleor3" ] || saleor3_check
setup_python
setup_postgres
export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"
if [ -n "$saleor3" ]; then
  # The plugin's metadata beside this checkout and Saleor's source, for the
  # Saleor 3 processes only (the bench itself runs in .venv).
  saved_path="${PYTHONPATH:-}"
  saleor3_site
  export OPENORDER_BENCH_SALEOR3_PYTHONPATH="$PYTHONPATH"
  PYTHONPATH="$saved_path"
fi
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
exec python -m bench.run "$@"
