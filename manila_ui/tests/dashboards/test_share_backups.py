"""Project › Share Backups against the real backend: back a share up from
its row or from the panel, see the backup with its share's name, rename it,
restore it into its share or another one, delete it; the admin's view of
every project's backups and its reset status; what a page costs."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:share_backups:index")
CREATE = reverse("horizon:project:share_backups:create")
ADMIN_INDEX = reverse("horizon:admin:share_backups:index")
SHARES = reverse("horizon:project:shares:index")
DATA = "simulated_driver:data"


def url(name, backup_id, panel="project"):
    return reverse(f"horizon:{panel}:share_backups:{name}", args=(backup_id,))


def available_share(shares_of, user="demo", **kwargs):
    helper = shares_of(user)
    share = helper.create(**kwargs)
    helper.wait(share.id)
    return helper, share


def test_a_share_row_offers_a_backup_and_the_panel_lists_it(demo_client, shares_of):
    demo, share = available_share(shares_of, name=unique("precious"))
    row = row_html(demo_client.get(SHARES).content.decode(), share.id)
    link = reverse("horizon:project:share_backups:create_for_share", args=(share.id,))
    assert f'href="{link}"' in row

    form = demo_client.get(link).content.decode()
    assert 'id="quota_backups_usage"' in form and 'name="backup_type"' in form
    name = unique("nightly")
    response = demo_client.post(link, {"share_id": share.id, "name": name,
                                       "description": "before the upgrade",
                                       "backup_type": "daily"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [backup] = demo.manila.share_backups.list(search_opts={"name": name})
    demo.backups.append(backup.id)
    demo.wait_backup(backup.id)

    page = demo_client.get(INDEX).content.decode()
    assert ("info", f'Creating backup "{name}".') in messages(page)
    row = row_html(page, backup.id)
    assert share.name in row and "Available" in row and "daily" in row
    for action in ("restore", "edit", "delete"):
        assert f"share_backups__row_{backup.id}__action_{action}" in row
    detail = demo_client.get(url("detail", backup.id)).content.decode()
    assert "before the upgrade" in detail and 'id="backup_detail__backup_type"' in detail


def test_create_from_the_panel_edit_and_delete(demo_client, shares_of):
    demo, share = available_share(shares_of, name=unique("pick"))
    form = demo_client.get(CREATE).content.decode()
    assert f'<option value="{share.id}"' in form
    name = unique("panel-backup")
    response = demo_client.post(CREATE, {"share_id": share.id, "name": name,
                                         "backup_type": "weekly"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [backup] = demo.manila.share_backups.list(search_opts={"name": name})
    demo.backups.append(backup.id)
    demo.wait_backup(backup.id)

    renamed = unique("renamed")
    response = demo_client.post(url("update", backup.id), {
        "backup_id": backup.id, "name": renamed, "description": "kept"})
    assert response.status_code == 302
    got = demo.manila.share_backups.get(backup.id)
    assert (got.name, got.description) == (renamed, "kept")

    response = demo_client.post(INDEX, {"action": f"share_backups__delete__{backup.id}"},
                                follow=True)
    assert any("Scheduled deletion of Backup" in text
               for _level, text in messages(response.content.decode()))
    demo.wait_backup(backup.id, None)


def test_a_share_with_backups_cannot_be_deleted_and_says_why(demo_client, shares_of):
    demo, share = available_share(shares_of)
    demo.backup(share.id)
    response = demo_client.post(SHARES, {"action": f"shares__delete__{share.id}"},
                                follow=True)
    errors = [text for level, text in messages(response.content.decode())
              if level in ("danger", "error")]
    assert errors and "backup" in " ".join(errors).lower()
    assert demo.status(share.id) == "available"


def test_restore_offers_the_share_and_larger_ones(demo_client, shares_of):
    demo, share = available_share(shares_of, name=unique("source"), size=2)
    backup = demo.backup(share.id)
    small = demo.create(name=unique("small"), size=1)
    large = demo.create(name=unique("large"), size=3)
    demo.wait(small.id)
    demo.wait(large.id)

    form = demo_client.get(url("restore", backup.id)).content.decode()
    assert f"Its own share ({share.name})" in form
    assert f'<option value="{large.id}"' in form
    assert f'<option value="{small.id}"' not in form

    response = demo_client.post(url("restore", backup.id), {"backup_id": backup.id,
                                                            "target": ""})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert demo.status(share.id) in ("backup_restoring", "available")
    demo.wait(share.id, timeout=demo.BACKUP_TIMEOUT)
    page = demo_client.get(INDEX).content.decode()
    assert any(text.startswith("Restoring the backup into Its own share")
               for _level, text in messages(page))


@pytest.mark.bundled_only("the simulated driver's content marker, and its restores "
                          "into another share (the DummyDriver has neither)")
def test_a_restore_brings_back_what_the_share_held(demo_client, shares_of):
    demo, share = available_share(shares_of, size=1, metadata={DATA: "v1"})
    backup = demo.backup(share.id)
    demo.manila.shares.set_metadata(share.id, {DATA: "v2"})
    target = demo.create(size=2)
    demo.wait(target.id)

    for into in ("", target.id):
        response = demo_client.post(url("restore", backup.id),
                                    {"backup_id": backup.id, "target": into})
        assert response.status_code == 302, response.content.decode()[-2000:]
        demo.wait(into or share.id)
        demo.wait_backup(backup.id)
    for restored in (share.id, target.id):
        assert demo.manila.shares.get_metadata(restored)._info[DATA] == "v1"


def test_a_running_backup_shows_its_progress_and_updates_itself(demo_client, shares_of):
    demo, share = available_share(shares_of)
    backup = demo.backup(share.id, wait=False)
    row = row_html(demo_client.get(INDEX).content.decode(), backup.id)
    # While it runs the row polls (Horizon's "status_unknown" rows) and shows
    # how far it is.
    if "status_unknown" in row:
        assert re.search(r"<td[^>]*>\s*\d+%\s*</td>", row), row
        polled = demo_client.get(INDEX, {"action": "row_update", "table": "share_backups",
                                         "obj_id": backup.id},
                                 HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert polled.status_code == 200 and backup.id in polled.content.decode()
    demo.wait_backup(backup.id)
    demo.wait(share.id)
    row = row_html(demo_client.get(INDEX).content.decode(), backup.id)
    assert "status_unknown" not in row and "Available" in row


def test_reader_may_look_but_not_touch(reader_client, shares_of):
    demo, share = available_share(shares_of)
    backup = demo.backup(share.id)
    html = reader_client.get(INDEX).content.decode()
    assert backup.id in row_ids(html)
    assert "__action_" not in row_html(html, backup.id)
    assert "share_backups__action_create" not in html
    assert "__action_" not in reader_client.get(url("detail", backup.id)).content.decode()
    shares_page = reader_client.get(SHARES).content.decode()
    assert "__action_create_backup" not in row_html(shares_page, share.id)


def test_other_projects_backups_stay_hidden_but_the_admin_sees_all(
        demo_client, admin_client, shares_of):
    alt, share = available_share(shares_of, "alt_demo", name=unique("theirs"))
    theirs = alt.backup(share.id)
    assert theirs.id not in row_ids(demo_client.get(INDEX).content.decode())

    page = admin_client.get(ADMIN_INDEX).content.decode()
    row = row_html(page, theirs.id)
    assert share.name in row
    assert reverse("horizon:admin:shares:detail", args=(share.id,)) in row
    assert f"share_backups__row_{theirs.id}__action_reset_status" in row

    response = admin_client.post(url("reset_status", theirs.id, "admin"),
                                 {"backup_id": theirs.id, "status": "error"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert alt.backup_status(theirs.id) == "error"
    detail = admin_client.get(url("detail", theirs.id, "admin")).content.decode()
    assert theirs.id in detail


def test_members_get_no_admin_backups_panel(demo_client):
    assert demo_client.get(ADMIN_INDEX).status_code in (302, 403)


@pytest.mark.bundled_only("8 backups take 8 minutes on the DummyDriver (one a minute)")
def test_a_page_of_backups_costs_the_same_calls_with_1_or_8(demo_client, shares_of,
                                                            backend_calls):
    demo, share = available_share(shares_of)
    demo.backup(share.id)

    def calls():
        with backend_calls() as seen:
            response = demo_client.get(INDEX)
        assert response.status_code == 200
        return seen.count, seen.lines

    microversions.clear_cache()
    cold_one, _ = calls()
    warm_one, lines = calls()
    for _ in range(7):   # within the default quota of 10 backups
        demo.backup(share.id)
    warm_eight, lines_eight = calls()
    # One page of backups; the share names from the user's name map, listed
    # on the cold page (with the version document), none after it while
    # it knows the page's shares: never one call per row.
    assert warm_one == warm_eight == 1, lines_eight
    assert cold_one == 3, lines
