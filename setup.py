"""Packaging: the metadata is in setup.cfg; the dependencies are here because
they include the host's release pins, read from requirements/saleor-2.10.1.txt.

One package serves both hosts, told apart by their Python:
- Saleor 2.10.1 runs only on Python 3.8, and is the only Saleor on PyPI. There
  `pip install .` brings Saleor itself with exactly the versions it was
  released with: its own metadata gives ranges that admit newer releases it
  does not run with (graphene 2.1.9 clashes with its Decimal scalar).
- Saleor 3.23 runs on Python 3.12 and is installed from its source, with its
  own lock file. There the package adds only its own libraries, and its
  `saleor.plugins` entry points (setup.cfg) register the Saleor 3 plugins."""

from pathlib import Path

from setuptools import setup

REQUIREMENTS = Path(__file__).resolve().parent / "requirements"
HOST_PINS = REQUIREMENTS / "saleor-2.10.1.txt"
PLUGIN_PINS = REQUIREMENTS / "plugin.txt"
# Saleor 2.10.1 declares python_requires >=3.8,<3.9.
ON_SALEOR2 = '; python_version < "3.9"'
# The application server is the shop's choice, not a library the plugin needs.
NOT_LIBRARIES = ("uwsgi",)


def pins(path, marker=""):
    found = []
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.lower().startswith(NOT_LIBRARIES):
            found.append(line + marker)
    return found


setup(
    install_requires=["saleor==2.10.1" + ON_SALEOR2]
    + pins(PLUGIN_PINS)
    + pins(HOST_PINS, ON_SALEOR2)
)
