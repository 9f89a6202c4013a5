"""Running the dashboard extension's npm project and its browser scenarios
from pytest: the component tests (Vitest) and the end-to-end scenarios
(dashboard_extension/e2e/run.mjs, headless Debian chromium)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard_extension"


def require_node():
    assert shutil.which("node"), "Node.js 20+ is needed: run ./scripts/test.sh"
    assert (DASHBOARD / "node_modules").is_dir(), (
        "dashboard_extension/node_modules is missing: run ./scripts/test.sh "
        "(it runs npm ci)"
    )


def require_build():
    index = Path(settings.OPENORDER_DASHBOARD_DIST) / "index.html"
    assert index.is_file(), "the dashboard is not built: run ./scripts/test.sh"


def chromium_path():
    path = (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or "/usr/bin/chromium"
    )
    assert os.access(path, os.X_OK), (
        "Debian's chromium is needed for the browser tests: run ./scripts/test.sh "
        "(it installs it with apt-get)"
    )
    return path


def board_documents(host=None):
    """Every GraphQL document the board sends, as {name: document}
    (scripts/print-operations.mjs); with `host` ("saleor2" or "saleor3") only
    those meant for that host."""
    require_node()
    output = subprocess.check_output(
        ["node", "scripts/print-operations.mjs"], cwd=DASHBOARD, text=True, timeout=120
    )
    return {
        name: entry["document"]
        for name, entry in json.loads(output).items()
        if host is None or host in entry["hosts"]
    }


def invalid_documents(schema, documents):
    """The documents `schema` refuses, with its reasons: {name: [message]}."""
    from graphql import parse, validate

    problems = {
        name: [error.message for error in validate(schema, parse(document))]
        for name, document in documents.items()
    }
    return {name: errors for name, errors in problems.items() if errors}


def run_npm(*args, timeout=600):
    require_node()
    return subprocess.run(
        ["npm", *args],
        cwd=DASHBOARD,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ, CI="1", FORCE_COLOR="0", NO_COLOR="1"),
    )


def run_scenario(name, base_url, data, screenshots=None, timeout=240):
    """Runs one scenario of e2e/run.mjs; returns what the browser reported."""
    require_node()
    require_build()
    env = dict(
        os.environ,
        BASE_URL=base_url,
        E2E_INPUT=json.dumps(data),
        CHROMIUM_PATH=chromium_path(),
        E2E_SCREENSHOTS=str(screenshots or ""),
    )
    process = subprocess.run(
        ["node", "e2e/run.mjs", name],
        cwd=DASHBOARD,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    assert process.returncode == 0, "scenario %s failed:\n%s\n%s" % (
        name,
        process.stdout[-4000:],
        process.stderr[-4000:],
    )
    return json.loads(process.stdout.strip().splitlines()[-1])
