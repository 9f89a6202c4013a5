#!/usr/bin/env bash
# The benchmark: plain Saleor against Saleor with the openorder plugin, on the
# same data, through real HTTP. Options: ./bench/run.sh --help
# Uses its own database (openorder_bench) on the project's PostgreSQL; never
# the demo's. Results: the table on stdout and bench/results.json.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

setup_python
setup_postgres
export SECRET_KEY="${SECRET_KEY:-$(secret_key)}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
exec python -m bench.run "$@"
