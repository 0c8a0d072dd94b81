"""The life of a share in the browser, one story per test: metadata rows,
resize without waiting, the mount command copied, a snapshot and a share
made from it, the recycle bin."""

import uuid

from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def created_share(browser_login, shares_of, prefix, **metadata):
    """Create a share in the modal; it is deleted after the test."""
    shares = browser_login("demo", then=SharesPage)
    share_name = name(prefix)
    modal = shares.open_create().fill_share(name=share_name, size=1)
    if metadata:
        modal.add_metadata(**metadata)
    shares = modal.submit()
    row = shares.row(share_name).wait_present()
    shares_of("demo").created.append(row.share_id)
    row.wait_status("Available")
    return shares, row, share_name


def test_metadata_resize_and_copy_the_mount_command(browser_login, manila,
                                                    browser, shares_of):
    # Three pairs: the form offers two blank rows, "Add row" makes the third.
    shares, row, share_name = created_share(
        browser_login, shares_of, "story", team="storage", tier="gold",
        owner="ops")
    share_id = row.share_id
    client = manila("demo")
    assert client.shares.get(share_id).metadata == {
        "team": "storage", "tier": "gold", "owner": "ops"}

    shares.mark()
    shares = row.open_resize().resize(2)
    row = shares.row(share_name)
    shares.mark()
    row.wait_size("2 GiB").wait_status("Available")  # the row updated itself
    assert not shares.was_reloaded
    assert client.shares.get(share_id).size == 2

    detail = row.open_detail().open_tab("export_locations")
    screenshot(browser, "share-export-locations")
    command = detail.mount_command(0, 0)
    assert command.startswith("mount -t nfs ") and command.endswith(
        f" /mnt/{share_name}")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": browser.base_url,
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    said = detail.copy_mount_command(0, 0)
    assert said == "Copied to the clipboard"
    assert detail.clipboard() == command


def test_snapshot_then_a_share_from_it(browser_login, manila, shares_of):
    shares, row, share_name = created_share(browser_login, shares_of, "parent")
    snap_name = name("snap")
    snapshots = row.open_create_snapshot().create(snap_name)
    snapshots.wait_status(snap_name, "Available")
    screenshot(snapshots.driver, "snapshots-index")
    snap_id = snapshots.snapshot_id(snap_name)
    shares_of("demo").snapshots.append(snap_id)

    child = name("child")
    modal = snapshots.open_create_share(snap_name)
    assert modal.source_snapshot == snap_id
    shares = modal.fill_share(name=child, size=1).submit()
    child_row = shares.row(child).wait_present()
    shares_of("demo").created.insert(0, child_row.share_id)
    child_row.wait_status("Available")
    [made] = manila("demo").shares.list(search_opts={"name": child})
    assert made.snapshot_id == snap_id


def test_soft_delete_and_restore(browser_login, manila, shares_of):
    shares, row, share_name = created_share(browser_login, shares_of, "bin")
    share_id = row.share_id
    shares = row.soft_delete()
    shares.row(share_name).wait_gone()
    assert manila("demo").shares.get(share_id).is_soft_deleted

    recycle_bin = shares.open_recycle_bin()
    assert recycle_bin.has(share_name)
    recycle_bin.restore(share_name)
    assert not manila("demo").shares.get(share_id).is_soft_deleted
    shares = SharesPage(recycle_bin.driver).open()
    shares.row(share_name).wait_present()
