"""One migration set for every host: the first migration builds on the
running host's own migrations (no database needed to tell which)."""

from openorder_plugin.migrations._host import HOST_ANCHORS, host_dependencies


def test_saleor_2_10_is_recognised_by_its_migrations():
    assert host_dependencies() == HOST_ANCHORS["Saleor 2.10"]


def test_the_newest_host_is_tried_first():
    # Saleor 3.23 still ships 2.10's migrations: trying 2.10 first would
    # build the plugin's tables before 3.23 turned order keys into UUIDs.
    assert list(HOST_ANCHORS) == ["Saleor 3.23", "Saleor 2.10"]
