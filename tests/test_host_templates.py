"""Host fidelity: Saleor's own templates come first; the plugin's copies of
Saleor's e-mails and API explorer are only a fallback where the host lacks
them (the PyPI wheel ships no templates)."""

import copy
import os

from saleor import settings as saleor_settings

from django.conf import settings
from django.template.loader import get_template
from django.test import override_settings


def origin(name):
    return get_template(name).origin.name


def test_the_plugins_copies_fill_in_for_the_wheel():
    assert "openorder_plugin/templates" in origin(
        "templated_email/order/confirm_order.email"
    )
    assert "openorder_plugin/templates" in origin("graphql/playground.html")


def test_saleors_own_templates_win_when_the_host_has_them(tmp_path):
    # What Saleor installed from source has: its top-level templates/.
    saleor_templates = tmp_path / "templates"
    for name in (
        "templated_email/order/confirm_order.email",
        "graphql/playground.html",
    ):
        path = saleor_templates / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{% block subject %}Saleor's own{% endblock %}")
    # The host's settings as they are, with Saleor's templates folder present.
    saleor_dir = os.path.join(saleor_settings.PROJECT_ROOT, "templates")
    templates = copy.deepcopy(settings.TEMPLATES)
    assert saleor_dir in templates[0]["DIRS"]
    templates[0]["DIRS"] = [
        str(saleor_templates) if d == saleor_dir else d for d in templates[0]["DIRS"]
    ]

    with override_settings(TEMPLATES=templates):
        assert origin("templated_email/order/confirm_order.email").startswith(
            str(saleor_templates)
        )
        assert origin("graphql/playground.html").startswith(str(saleor_templates))
        # The plugin's own e-mails are still found.
        assert "openorder_plugin/templates" in origin(
            "templated_email/openorder/en/stage_changed.email"
        )
