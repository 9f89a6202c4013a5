"""Packaging: the metadata is in setup.cfg; the dependencies are here because
they include the host's release pins, read from requirements/saleor-2.10.1.txt.

Saleor 2.10.1's own metadata gives ranges that admit newer releases it does
not run with (graphene 2.1.9 clashes with its Decimal scalar), so `pip install
.` with no flags installs exactly the versions Saleor was released with."""

from pathlib import Path

from setuptools import setup

HOST_PINS = Path(__file__).resolve().parent / "requirements" / "saleor-2.10.1.txt"
# The application server is the shop's choice, not a library the plugin needs.
NOT_LIBRARIES = ("uwsgi",)


def host_pins():
    pins = []
    for line in HOST_PINS.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.lower().startswith(NOT_LIBRARIES):
            pins.append(line)
    return pins


setup(
    install_requires=[
        "saleor==2.10.1",
        # Spec patterns are merchants' regular expressions run on buyers'
        # input: RE2 runs in linear time, so no input can make a pattern run away.
        "google-re2==1.1.20240702",
        # Uploaded design files are checked by content (magic numbers), in pure
        # Python with no system library.
        "filetype==1.2.0",
    ]
    + host_pins()
)
