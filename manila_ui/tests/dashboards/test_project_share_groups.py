"""Project > Share > Share Groups and Share Group Snapshots against the real
backend: a member lists, creates (new or from a group snapshot), edits and
deletes groups, puts shares in them from Create Share, snapshots a group;
what other projects and readers see; the ``enable_share_groups`` toggle."""

import re

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:project:share_groups:index")
CREATE = reverse("horizon:project:share_groups:create")
SNAPSHOTS = reverse("horizon:project:share_group_snapshots:index")
CREATE_SHARE = reverse("horizon:project:shares:create")


def url(name, *args):
    return reverse(f"horizon:project:{name}", args=args)


def selected(html, value):
    """Whether a select of the page has ``value`` chosen (plain or themable)."""
    return re.search(rf'<option value="{re.escape(value)}"\s*(selected|[^>]*selected)',
                     html) is not None


def test_index_lists_the_projects_groups_with_their_share_types(demo_client, groups_of):
    demo, alt = groups_of("demo"), groups_of("alt_demo")
    group = demo.create(name=unique("app"))
    theirs = alt.create()
    html = demo_client.get(INDEX).content.decode()
    ids = row_ids(html)
    assert group.id in ids and theirs.id not in ids
    row = row_html(html, group.id)
    assert group.name in row and "Available" in row
    assert ">default<" in row or "default" in row   # the type's name, not its id
    assert group.share_types[0] not in row
    for action in ("create_share", "create_snapshot", "update", "delete"):
        assert f"share_groups__row_{group.id}__action_{action}" in row
    assert 'id="share_groups__action_create"' in html


def test_a_reader_sees_groups_but_no_button_that_changes_them(reader_client, groups_of):
    group = groups_of("demo").create()
    html = reader_client.get(INDEX).content.decode()
    row = row_html(html, group.id)
    assert group.name in row
    assert "__action_" not in row
    assert 'id="share_groups__action_create"' not in html
    assert reader_client.get(CREATE).status_code == 403
    assert reader_client.get(url("share_groups:update", group.id)).status_code == 403


def test_create_a_group_of_the_default_type(demo_client, groups_of):
    demo = groups_of("demo")
    form = demo_client.get(CREATE).content.decode()
    assert 'id="quota_share_groups_usage"' in form
    default = demo.manila.share_group_types.get("default")
    assert selected(form, default.id)
    name = unique("panel-group")
    response = demo_client.post(CREATE, {
        "name": name, "description": "from the panel", "source": "new",
        "share_group_type": default.id, "availability_zone": ""})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [group] = demo.manila.share_groups.list(search_opts={"name": name})
    demo.groups.append(group.id)
    assert group.description == "from the panel"
    assert group.share_types == default.share_types
    demo.wait(group.id)
    assert ("info", f'Creating share group "{name}".') in messages(
        demo_client.get(INDEX).content.decode())


def test_shares_go_into_a_group_from_create_share(demo_client, groups_of):
    demo = groups_of("demo")
    group = demo.create()
    form = demo_client.get(f"{CREATE_SHARE}?share_group_id={group.id}").content.decode()
    assert 'name="share_group_id"' in form
    assert selected(form, group.id)
    name = unique("in-group")
    response = demo_client.post(CREATE_SHARE, {
        "name": name, "share_proto": "NFS", "size": 1, "share_type": "",
        "availability_zone": "", "share_group_id": group.id})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [share] = demo.manila.shares.list(search_opts={"name": name})
    demo.shares.append((share.id, group.id))
    assert share.share_group_id == group.id
    assert share.availability_zone == demo.manila.share_groups.get(group.id).availability_zone

    detail = demo_client.get(url("share_groups:detail", group.id)).content.decode()
    assert url("shares:detail", share.id) in detail


def test_the_share_group_field_shows_only_with_groups_and_the_toggle(
        demo_client, groups_of, settings):
    assert 'name="share_group_id"' not in demo_client.get(CREATE_SHARE).content.decode() \
        or groups_of("demo").manila.share_groups.list()
    groups_of("demo").create()
    assert 'name="share_group_id"' in demo_client.get(CREATE_SHARE).content.decode()
    settings.OPENSTACK_MANILA_FEATURES = {**settings.OPENSTACK_MANILA_FEATURES,
                                          "enable_share_groups": False}
    assert 'name="share_group_id"' not in demo_client.get(CREATE_SHARE).content.decode()


def test_enable_share_groups_false_hides_every_group_panel(demo_client, admin_client,
                                                          settings):
    settings.OPENSTACK_MANILA_FEATURES = {**settings.OPENSTACK_MANILA_FEATURES,
                                          "enable_share_groups": False}
    for client, path in ((demo_client, INDEX), (demo_client, SNAPSHOTS),
                         (admin_client, reverse("horizon:admin:share_groups:index")),
                         (admin_client, reverse("horizon:admin:share_group_types:index")),
                         (admin_client,
                          reverse("horizon:admin:share_group_snapshots:index"))):
        response = client.get(path)
        assert response.status_code == 403, path
    page = demo_client.get(reverse("horizon:project:shares:index")).content.decode()
    assert INDEX not in page and SNAPSHOTS not in page


def test_edit_and_delete(demo_client, groups_of):
    demo = groups_of("demo")
    group = demo.create()
    new_name = unique("renamed")
    response = demo_client.post(url("share_groups:update", group.id), {
        "share_group_id": group.id, "name": new_name, "description": "new"})
    assert response.status_code == 302
    assert demo.manila.share_groups.get(group.id).name == new_name

    demo.share(group.id)
    response = demo_client.post(INDEX, {"action": f"share_groups__delete__{group.id}"})
    assert response.status_code == 302
    page = demo_client.get(INDEX).content.decode()
    assert any("Cannot delete a share group with shares" in text
               for _level, text in messages(page)), messages(page)


def test_snapshot_a_group_and_make_a_group_from_it(demo_client, groups_of):
    demo = groups_of("demo")
    group = demo.create(name=unique("src"))
    first, second = demo.share(group.id), demo.share(group.id, size=2)

    create = url("share_group_snapshots:create", group.id)
    form = demo_client.get(create).content.decode()
    assert 'id="quota_share_group_snapshots_usage"' in form and group.name in form
    name = unique("gsnap")
    response = demo_client.post(create, {"share_group_id": group.id, "name": name})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [snapshot] = demo.manila.share_group_snapshots.list(search_opts={"name": name})
    demo.snapshots.append(snapshot.id)
    demo.wait_snapshot(snapshot.id)

    html = demo_client.get(SNAPSHOTS).content.decode()
    row = row_html(html, snapshot.id)
    assert group.name in row and url("share_groups:detail", group.id) in row
    assert re.search(r">\s*2\s*</td>", row)   # two members
    detail = demo_client.get(url("share_group_snapshots:detail", snapshot.id)).content
    for share in (first, second):
        assert url("shares:detail", share.id) in detail.decode()

    link = f"{CREATE}?snapshot_id={snapshot.id}"
    assert link.replace("?", "?") in row.replace("&amp;", "&")
    form = demo_client.get(link).content.decode()
    assert selected(form, snapshot.id)
    copy_name = unique("copy")
    response = demo_client.post(CREATE, {"name": copy_name, "source": "snapshot",
                                         "snapshot_id": snapshot.id})
    assert response.status_code == 302, response.content.decode()[-2000:]
    [copy] = demo.manila.share_groups.list(search_opts={"name": copy_name})
    demo.groups.append(copy.id)
    demo.wait(copy.id)
    copies = demo.shares_of(copy.id)
    assert sorted(s.size for s in copies) == [1, 2]


def test_other_projects_group_pages_are_not_found(demo_client, groups_of):
    theirs = groups_of("alt_demo").create()
    response = demo_client.get(url("share_groups:detail", theirs.id))
    assert response.status_code == 302   # Horizon's redirect with the error message


@pytest.mark.parametrize("path", [INDEX, SNAPSHOTS])
def test_the_panels_are_in_the_navigation(demo_client, path):
    page = demo_client.get(reverse("horizon:project:shares:index")).content.decode()
    assert f'href="{path}"' in page
