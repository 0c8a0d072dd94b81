"""A user groups shares in the browser: a share group, two shares in it, one
consistent snapshot of the group, and a new group made from that snapshot
(one new share per share of the first group)."""

import uuid

from manila_ui.tests.browser.pages.share_groups import GroupSnapshotsPage
from manila_ui.tests.browser.pages.share_groups import ShareGroupsPage
from manila_ui.tests.browser.screenshots import screenshot


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def test_a_group_two_shares_a_group_snapshot_and_a_group_from_it(
        browser_login, browser, manila, groups_of):
    demo = groups_of("demo")
    browser_login("demo")
    groups = ShareGroupsPage(browser).open()

    group_name = name("app")
    modal = groups.open_create()
    assert modal.source == "new"
    groups = modal.create(group_name)
    groups.wait_visible(groups.row_css("share_groups", group_name))
    group_id = groups.object_id(group_name)
    demo.groups.append(group_id)
    groups.wait_status(group_name, "Available")

    for share_name in (name("db"), name("logs")):
        modal = groups.open_create_share(group_name)
        shares = modal.fill_share(name=share_name, size=1).submit()
        row = shares.row(share_name).wait_present()
        demo.shares.append((row.share_id, group_id))
        row.wait_status("Available")
        groups = ShareGroupsPage(browser).open()
    members = demo.manila.shares.list(search_opts={"share_group_id": group_id})
    assert len(members) == 2

    snapshot_name = name("before-upgrade")
    snapshots = groups.open_create_snapshot(group_name).create(snapshot_name)
    assert isinstance(snapshots, GroupSnapshotsPage)
    snapshots.wait_visible(snapshots.row_css("share_group_snapshots", snapshot_name))
    snapshot_id = snapshots.object_id(snapshot_name)
    demo.snapshots.append(snapshot_id)
    snapshots.wait_status(snapshot_name, "Available")
    screenshot(browser, "share-group-snapshots-index")
    snapshot = demo.manila.share_group_snapshots.get(snapshot_id)
    assert {m["share_id"] for m in snapshot.members} == {s.id for s in members}

    copy_name = name("restored")
    modal = snapshots.open_create_group(snapshot_name)
    assert modal.source == "snapshot" and modal.source_snapshot == snapshot_id
    groups = modal.create(copy_name)
    groups.wait_visible(groups.row_css("share_groups", copy_name))
    copy_id = groups.object_id(copy_name)
    demo.groups.append(copy_id)
    groups.wait_status(copy_name, "Available")
    screenshot(browser, "share-groups-index")
    copies = demo.shares_of(copy_id)
    assert {s.source_share_group_snapshot_member_id for s in copies} == {
        m["id"] for m in snapshot.members}
