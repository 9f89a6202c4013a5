"""`pip install .` in a clean Python 3.8 virtualenv gives a working host:
the package's migrations apply with django-admin, its templates ship, and so
does the built production board (the Saleor App a dashboard installs)."""

import os
import subprocess
import sys

import psycopg2
import pytest
from django.db import connection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE = "openorder_packaging_check_%s" % os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def run(args, **kwargs):
    result = subprocess.run(
        args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return result.stdout


@pytest.fixture
def empty_database():
    db = connection.settings_dict
    params = dict(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
    )
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
        cursor.execute('CREATE DATABASE "%s"' % DATABASE)
    yield "postgres://%s@%s:%s/%s" % (
        params["user"],
        params["host"],
        params["port"],
        DATABASE,
    )
    with admin.cursor() as cursor:
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
    admin.close()


def clean_venv(path):
    python = os.path.join(sys.base_prefix, "bin", "python3.8")
    run([python, "-m", "venv", str(path)])
    return [
        str(path / "bin" / "python"),
        "-m",
        "pip",
        "--disable-pip-version-check",
        "-q",
    ]


def serves_the_api(venv, env, cwd):
    """Django starts from the installed package, GET /graphql/ answers and
    the board is served from the package itself."""
    check = run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import os, django; django.setup();"
            "import openorder_plugin, sys; assert 'site-packages' in openorder_plugin.__file__;"
            "from django.test import Client;"
            "from django.conf import settings;"
            "assert settings.OPENORDER_DASHBOARD_DIST.startswith("
            "os.path.dirname(openorder_plugin.__file__)), settings.OPENORDER_DASHBOARD_DIST;"
            "c = Client(HTTP_HOST='127.0.0.1');"
            "assert c.get('/dashboard-extension/jobs/1').status_code == 200;"
            "r = c.get('/graphql/'); print(r.status_code)",
        ],
        env=env,
        cwd=cwd,
    )
    return check.strip().splitlines()[-1] == "200"


def test_pip_install_and_the_wheel_in_clean_venvs_then_migrate(
    tmp_path, empty_database
):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="openorder_plugin.saleor2.settings",
        SECRET_KEY="packaging-check",
        DATABASE_URL=empty_database,
    )
    # `pip install .` exactly, with no flags or constraints.
    source = tmp_path / "from-source"
    pip = clean_venv(source)
    run(pip + ["install", ROOT], cwd=str(tmp_path))
    admin = str(source / "bin" / "django-admin")
    # Run from elsewhere so only the installed package can be imported.
    out = run([admin, "migrate", "--no-input"], env=env, cwd=str(tmp_path))
    assert "openorder.0001_initial... OK" in out
    assert serves_the_api(source, env, str(tmp_path))
    run([admin, "openorder_compilemessages", "--check"], env=env, cwd=str(tmp_path))

    # The built wheel, installed exactly as a shop would.
    wheels = tmp_path / "wheels"
    run(pip + ["wheel", "--no-deps", "-w", str(wheels), ROOT], cwd=str(tmp_path))
    (wheel,) = list(wheels.glob("openorder_plugin-*.whl"))
    built = tmp_path / "from-wheel"
    run(clean_venv(built) + ["install", str(wheel)], cwd=str(tmp_path))
    assert serves_the_api(built, env, str(tmp_path))
