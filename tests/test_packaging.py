"""`pip install .` in a clean Python 3.8 virtualenv gives a working host:
the package's migrations apply with django-admin and its templates ship."""
import os
import subprocess
import sys

import psycopg2
import pytest
from django.db import connection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATABASE = "openorder_packaging_check_%s" % os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def run(args, **kwargs):
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)
    assert result.returncode == 0, result.stdout[-3000:]
    return result.stdout


@pytest.fixture
def empty_database():
    db = connection.settings_dict
    params = dict(host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432, user=db["USER"] or "postgres")
    admin = psycopg2.connect(dbname="postgres", **params)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
        cursor.execute('CREATE DATABASE "%s"' % DATABASE)
    yield "postgres://%s@%s:%s/%s" % (params["user"], params["host"], params["port"], DATABASE)
    with admin.cursor() as cursor:
        cursor.execute('DROP DATABASE IF EXISTS "%s"' % DATABASE)
    admin.close()


def test_pip_install_in_a_clean_venv_then_migrate(tmp_path, empty_database):
    python = os.path.join(sys.base_prefix, "bin", "python3.8")
    venv = tmp_path / "venv"
    run([python, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    run(pip + ["install", "pip<24.1"])
    run(
        pip + ["install", "-c", os.path.join(ROOT, "requirements", "saleor-2.10.1.txt"),
               "braintree==3.49.0", ROOT],
        cwd=str(tmp_path),
    )
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="openorder_plugin.settings",
        SECRET_KEY="packaging-check",
        DATABASE_URL=empty_database,
    )
    admin = str(venv / "bin" / "django-admin")
    # Run from elsewhere so only the installed package can be imported.
    out = run([admin, "migrate", "--no-input"], env=env, cwd=str(tmp_path))
    assert "openorder.0001_initial... OK" in out
    check = run(
        [str(venv / "bin" / "python"), "-c",
         "import django; django.setup();"
         "import openorder_plugin, sys; assert 'site-packages' in openorder_plugin.__file__;"
         "from django.test import Client;"
         "r = Client().get('/graphql/', HTTP_HOST='127.0.0.1'); print(r.status_code)"],
        env=env, cwd=str(tmp_path),
    )
    assert check.strip().splitlines()[-1] == "200"
