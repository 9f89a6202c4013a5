"""Packaging: the metadata is in setup.cfg; the dependencies are here because
they include the host's release pins, read from requirements/saleor-2.10.1.txt.

One package serves both hosts, told apart by their Python:
- Saleor 2.10.1 runs only on Python 3.8, and is the only Saleor on PyPI. There
  `pip install .` brings Saleor itself with exactly the versions it was
  released with: its own metadata gives ranges that admit newer releases it
  does not run with (graphene 2.1.9 clashes with its Decimal scalar).
- Saleor 3.23 runs on Python 3.12 and is installed from its source, with its
  own lock file. There the package adds only its own libraries, and its
  `saleor.plugins` entry points (setup.cfg) register the Saleor 3 plugins.

The package carries the built production board (dashboard_extension/dist, as
`openorder_plugin/board/`), so an installed shop serves it and its Saleor App;
build it before packaging (the demo and test commands do)."""

import shutil
import warnings
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
REQUIREMENTS = ROOT / "requirements"
BUILT_BOARD = ROOT / "dashboard_extension" / "dist"
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


class build_py_with_board(build_py):
    """Puts the built board into the package being built."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install serves the checkout's own build
        if not (BUILT_BOARD / "index.html").is_file():
            warnings.warn(
                "dashboard_extension/dist is not built, so this package carries no "
                "production board: run `npm ci && npm run build` in "
                "dashboard_extension first."
            )
            return
        target = Path(self.build_lib) / "openorder_plugin" / "board"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(BUILT_BOARD, target)


setup(
    cmdclass={"build_py": build_py_with_board},
    install_requires=["saleor==2.10.1" + ON_SALEOR2]
    + pins(PLUGIN_PINS)
    + pins(HOST_PINS, ON_SALEOR2),
)
