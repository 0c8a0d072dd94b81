"""Pages about different objects, asked for at the same moment by different
users, each link and post only to their own object.

Horizon serves requests on threads (the ``live_horizon`` fixture runs it
under gunicorn as ``make run`` does: one worker, several threads) and keeps
one instance of each table's actions per process: an action that built its
links from state bound to it by another request's page once sent a user to
the Add Rule form of someone else's share. Here several logged-in clients
(plain HTTP, as browsers) ask in parallel, many times over, for the pages of
shares and share networks of three projects, and every page is checked:
each seeded object's id that appears in the page's links, forms and refresh
URLs must be the page's own object (or a child of it, such as one of its
rules), and the Create buttons' refresh URLs must be the page's own.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import html as html_lib
import logging
import os
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards import helpers
from manila_ui.tests.dashboards import network_helpers

USERS = ("demo", "alt_demo", "admin")
SESSIONS_PER_USER = 3
# Passes over each client's pages (MANILA_UI_CONCURRENCY_ROUNDS to soak).
ROUNDS = int(os.environ.get("MANILA_UI_CONCURRENCY_ROUNDS", "6"))
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
URL_ATTR_RE = re.compile(r'\b(?:href|action|data-url|data-update-url)="([^"]*)"')
CREATE_RE = r'id="{table}__action_create"[^>]*data-update-url="([^"]*)"'
CREATE_RE_BEFORE = r'data-update-url="([^"]*)"[^>]*id="{table}__action_create"'
LOG = logging.getLogger(__name__)


@dataclasses.dataclass
class Page:
    """A page of one user, and what its links may name."""

    user: str
    path: str
    own: frozenset[str]           # seeded ids the page may name
    must_name: str                # an id its links must name (the page rendered)
    create_table: str | None = None  # a table whose Create button refreshes here


@dataclasses.dataclass
class Seeded:
    pages: list[Page]
    ids: frozenset[str]


@pytest.fixture(scope="module")
def seeded(manila: Any) -> Iterator[Seeded]:
    """Per user: two shares with a rule each, and a share network."""
    share_makers = helpers.shares_per_user(manila)
    shares_of = next(share_makers)
    network_makers = network_helpers.networks_per_user(manila)
    networks_of = next(network_makers)
    pages: list[Page] = []
    everything: set[str] = set()
    try:
        for user in USERS:
            shares = shares_of(user)
            made = [shares.create(name=helpers.unique(f"conc-{user}")) for _ in range(2)]
            network = networks_of(user).create()
            subnets = {subnet["id"] for subnet in
                       shares.manila.share_networks.get(network.id).share_network_subnets}
            mine: set[str] = {network.id, *subnets}
            for share in made:
                shares.wait(share.id)
                rule = shares.manila.shares.allow(share.id, "ip", "10.9.0.0/24", "rw")
                own = frozenset({share.id, rule["id"]})
                mine |= own
                pages.append(Page(user, reverse("horizon:project:share_rules:rules",
                                                args=(share.id,)), own, share.id))
                pages.append(Page(user, reverse("horizon:project:shares:detail",
                                                args=(share.id,)), own, share.id))
            network_page = reverse("horizon:project:share_networks:detail",
                                   args=(network.id,))
            pages.append(Page(user, network_page,
                              frozenset({network.id, *subnets}), network.id))
            # Its Subnets tab loads on a click; a link to it opens it loaded.
            pages.append(Page(user, network_page + "?tab=share_network_details__subnets",
                              frozenset({network.id, *subnets}), min(subnets)))
            index_owns = frozenset(mine)
            pages.append(Page(user, reverse("horizon:project:shares:index"), index_owns,
                              made[0].id, create_table="shares"))
            pages.append(Page(user, reverse("horizon:project:share_networks:index"),
                              index_owns, network.id, create_table="share_networks"))
            everything |= mine
        yield Seeded(pages, frozenset(everything))
    finally:
        next(share_makers, None)
        next(network_makers, None)


def _problems(page: Page, status: int, body: str, seeded_ids: frozenset[str]) -> list[str]:
    if status != 200:
        return [f"HTTP {status}"]
    urls = [html_lib.unescape(url) for url in URL_ATTR_RE.findall(body)]
    named = {found for url in urls for found in UUID_RE.findall(url)}
    found = []
    foreign = (named & seeded_ids) - page.own
    if foreign:
        found.append(f"links name other objects: {sorted(foreign)}")
    if page.must_name not in named:
        found.append(f"no link names {page.must_name}")
    if page.create_table:
        match = (re.search(CREATE_RE.format(table=page.create_table), body)
                 or re.search(CREATE_RE_BEFORE.format(table=page.create_table), body))
        expected = f"{page.path}?action=create&table={page.create_table}"
        refresh = html_lib.unescape(match.group(1)) if match else None
        if refresh != expected:
            found.append(f"Create refreshes from {refresh!r}, not {expected!r}")
    return found


def _client(base_url: str, user: str, pages: list[Page], seed: int,
            seeded_ids: frozenset[str]) -> list[tuple[Page, list[str]]]:
    web = helpers.web_session(base_url, user)
    order = random.Random(seed)
    results = []
    for _round in range(ROUNDS):
        mine = [page for page in pages if page.user == user]
        order.shuffle(mine)
        for page in mine:
            response = web.get(base_url + page.path, timeout=120)
            results.append((page, _problems(page, response.status_code, response.text,
                                            seeded_ids)))
    return results


def test_parallel_pages_link_only_to_their_own_object(live_horizon, seeded,
                                                      record_property):
    clients = [(user, n) for user in USERS for n in range(SESSIONS_PER_USER)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(clients)) as pool:
        futures = [pool.submit(_client, live_horizon, user, seeded.pages, 1000 * i + n,
                               seeded.ids)
                   for i, (user, n) in enumerate(clients)]
        results = [item for future in futures for item in future.result()]
    wrong = [(page, problems) for page, problems in results if problems]
    summary = (f"{len(results)} pages checked ({len(clients)} clients x {ROUNDS} rounds), "
               f"{len(wrong)} wrong ({100 * len(wrong) / len(results):.1f} %)")
    record_property("concurrent_pages", summary)
    LOG.warning(summary)
    assert len(wrong) == 0, summary + "; e.g.\n" + "\n".join(
        f"{page.user} {page.path}: {'; '.join(problems)}" for page, problems in wrong[:8])
