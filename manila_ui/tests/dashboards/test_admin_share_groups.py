"""Admin › Share Group Types, Share Groups and Share Group Snapshots against
the real backend: an admin makes a private group type with specs, gives a
project access, sees every project's groups and group snapshots, resets
their status and force-deletes them."""

import re

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

TYPES = reverse("horizon:admin:share_group_types:index")
CREATE_TYPE = reverse("horizon:admin:share_group_types:create")
GROUPS = reverse("horizon:admin:share_groups:index")
SNAPSHOTS = reverse("horizon:admin:share_group_snapshots:index")


def url(name, *args):
    return reverse(f"horizon:admin:{name}", args=args)


@pytest.fixture
def group_type(manila):
    """A private group type, deleted after the test."""
    admin = manila("admin")
    made = []

    def make(**kwargs):
        created = admin.share_group_types.create(unique("gtype"), ["default"],
                                                 is_public=False, **kwargs)
        made.append(created.id)
        return created

    yield make
    for type_id in made:
        try:
            admin.share_group_types.delete(type_id)
        except Exception:  # noqa: S112 - best effort (deleted by the test)
            continue


def test_create_a_private_group_type_with_specs(admin_client, manila):
    admin = manila("admin")
    default = admin.share_types.get("default")
    form = admin_client.get(CREATE_TYPE).content.decode()
    assert f'value="{default.id}"' in form and 'name="is_public"' in form
    name = unique("gold")
    response = admin_client.post(CREATE_TYPE, {
        "name": name, "share_types": [default.id],
        "group_specs-key-0": "consistent_snapshot_support",
        "group_specs-value-0": "pool"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [created] = [t for t in admin.share_group_types.list() if t.name == name]
    try:
        assert created.is_public is False
        assert created.group_specs == {"consistent_snapshot_support": "pool"}
        html = admin_client.get(TYPES).content.decode()
        row = row_html(html, created.id)
        assert "default" in row and "consistent_snapshot_support=pool" in row
        assert "Private" in row
        assert f"share_group_types__row_{created.id}__action_manage_access" in row
    finally:
        admin.share_group_types.delete(created.id)


def test_public_creation_follows_the_setting(admin_client, settings):
    settings.OPENSTACK_MANILA_FEATURES = {
        **settings.OPENSTACK_MANILA_FEATURES,
        "enable_public_share_group_type_creation": False}
    assert 'name="is_public"' not in admin_client.get(CREATE_TYPE).content.decode()


def test_edit_specs_and_access_then_delete(admin_client, manila, os_session, group_type):
    admin = manila("admin")
    gtype = group_type(group_specs={"a": "1", "b": "2"})
    response = admin_client.post(url("share_group_types:update", gtype.id), {
        "share_group_type_id": gtype.id, "group_specs-key-0": "a",
        "group_specs-value-0": "3", "group_specs-key-1": "c", "group_specs-value-1": "4"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert admin.share_group_types.get(gtype.id).group_specs == {"a": "3", "c": "4"}

    demo_project = os_session("demo").get_project_id()
    form = admin_client.get(url("share_group_types:manage_access", gtype.id))
    assert f'value="{demo_project}"' in form.content.decode()
    response = admin_client.post(url("share_group_types:manage_access", gtype.id), {
        "type_id": gtype.id, "projects": [demo_project]})
    assert response.status_code == 302, response.content.decode()[-2000:]
    access = admin.share_group_type_access.list(admin.share_group_types.get(gtype.id))
    assert [a.project_id for a in access] == [demo_project]
    assert gtype.id in {t.id for t in manila("demo").share_group_types.list()}

    response = admin_client.post(TYPES, {"action": f"share_group_types__delete__{gtype.id}"})
    assert response.status_code == 302
    assert gtype.id not in {t.id for t in admin.share_group_types.list()}


def test_every_projects_groups_with_their_project(admin_client, groups_of):
    demo, alt = groups_of("demo"), groups_of("alt_demo")
    mine, theirs = demo.create(), alt.create()
    html = admin_client.get(GROUPS).content.decode()
    assert {mine.id, theirs.id} <= set(row_ids(html))
    row = row_html(html, theirs.id)
    assert "alt_demo" in row   # the project's name
    for action in ("reset_status", "force_delete", "delete"):
        assert f"share_groups__row_{theirs.id}__action_{action}" in row
    detail = admin_client.get(url("share_groups:detail", theirs.id)).content.decode()
    assert theirs.id in detail


def test_reset_status_and_force_delete_a_group(admin_client, groups_of):
    demo = groups_of("demo")
    group, busy = demo.create(), demo.create()
    share = demo.share(busy.id)
    response = admin_client.post(url("share_groups:reset_status", group.id),
                                 {"share_group_id": group.id, "status": "error"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert demo.status(group.id) == "error"
    response = admin_client.post(GROUPS, {"action": f"share_groups__force_delete__{group.id}"})
    assert response.status_code == 302
    assert demo.status(group.id) is None
    # Manila force-deletes no group that still has shares, and says why.
    response = admin_client.post(GROUPS, {"action": f"share_groups__force_delete__{busy.id}"})
    assert response.status_code == 302
    assert demo.status(busy.id) == "available"
    page = admin_client.get(GROUPS).content.decode()
    assert any(f"Share {share.id} has 1 share instances" in text
               for _level, text in messages(page)), messages(page)


def test_every_projects_group_snapshots(admin_client, groups_of):
    alt = groups_of("alt_demo")
    group = alt.create(name=unique("alt-group"))
    alt.share(group.id)
    snapshot = alt.snapshot(group.id)
    html = admin_client.get(SNAPSHOTS).content.decode()
    row = row_html(html, snapshot.id)
    assert "alt_demo" in row and group.name in row
    response = admin_client.post(url("share_group_snapshots:reset_status", snapshot.id), {
        "share_group_snapshot_id": snapshot.id, "status": "error"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert alt.snapshot_status(snapshot.id) == "error"
    response = admin_client.post(
        SNAPSHOTS, {"action": f"share_group_snapshots__force_delete__{snapshot.id}"})
    assert response.status_code == 302
    assert alt.snapshot_status(snapshot.id) is None
    assert any(re.search("Force deleted", text) for _level, text in messages(
        admin_client.get(SNAPSHOTS).content.decode()))
