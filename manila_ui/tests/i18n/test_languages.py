"""A user who picks German or Japanese in Horizon reads our pages in it: Django finds
the compiled catalogs of the installed app (the checkout's, compiled by the editable
install or `make messages`; the wheel's are checked in tests/operator/test_wheel.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

EXPECTED = {
    "de": ("Freigaben", "Freigabe erstellen", "Freigabe-Snapshots"),
    "ja": ("ファイル共有", "ファイル共有の作成", "ファイル共有スナップショット"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_shares_page_speaks_the_users_language(demo_client: Any, language: str) -> None:
    demo_client.cookies["horizon_language"] = language
    page = demo_client.get(reverse("horizon:project:shares:index")).content.decode()
    for text in EXPECTED[language]:
        assert text in page, f"{text!r} not on the {language} page"
    assert "Create Share" not in page


def test_english_stays_english(demo_client: Any) -> None:
    demo_client.cookies["horizon_language"] = "en"
    page = demo_client.get(reverse("horizon:project:shares:index")).content.decode()
    assert "Create Share" in page and "Freigabe" not in page


def test_our_javascript_strings_come_in_the_users_language(demo_client: Any) -> None:
    """Horizon's JavaScript catalog of the page names our app, and serves our djangojs
    catalog in German."""
    import re

    demo_client.cookies["horizon_language"] = "de"
    page = demo_client.get(reverse("horizon:project:shares:index")).content.decode()
    found = re.search(r'src="(/i18n/js/([^"/]+)/)"', page)
    assert found, "no JavaScript catalog on the page"
    assert "manila_ui" in found.group(2).split("+")
    catalog = demo_client.get(found.group(1)).content.decode()
    assert "In die Zwischenablage kopiert" in catalog
