"""A page of shares costs the same few backend calls with 1 share or 100,
and the pages chain with Horizon's prev/next links (server-side offsets).

Upstream makes N+5 calls on this page (one /limits per row).
"""

import re
import time

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import Shares
from manila_ui.tests.dashboards.helpers import restore_default_quotas
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:shares:index")
CREATE = reverse("horizon:project:shares:create")
SEEDED = 100
NEXT_RE = re.compile(r'<a href="\?(offset=\d+)">Next')
PREV_RE = re.compile(r'<a href="\?(offset=\d+)">&laquo;&nbsp;Prev')


@pytest.fixture(scope="module")
def crowded_project(manila, os_session):
    """alt_demo with 100 shares (quota raised by the admin for the module)."""
    project_id = os_session("alt_demo").get_project_id()
    admin = manila("admin")
    admin.quotas.update(project_id, shares=SEEDED + 50,
                        gigabytes=(SEEDED + 50) * 2, force=True)
    alt = Shares(manila("alt_demo"))
    prefix = unique("crowd")
    for i in range(SEEDED):
        alt.create(name=f"{prefix}-{i:03d}")
    yield alt
    alt.cleanup()
    restore_default_quotas(admin, project_id)


def count(backend_calls, client, url):
    with backend_calls() as calls:
        started = time.monotonic()
        response = client.get(url)
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    return calls.count, elapsed, response.content.decode(), calls.lines


def test_index_costs_at_most_3_calls_with_one_share(demo_client, shares_of,
                                                    backend_calls,
                                                    record_property):
    shares_of("demo").create()
    microversions.clear_cache()
    cold, cold_s, html, lines = count(backend_calls, demo_client, INDEX)
    assert row_ids(html)
    assert cold <= 3, lines  # version document + list + /limits
    warm, warm_s, _html, lines = count(backend_calls, demo_client, INDEX)
    assert warm <= 2, lines
    record_property("calls_1_share", f"cold={cold} warm={warm}")
    record_property("seconds_1_share", f"cold={cold_s:.3f} warm={warm_s:.3f}")


def test_index_costs_the_same_with_a_hundred_shares(alt_demo_client,
                                                    crowded_project,
                                                    backend_calls,
                                                    record_property):
    client = alt_demo_client
    microversions.clear_cache()
    cold, cold_s, html, lines = count(backend_calls, client, INDEX)
    assert len(row_ids(html)) == 20  # one page, not a hundred rows
    assert cold <= 3, lines
    warm, warm_s, _html, lines = count(backend_calls, client, INDEX)
    assert warm <= 2, lines
    record_property("calls_100_shares", f"cold={cold} warm={warm}")
    record_property("seconds_100_shares",
                    f"cold={cold_s:.3f} warm={warm_s:.3f}")


def test_next_and_prev_walk_every_share_once(alt_demo_client, crowded_project):
    client = alt_demo_client
    seen: list[str] = []
    pages = []
    query = ""
    while True:
        html = client.get(INDEX + query).content.decode()
        ids = row_ids(html)
        assert 0 < len(ids) <= 20
        pages.append((query, ids))
        seen.extend(ids)
        found = NEXT_RE.search(html)
        if not found:
            break
        query = "?" + found.group(1)
        assert len(pages) < 20, "pagination does not end"
    assert set(crowded_project.created) <= set(seen)
    assert len(seen) == len(set(seen)), "a share showed on two pages"

    # Prev from the second page leads back to the first page's rows.
    second_query, _ids = pages[1]
    html = client.get(INDEX + second_query).content.decode()
    prev = PREV_RE.search(html)
    assert prev and prev.group(1) == "offset=0"
    assert row_ids(client.get(INDEX + "?" + prev.group(1)).content.decode()) \
        == pages[0][1]
    # The first page has no Prev; the last has no Next.
    assert not PREV_RE.search(client.get(INDEX).content.decode())


def test_total_is_shown_when_the_server_counts(alt_demo_client,
                                              crowded_project):
    html = alt_demo_client.get(INDEX).content.decode()
    total = re.search(r'id="shares__total">\s*(\d+) shares in all', html)
    assert total and int(total.group(1)) >= SEEDED


def test_create_button_reflects_the_quota(alt_demo_client, crowded_project,
                                          manila, os_session):
    """The Create button turns "(Quota exceeded)" from one /limits call."""
    client = alt_demo_client
    html = client.get(INDEX).content.decode()
    assert "Quota exceeded" not in html
    project_id = os_session("alt_demo").get_project_id()
    used = len(crowded_project.created) + 5  # room for stragglers
    manila("admin").quotas.update(project_id, shares=1, force=True)
    try:
        html = client.get(INDEX).content.decode()
        button = re.search(r'<a[^>]*id="shares__action_create"[^>]*>.*?</a>',
                           html, re.S).group(0)
        assert "disabled" in button and "Quota exceeded" in button
        form = client.post(CREATE, {"name": unique("nope"), "share_proto": "NFS",
                                    "size": "1"})
        assert "You have reached your quota" in form.content.decode()
    finally:
        manila("admin").quotas.update(project_id, shares=used + SEEDED,
                                      force=True)
