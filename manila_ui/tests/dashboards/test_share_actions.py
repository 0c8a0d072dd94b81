"""Share actions through the Django test client against the real backend:
resize, revert, metadata, snapshot, recycle bin, transfers.

Each story checks the page (buttons, messages, rows) and the backend's
state through python-manilaclient as the user.
"""

import re

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until

INDEX = reverse("horizon:project:shares:index")
CREATE = reverse("horizon:project:shares:create")
RECYCLE_BIN = reverse("horizon:project:shares:recycle_bin")
ACCEPT = reverse("horizon:project:shares:accept_transfer")


def url(name, share_id):
    return reverse(f"horizon:project:shares:{name}", args=(share_id,))


def row_update(client, share_id, path=INDEX, table="shares"):
    return client.get(path, {"action": "row_update", "table": table,
                             "obj_id": share_id},
                      HTTP_X_REQUESTED_WITH="XMLHttpRequest")


# Row links that open a read-only page (the access rules panel shows a
# reader the rules without its buttons).
READ_ONLY_ACTIONS = {"manage_rules"}


@pytest.fixture
def ready_share(shares_of):
    """An available 2 GiB NFS share of demo's."""
    demo = shares_of("demo")
    share = demo.create(size=2)
    demo.wait(share.id)
    return share


# --- resize ------------------------------------------------------------------


def test_extend_returns_at_once_and_the_row_updates_itself(
        demo_client, shares_of, ready_share, backend_calls):
    demo = shares_of("demo")
    form = demo_client.get(url("resize", ready_share.id)).content.decode()
    assert 'name="new_size"' in form and 'id="quota_size"' in form

    with backend_calls() as calls:
        response = demo_client.post(url("resize", ready_share.id), {
            "share_id": ready_share.id, "name": ready_share.name,
            "orig_size": "2", "new_size": "3"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    # The POST asked Manila once to extend and never polled for the result:
    # the action is its last call.
    assert len(calls.matching("POST", f"/v2/shares/{ready_share.id}/action")) == 1
    assert calls.calls[-1].method == "POST", calls.lines
    assert calls.count <= 3, calls.lines

    page = demo_client.get(INDEX).content.decode()
    assert ("info", f'Extending share "{ready_share.name}" to 3 GiB.') \
        in messages(page)
    row = row_html(page, ready_share.id)
    if "Extending" in row:  # caught in flight: the row polls
        assert "ajax-update" in row
    demo.wait(ready_share.id)
    assert demo.manila.shares.get(ready_share.id).size == 3
    settled = row_update(demo_client, ready_share.id).content.decode()
    assert "3 GiB" in settled and "Available" in settled


def test_shrink_and_its_refusal_below_the_used_space(demo_client, shares_of,
                                                     stack):
    if stack.external:
        pytest.skip("steers the bundled back end's simulated driver")
    demo = shares_of("demo")
    share = demo.create(size=3, metadata={"simulated_driver:used_gb": "2"})
    demo.wait(share.id)
    ok = demo_client.post(url("resize", share.id), {
        "share_id": share.id, "orig_size": "3", "new_size": "2"})
    assert ok.status_code == 302
    demo.wait(share.id)
    assert demo.manila.shares.get(share.id).size == 2

    # Below the written data: Manila accepts, the back end refuses; as in
    # Manila the share is available again, unchanged, and a user message
    # says why (the share's Messages tab and the User Messages panel).
    demo_client.post(url("resize", share.id), {
        "share_id": share.id, "orig_size": "2", "new_size": "1"})
    found = wait_until(
        lambda: demo.manila.messages.list(search_opts={"resource_id": share.id}),
        what="a user message about the refused shrink")
    demo.wait(share.id)
    assert demo.manila.shares.get(share.id).size == 2
    tab = demo_client.get(url("detail", share.id),
                          {"tab": "share_details__messages"},
                          HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert found[0].user_message in tab.content.decode()


def test_resize_form_refuses_the_same_size_and_the_quota(demo_client,
                                                        ready_share):
    same = demo_client.post(url("resize", ready_share.id), {
        "share_id": ready_share.id, "orig_size": "2", "new_size": "2"})
    assert same.status_code == 200
    assert "must differ from the current size" in same.content.decode()
    huge = demo_client.post(url("resize", ready_share.id), {
        "share_id": ready_share.id, "orig_size": "2", "new_size": "999999"})
    assert "exceeds your available quota" in huge.content.decode()


def test_admin_may_force_extend_members_may_not(demo_client, admin_client,
                                               ready_share):
    assert 'name="force"' not in demo_client.get(
        url("resize", ready_share.id)).content.decode()
    assert 'name="force"' in admin_client.get(
        url("resize", ready_share.id)).content.decode()


# --- snapshots from a share, revert ----------------------------------------------


def test_snapshot_from_the_share_row_then_revert_to_it(demo_client, shares_of,
                                                      ready_share):
    demo = shares_of("demo")
    page = demo_client.get(INDEX).content.decode()
    row = row_html(page, ready_share.id)
    assert "action_create_snapshot" in row
    assert "action_revert" in row  # the default type reverts

    create = reverse("horizon:project:share_snapshots:create_for_share",
                     args=(ready_share.id,))
    assert ready_share.name in demo_client.get(create).content.decode()
    name = unique("snap")
    response = demo_client.post(create, {
        "share_id": ready_share.id, "name": name, "description": "",
        "metadata-key-0": "purpose", "metadata-value-0": "before upgrade"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [snap] = demo.manila.share_snapshots.list(search_opts={"name": name})
    demo.snapshots.append(snap.id)
    demo.wait_snapshot(snap.id)
    assert demo.manila.share_snapshots.get(snap.id).size == 2

    form = demo_client.get(url("revert", ready_share.id)).content.decode()
    assert name in form and snap.id in form
    response = demo_client.post(url("revert", ready_share.id), {
        "share_id": ready_share.id, "snapshot_id": snap.id})
    assert response.status_code == 302
    page = demo_client.get(INDEX).content.decode()
    assert any("Reverting" in text for _level, text in messages(page))
    demo.wait(ready_share.id)


def test_revert_without_a_snapshot_says_so(demo_client, ready_share):
    html = demo_client.get(url("revert", ready_share.id)).content.decode()
    assert 'id="revert_share__no_snapshot"' in html
    assert 'value="Revert"' not in html  # no submit button


# --- metadata ------------------------------------------------------------------------


def test_edit_metadata_as_rows(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(metadata={"keep": "1", "drop": "2"})
    demo.wait(share.id)
    form = demo_client.get(url("update_metadata", share.id)).content.decode()
    assert 'name="metadata-key-0"' in form and 'value="drop"' in form
    response = demo_client.post(url("update_metadata", share.id), {
        "share_id": share.id,
        "metadata-key-0": "keep", "metadata-value-0": "changed",
        "metadata-key-1": "", "metadata-value-1": "",
        "metadata-key-7": "added", "metadata-value-7": "x"})
    assert response.status_code == 302
    assert demo.manila.shares.get_metadata(share.id)._info == {
        "keep": "changed", "added": "x"}


def test_metadata_rows_are_validated_before_manila(demo_client, ready_share):
    response = demo_client.post(url("update_metadata", ready_share.id), {
        "share_id": ready_share.id,
        "metadata-key-0": "", "metadata-value-0": "orphan"})
    assert "has a value but no key" in response.content.decode()
    response = demo_client.post(url("update_metadata", ready_share.id), {
        "share_id": ready_share.id,
        "metadata-key-0": "k" * 256, "metadata-value-0": "v"})
    assert "at most 255 characters" in response.content.decode()


# --- create with metadata and from a snapshot ------------------------------------------


def test_create_with_metadata_and_from_a_snapshot_in_another_zone(
        demo_client, shares_of, ready_share, manila, stack):
    demo = shares_of("demo")
    snap = demo.snapshot(ready_share.id)
    zones = sorted(z.name for z in manila("demo").availability_zones.list())
    source_zone = demo.manila.shares.get(ready_share.id).availability_zone
    other = next((z for z in zones if z != source_zone), source_zone)

    form = demo_client.get(CREATE + f"?snapshot_id={snap.id}").content.decode()
    assert re.search(rf'<option value="{snap.id}"[^>]*selected', form)

    name = unique("from-snap")
    response = demo_client.post(CREATE, {
        "name": name, "description": "", "share_proto": "NFS", "size": "2",
        "share_type": "", "availability_zone": other, "snapshot_id": snap.id,
        "metadata-key-0": "origin", "metadata-value-0": "snapshot"})
    if response.status_code == 200 and stack.external:
        # A cloud whose pools cannot copy across zones refuses, in its words.
        assert "Unable to create share: " in response.content.decode()
        pytest.skip("this cloud creates from a snapshot in its zone only")
    assert response.status_code == 302, response.content.decode()[-2000:]
    [created] = demo.find(name)
    demo.created.append(created.id)
    assert created.snapshot_id == snap.id
    assert created.metadata.get("origin") == "snapshot"
    wait_until(lambda: demo.status(created.id) in ("available", "error"),
               what="the share from a snapshot to settle")
    share = demo.manila.shares.get(created.id)
    assert share.status == "available"
    assert share.availability_zone == other


def test_create_from_a_snapshot_refuses_a_smaller_size(demo_client, shares_of,
                                                      ready_share):
    snap = shares_of("demo").snapshot(ready_share.id)
    response = demo_client.post(CREATE, {
        "name": unique("small"), "share_proto": "NFS", "size": "1",
        "snapshot_id": snap.id})
    assert response.status_code == 200
    assert "needs at least 2 GiB" in response.content.decode()


# --- recycle bin ----------------------------------------------------------------------


def test_soft_delete_then_restore_from_the_recycle_bin(demo_client, shares_of,
                                                       ready_share):
    demo = shares_of("demo")
    page = demo_client.get(INDEX).content.decode()
    assert "shares__action_recycle_bin" in page
    response = demo_client.post(INDEX, {
        "action": f"shares__soft_delete__{ready_share.id}"}, follow=True)
    assert any("recycle bin" in text for _level, text in
               messages(response.content.decode()))
    assert demo.manila.shares.get(ready_share.id).is_soft_deleted
    assert ready_share.id not in row_ids(demo_client.get(INDEX).content.decode())

    bin_page = demo_client.get(RECYCLE_BIN).content.decode()
    assert ready_share.id in row_ids(bin_page)
    assert f"recycle_bin__row_{ready_share.id}__action_restore" in bin_page

    response = demo_client.post(RECYCLE_BIN, {
        "action": f"recycle_bin__restore__{ready_share.id}"}, follow=True)
    assert any("Restored" in text for _level, text in
               messages(response.content.decode()))
    assert not demo.manila.shares.get(ready_share.id).is_soft_deleted
    assert ready_share.id in row_ids(demo_client.get(INDEX).content.decode())
    assert ready_share.id not in row_ids(
        demo_client.get(RECYCLE_BIN).content.decode())


def test_a_share_in_the_bin_can_be_deleted_for_good(demo_client, shares_of,
                                                    ready_share):
    demo = shares_of("demo")
    demo.manila.shares.soft_delete(ready_share.id)
    response = demo_client.post(RECYCLE_BIN, {
        "action": f"recycle_bin__delete__{ready_share.id}"}, follow=True)
    assert response.status_code == 200
    demo.wait_gone(ready_share.id)


# --- transfers ------------------------------------------------------------------------


def test_transfer_shows_the_key_once_and_another_project_accepts(
        demo_client, alt_demo_client, shares_of, ready_share):
    demo, alt = shares_of("demo"), shares_of("alt_demo")
    page = demo_client.get(INDEX).content.decode()
    assert f"shares__row_{ready_share.id}__action_create_transfer" in page

    response = demo_client.post(url("create_transfer", ready_share.id), {
        "share_id": ready_share.id, "name": "to alt"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    assert "no-store" in response.get("Cache-Control", "")
    html = response.content.decode()
    transfer_id = re.search(r'id="share_transfer__id">([^<]+)<', html).group(1)
    auth_key = re.search(r'id="share_transfer__auth_key">([^<]+)<',
                         html).group(1)
    assert auth_key and auth_key not in response.get("Location", "")
    assert demo.manila.shares.get(ready_share.id).status == "awaiting_transfer"

    # Never again: not on the index, not in the messages.
    index = demo_client.get(INDEX).content.decode()
    assert auth_key not in index
    assert f"shares__row_{ready_share.id}__action_cancel_transfer" in index

    wrong = alt_demo_client.post(ACCEPT, {"transfer_id": transfer_id,
                                          "auth_key": "0" * 16})
    assert wrong.status_code == 200
    assert "Unable to accept the transfer" in wrong.content.decode()

    response = alt_demo_client.post(ACCEPT, {"transfer_id": transfer_id,
                                             "auth_key": auth_key})
    assert response.status_code == 302, response.content.decode()[-2000:]
    alt.created.append(ready_share.id)
    wait_until(lambda: alt.status(ready_share.id) == "available",
               what="the share in its new project")
    assert ready_share.id in row_ids(alt_demo_client.get(INDEX).content.decode())
    assert ready_share.id not in row_ids(demo_client.get(INDEX).content.decode())


def test_cancel_a_transfer(demo_client, shares_of, ready_share):
    demo = shares_of("demo")
    demo.manila.transfers.create(ready_share.id, name="never mind")
    assert demo.status(ready_share.id) == "awaiting_transfer"
    response = demo_client.post(INDEX, {
        "action": f"shares__cancel_transfer__{ready_share.id}"}, follow=True)
    assert any("Cancelled transfer" in text for _level, text in
               messages(response.content.decode()))
    wait_until(lambda: demo.status(ready_share.id) == "available",
               what="the share back to available")
    assert not demo.manila.transfers.list(
        search_opts={"resource_id": ready_share.id})


# --- who sees what ------------------------------------------------------------------


def test_reader_sees_no_mutating_button_anywhere(reader_client, shares_of,
                                                 ready_share):
    snap = shares_of("demo").snapshot(ready_share.id)
    html = reader_client.get(INDEX).content.decode()
    assert ready_share.id in row_ids(html)
    row = row_html(html, ready_share.id)
    # Links that only lead to read-only pages (another panel's) may stay.
    assert set(re.findall(r"__action_(\w+)", row)) <= READ_ONLY_ACTIONS, row
    for action in ("create", "delete", "soft_delete", "accept_transfer"):
        assert f"shares__action_{action}" not in html
    detail = reader_client.get(url("detail", ready_share.id)).content.decode()
    assert set(re.findall(r"__action_(\w+)", detail)) <= READ_ONLY_ACTIONS
    snapshots = reader_client.get(
        reverse("horizon:project:share_snapshots:index")).content.decode()
    assert snap.id in row_ids(snapshots)
    assert "share_snapshots__action_create" not in snapshots
    # A mountable snapshot's Manage Rules leads to its read-only rule list.
    snapshot_actions = re.findall(rf"share_snapshots__row_{snap.id}__action_(\w+)", snapshots)
    assert set(snapshot_actions) <= READ_ONLY_ACTIONS
    bin_page = reader_client.get(RECYCLE_BIN).content.decode()
    assert "recycle_bin__action_restore" not in bin_page


def test_member_sees_the_share_actions(demo_client, ready_share):
    row = row_html(demo_client.get(INDEX).content.decode(), ready_share.id)
    for action in ("edit", "resize", "create_snapshot", "revert",
                   "update_metadata", "create_transfer", "soft_delete",
                   "delete"):
        assert f"shares__row_{ready_share.id}__action_{action}" in row, action
