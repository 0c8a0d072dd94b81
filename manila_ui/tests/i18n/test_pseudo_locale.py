"""Every page of ours, rendered in a pseudo-locale whose catalog turns each letter of our
translations into a look-alike (catalogs.pseudo), shows none of our strings in plain
ASCII: a string that is, was not marked for translation (or was translated once, at
import). Logged in as demo (Project) and admin (Admin), with a share (snapshot, rule,
metadata, backup), a share network with a security service and a share server, a share
group with a snapshot and a QoS type to show; every index page, then every page of ours
they link to (details, tabs, forms)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.i18n import catalogs
from manila_ui.tests.i18n import unmarked

PSEUDO = "en-xa"
# Pages of Horizon that carry a part of ours (the share quotas' tab and step).
HOSTED = {"admin": ["horizon:admin:defaults:index", "horizon:admin:defaults:update_defaults"],
          "project": []}
MAX_PAGES = 400


@pytest.fixture
def pseudo_locale(settings: Any, tmp_path: Path) -> Iterator[str]:
    """Django speaks the pseudo-locale, from our templates (.pot) as they are now."""
    catalogs.write_pseudo(tmp_path, PSEUDO)
    settings.LOCALE_PATHS = [str(tmp_path), *settings.LOCALE_PATHS]
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    yield PSEUDO


@pytest.fixture
def seeded(networks_of: Any, shares_of: Any, groups_of: Any,
           manila: Any) -> Iterator[dict[str, Any]]:
    """What the pages show: demo's share with a snapshot, a rule, metadata and a backup;
    a share network with a security service and a share on it (so a share server); a
    share group with a group snapshot; a QoS type."""
    demo = shares_of("demo")
    share = demo.create(name=unique("i18n"), metadata={"tier": "gold"})
    nets = networks_of("demo")
    network = nets.create()
    service = nets.service("ldap")
    demo.manila.share_networks.add_security_service(network.id, service.id)
    served = demo.create(name=unique("served"), share_type="dhss_true",
                         share_network=network.id)
    groups = groups_of("demo")
    group = groups.create()
    groups.snapshot(group.id)
    demo.wait(share.id)
    demo.manila.shares.allow(share.id, "ip", "10.0.0.0/24", "rw")
    demo.backup(share.id)  # Manila backs up only a share without snapshots
    demo.wait(share.id)
    demo.snapshot(share.id)
    demo.wait(served.id)
    qos = manila("admin").qos_types.create(unique("i18n-qos"))
    yield {"share": share, "network": network, "service": service, "served": served,
           "group": group}
    manila("admin").qos_types.delete(qos)


def our_panels(dashboard: str) -> list[str]:
    import horizon

    return [panel.get_absolute_url()
            for panel in horizon.get_dashboard(dashboard).get_panels()
            if type(panel).__module__.startswith("manila_ui.")]


def is_ours(path: str) -> bool:
    """A page that a view of manila_ui serves."""
    from django.urls import Resolver404
    from django.urls import resolve

    try:
        view = resolve(path).func
    except Resolver404:
        return False
    return getattr(view, "view_class", view).__module__.startswith("manila_ui.")


def where(page: str, text: str) -> str:
    """The HTML around the first place ``page`` shows ``text``."""
    import html
    import re

    at = max(page.find(text), page.find(html.escape(text)))
    return re.sub(r"\s+", " ", page[max(at - 160, 0):at + len(text) + 60]) if at >= 0 else "?"


def crawl(client: Any, seeds: list[str], shown: dict[str, str]) -> dict[str, list[str]]:
    """Each page of ours reachable from ``seeds``, GET only: url -> the strings of ours
    it shows untranslated."""
    import re

    found: dict[str, list[str]] = {}
    queue = list(dict.fromkeys(seeds))
    while queue and len(found) < MAX_PAGES:
        url = queue.pop(0)
        if url in found:
            continue
        response = client.get(url, follow=True)
        assert response.status_code == 200, f"{url}: HTTP {response.status_code}"
        page = response.content.decode()
        found[url] = unmarked.unmarked(page)
        for text in found[url]:
            shown.setdefault(text, f"{url}: {where(page, text)}")
        for href in re.findall(r'href="([^"#]+)"', page):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.netloc or not is_ours(parts.path):
                continue
            if parts.query and not re.fullmatch(r"tab=[\w-]+", parts.query):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in found:
                queue.append(target)
    return found


def test_every_page_of_ours_shows_only_translated_strings(
        pseudo_locale: str, seeded: dict[str, Any], demo_client: Any, admin_client: Any,
        os_session: Any) -> None:
    demo_project = os_session("demo").get_project_id()
    pages: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for dashboard, client in (("project", demo_client), ("admin", admin_client)):
        client.cookies["horizon_language"] = pseudo_locale
        panels = our_panels(dashboard)
        assert panels, f"no panel of ours in {dashboard}"
        seeds = [*panels, *(reverse(name) for name in HOSTED[dashboard])]
        if dashboard == "admin":
            seeds.append(reverse("horizon:identity:projects:update_quotas",
                                 args=(demo_project,)))
        pages |= crawl(client, seeds, shown)
    # Seen in the pseudo-locale at all: our panel names are translated on every page.
    assert len(pages) > 30, sorted(pages)
    bad = {url: strings for url, strings in pages.items() if strings}
    report = "\n".join(f"{text!r} first on {context}" for text, context in sorted(shown.items()))
    assert not bad, (f"untranslated strings of ours on {len(bad)} of {len(pages)} pages:\n"
                     f"{report}")
