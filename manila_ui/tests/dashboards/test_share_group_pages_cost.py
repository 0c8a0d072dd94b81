"""Every share group page costs the same few backend calls with 1 group or
30: one list, one lookup of names (share types, groups, projects), never a
call per row."""

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.group_helpers import Groups
from manila_ui.tests.dashboards.helpers import restore_default_quotas
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

GROUPS = reverse("horizon:project:share_groups:index")
SNAPSHOTS = reverse("horizon:project:share_group_snapshots:index")
ADMIN_GROUPS = reverse("horizon:admin:share_groups:index")
ADMIN_SNAPSHOTS = reverse("horizon:admin:share_group_snapshots:index")
ADMIN_TYPES = reverse("horizon:admin:share_group_types:index")
SEEDED = 30


@pytest.fixture(scope="module")
def crowded_groups(manila, os_session):
    """alt_demo with 30 groups, two shares in the first, 30 group snapshots."""
    project_id = os_session("alt_demo").get_project_id()
    admin = manila("admin")
    admin.quotas.update(project_id, share_groups=SEEDED + 10,
                        share_group_snapshots=SEEDED + 10, force=True)
    alt = Groups(manila("alt_demo"))
    prefix = unique("crowd")
    groups = [alt.create(name=f"{prefix}-{i:02d}", wait=False) for i in range(SEEDED)]
    for group in groups:
        alt.wait(group.id)
    first = groups[0]
    alt.share(first.id, wait=False)
    alt.share(first.id)
    snapshots = [alt.snapshot(first.id, name=f"{prefix}-snap-{i:02d}", wait=False)
                 for i in range(SEEDED)]
    for snapshot in snapshots:
        alt.wait_snapshot(snapshot.id)
    yield alt, groups, snapshots
    alt.cleanup()
    restore_default_quotas(admin, project_id)


def count(backend_calls, client, url):
    with backend_calls() as calls:
        response = client.get(url)
    assert response.status_code == 200, url
    return calls.count, response.content.decode(), calls.lines


def cold_and_warm(backend_calls, client, url):
    microversions.clear_cache()
    cold, html, lines = count(backend_calls, client, url)
    warm, html, warm_lines = count(backend_calls, client, url)
    return cold, warm, html, lines, warm_lines


@pytest.mark.parametrize("url, most", [(GROUPS, 4), (SNAPSHOTS, 3)])
def test_project_pages_with_one_row(demo_client, groups_of, backend_calls, url, most,
                                    record_property):
    demo = groups_of("demo")
    group = demo.create()
    demo.snapshot(group.id)
    cold, warm, html, lines, warm_lines = cold_and_warm(backend_calls, demo_client, url)
    assert row_ids(html)
    # version document + the page + names (+ /limits for the Create button)
    assert cold <= most, lines
    assert warm <= most - 1, warm_lines
    record_property(f"calls_1_row {url}", f"cold={cold} warm={warm}")


@pytest.mark.parametrize("url, most", [(GROUPS, 4), (SNAPSHOTS, 3)])
def test_project_pages_with_thirty_rows(alt_demo_client, crowded_groups, backend_calls,
                                        url, most, record_property):
    cold, warm, html, lines, warm_lines = cold_and_warm(backend_calls, alt_demo_client,
                                                        url)
    assert len(row_ids(html)) == 20   # one page
    assert cold <= most, lines
    assert warm <= most - 1, warm_lines
    record_property(f"calls_30_rows {url}", f"cold={cold} warm={warm}")


@pytest.mark.parametrize("url, most", [(ADMIN_GROUPS, 3), (ADMIN_SNAPSHOTS, 3),
                                       (ADMIN_TYPES, 3)])
def test_admin_pages_with_thirty_rows(admin_client, crowded_groups, backend_calls, url,
                                      most, record_property):
    cold, warm, html, lines, warm_lines = cold_and_warm(backend_calls, admin_client, url)
    assert row_ids(html)
    # Keystone's project list is not Manila's: only Manila calls are counted.
    assert cold <= most, lines
    assert warm <= most - 1, warm_lines
    record_property(f"calls_admin {url}", f"cold={cold} warm={warm}")


def test_detail_pages(alt_demo_client, crowded_groups, backend_calls, record_property):
    _alt, groups, snapshots = crowded_groups
    pages = {
        "group": reverse("horizon:project:share_groups:detail", args=(groups[0].id,)),
        "group snapshot": reverse("horizon:project:share_group_snapshots:detail",
                                  args=(snapshots[0].id,)),
        "create group": reverse("horizon:project:share_groups:create"),
        "create group snapshot": reverse("horizon:project:share_group_snapshots:create",
                                         args=(groups[0].id,)),
    }
    # the object + its shares + its group snapshots + the share type names;
    # the object + share names; group types, share types, zones, group
    # snapshots, /limits (+ share networks, where a DHSS=True type exists);
    # the group + /limits.
    most = {"group": 4, "group snapshot": 2, "create group": 6,
            "create group snapshot": 2}
    for name, url in pages.items():
        alt_demo_client.get(url)
        warm, _html, lines = count(backend_calls, alt_demo_client, url)
        assert warm <= most[name], (name, lines)
        record_property(f"calls {name}", f"warm={warm}")
