# Sourced by scripts/test-saleor3.sh and scripts/demo-saleor3.sh (after
# setup.sh): uses a Saleor 3.23 environment that someone already has. This
# project never builds one; Saleor's own docs say how.
#   OPENORDER_SALEOR3_PYTHON  that environment's Python, with Saleor's
#                             dependencies (e.g. <source>/.venv/bin/python)
#   OPENORDER_SALEOR3_SOURCE  its source tree (holds manage.py and saleor/)

SALEOR3_SKIP_LINE="Saleor 3.23: skipped (set OPENORDER_SALEOR3_PYTHON and OPENORDER_SALEOR3_SOURCE to a Saleor 3.23 environment to run the API-level suite on it too)"

saleor3_named() {
  [ -n "${OPENORDER_SALEOR3_PYTHON:-}" ] && [ -n "${OPENORDER_SALEOR3_SOURCE:-}" ]
}

saleor3_check() {
  local version
  if [ ! -x "$OPENORDER_SALEOR3_PYTHON" ]; then
    echo "OPENORDER_SALEOR3_PYTHON ($OPENORDER_SALEOR3_PYTHON) is not an executable Python." >&2
    exit 1
  fi
  if [ ! -f "$OPENORDER_SALEOR3_SOURCE/saleor/__init__.py" ]; then
    echo "OPENORDER_SALEOR3_SOURCE ($OPENORDER_SALEOR3_SOURCE) holds no saleor/ package." >&2
    exit 1
  fi
  version="$(cd "$OPENORDER_SALEOR3_SOURCE" && "$OPENORDER_SALEOR3_PYTHON" -c \
    'import saleor; print(saleor.__version__)' 2>/dev/null || true)"
  case "$version" in
    3.23.*) ;;
    *)
      echo "The Saleor in $OPENORDER_SALEOR3_SOURCE is '${version:-unreadable}'; openorder's Saleor 3 adapter is for 3.23." >&2
      exit 1
      ;;
  esac
}

# The plugin as `pip install .` would put it in that environment, without
# changing it: the package's metadata (its `saleor.plugins` entry points,
# which is how Saleor 3 finds plugins) unpacked from its wheel into
# .data/saleor3-site, beside the plugin's libraries where the environment
# lacks them. The code itself is read from this checkout (first on the path),
# as with `pip install -e .`.
saleor3_site() {
  local site="$DATA/saleor3-site" stamp wheels="$DATA/saleor3-wheel" missing=()
  stamp="$(cat setup.cfg setup.py requirements/plugin.txt "$OPENORDER_SALEOR3_PYTHON" 2>/dev/null | sha256sum | cut -c1-16)"
  mkdir -p "$DATA"
  # One run builds it at a time: two suites started together must not wipe
  # each other's copy.
  (
  flock 9
  if [ "$(cat "$site/.installed" 2>/dev/null)" != "$stamp" ]; then
    say "installing openorder's metadata and libraries for Saleor 3.23 (.data/saleor3-site)"
    rm -rf "$site" "$wheels"
    mkdir -p "$site"
    pip wheel -q --disable-pip-version-check --no-deps -w "$wheels" . >/dev/null
    python -m zipfile -e "$wheels"/openorder_plugin-*.whl "$site"
    rm -rf "$site/openorder_plugin"
    (cd "$OPENORDER_SALEOR3_SOURCE" && "$OPENORDER_SALEOR3_PYTHON" -c 'import re2') 2>/dev/null \
      || missing+=("$(grep -i '^google-re2' requirements/plugin.txt)")
    (cd "$OPENORDER_SALEOR3_SOURCE" && "$OPENORDER_SALEOR3_PYTHON" -c 'import filetype') 2>/dev/null \
      || missing+=("$(grep -i '^filetype' requirements/plugin.txt)")
    if [ "${#missing[@]}" -gt 0 ]; then
      pip install -q --disable-pip-version-check --no-deps --target "$site" \
        --only-binary=:all: --implementation cp \
        --python-version "$("$OPENORDER_SALEOR3_PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" \
        --platform "manylinux_2_28_$(uname -m)" --platform "manylinux2014_$(uname -m)" \
        "${missing[@]}"
    fi
    echo "$stamp" > "$site/.installed"
  fi
  ) 9>"$DATA/saleor3-site.lock"
  export PYTHONPATH="$ROOT:$site:$OPENORDER_SALEOR3_SOURCE"
}

# The database of the Saleor 3.23 runs: its own, beside the 2.10 one.
saleor3_database() {
  local base="${DATABASE_URL%/*}"
  export OPENORDER_SALEOR3_DATABASE_URL="${OPENORDER_SALEOR3_DATABASE_URL:-$base/openorder_saleor3}"
}
