"""A member mounts a snapshot (2.32) from the dashboard: Manage Rules on a
mountable snapshot's row, adding and deleting read-only rules whose state
updates by itself, and the snapshot's export locations with mount commands.
A snapshot whose share may not mount it offers none of this. The snapshots
page still costs the same calls."""

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until

INDEX = reverse("horizon:project:share_snapshots:index")


def url(name, snapshot_id):
    return reverse(f"horizon:project:share_snapshots:{name}", args=(snapshot_id,))


@pytest.fixture
def mountable(shares_of):
    """demo's available snapshot of a default-type share (the default
    types of both stacks ask for mount_snapshot_support)."""
    demo = shares_of("demo")
    share = demo.create(name=unique("mounted"))
    demo.wait(share.id)
    assert demo.manila.shares.get(share.id).mount_snapshot_support is True
    return demo, share, demo.snapshot(share.id, name=unique("msnap"))


@pytest.fixture
def unmountable_type(manila, shares_of):
    """A type without mount_snapshot_support; removed once demo's shares
    of it are gone."""
    admin = manila("admin")
    kind = admin.share_types.create(unique("nomount"), False, is_public=True,
                                    extra_specs={"snapshot_support": "True"})
    yield kind
    demo = shares_of("demo")
    demo.cleanup()
    for share_id in demo.created:
        demo.wait_gone(share_id)
    admin.share_types.delete(kind.id)


def _row_update(client, snapshot_id, rule_id):
    return client.get(url("rules", snapshot_id), {
        "action": "row_update", "table": "snapshot_rules", "obj_id": rule_id},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_manage_rules_shows_on_a_mountable_snapshot_only(demo_client, shares_of, mountable,
                                                         unmountable_type):
    demo, _share, snap = mountable
    plain = demo.create(name=unique("plain"), share_type=unmountable_type.id)
    demo.wait(plain.id)
    other = demo.snapshot(plain.id)

    html = demo_client.get(INDEX).content.decode()
    assert f"share_snapshots__row_{snap.id}__action_manage_rules" in row_html(html, snap.id)
    assert "action_manage_rules" not in row_html(html, other.id)


def test_add_a_rule_see_it_become_active_and_delete_it(demo_client, mountable):
    demo, _share, snap = mountable
    page = demo_client.get(url("rules", snap.id)).content.decode()
    assert "snapshot_rules__action_add_rule" in page

    response = demo_client.post(url("rule_add", snap.id), {
        "snapshot_id": snap.id, "access_type": "ip", "access_to": "10.0.7.0/24"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ("info", 'Adding rule "10.0.7.0/24".') in messages(
        demo_client.get(url("rules", snap.id)).content.decode())
    [rule] = demo.manila.share_snapshots.access_list(snap.id)

    def active():
        row = _row_update(demo_client, snap.id, rule.id).content.decode()
        return "Active" in row
    wait_until(active, timeout=30, what="the rule's row to show Active")

    response = demo_client.post(url("rules", snap.id), {
        "action": f"snapshot_rules__delete__{rule.id}"})
    assert response.status_code == 302
    wait_until(lambda: not demo.manila.share_snapshots.access_list(snap.id), timeout=30,
               what="the rule to go")
    gone = _row_update(demo_client, snap.id, rule.id)
    assert gone.status_code == 404 or rule.id not in gone.content.decode()


def test_a_bad_address_is_refused_in_the_form(demo_client, mountable):
    _demo, _share, snap = mountable
    response = demo_client.post(url("rule_add", snap.id), {
        "snapshot_id": snap.id, "access_type": "ip", "access_to": "10.0.0.1/24"})
    assert response.status_code == 200
    assert "10.0.0.1/24 has host bits set" in response.content.decode()


def test_the_detail_page_shows_export_locations_and_mount_commands(demo_client, mountable):
    demo, _share, snap = mountable
    paths = [el.path for el in
             demo.manila.share_snapshot_export_locations.list(snap.id)]
    html = demo_client.get(url("detail", snap.id),
                           {"tab": "snapshot_details__export_locations"}).content.decode()

    assert paths and all(path in html for path in paths)
    assert "mount -t nfs" in html
    assert url("rules", snap.id) in html


def test_a_reader_sees_the_rules_but_no_buttons(reader_client, mountable):
    _demo, _share, snap = mountable
    page = reader_client.get(url("rules", snap.id))
    assert page.status_code == 200
    assert "snapshot_rules__action_add_rule" not in page.content.decode()
    assert reader_client.get(url("rule_add", snap.id)).status_code == 403


def test_pages_cost_constant_calls(demo_client, mountable, backend_calls, record_property):
    _demo, _share, snap = mountable
    microversions.clear_cache()
    demo_client.get(INDEX)
    costs = {}
    for name, page in (("index", INDEX), ("detail", url("detail", snap.id)),
                       ("rules", url("rules", snap.id))):
        with backend_calls() as calls:
            response = demo_client.get(page)
        assert response.status_code == 200
        costs[name] = calls.count
    html = demo_client.get(INDEX).content.decode()
    assert snap.id in row_ids(html)
    # index: snapshots (the shares from the user's map, filled by the first
    # visit); detail: snapshot + its share; rules: snapshot + its rules.
    assert costs == {"index": 1, "detail": 2, "rules": 2}, costs
    record_property("snapshot_page_calls", costs)
