"""Admin actions on shares and snapshots: reset status, force delete,
manage (DHSS=False), unmanage; members never see them."""

import uuid

import pytest
from django.urls import reverse

from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until

INDEX = reverse("horizon:admin:shares:index")
SNAP_INDEX = reverse("horizon:admin:share_snapshots:index")


def ready(shares_of, user="demo", **kwargs):
    helper = shares_of(user)
    share = helper.create(**kwargs)
    helper.wait(share.id)
    return helper, share


def test_reset_status_of_another_projects_share(admin_client, shares_of):
    demo, share = ready(shares_of)
    url = reverse("horizon:admin:shares:reset_status", args=(share.id,))
    form = admin_client.get(url).content.decode()
    assert 'name="status"' in form
    response = admin_client.post(url, {"share_id": share.id,
                                       "name": share.name, "status": "error"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert demo.status(share.id) == "error"
    admin_client.post(url, {"share_id": share.id, "status": "available"})
    assert demo.status(share.id) == "available"


def test_force_delete_a_share_stuck_in_error(admin_client, shares_of, stack):
    if stack.external:
        pytest.skip("steers the bundled back end's simulated driver")
    demo, share = ready(shares_of, metadata={"simulated_driver:fail": "delete"})
    demo.manila.shares.delete(share.id)
    wait_until(lambda: demo.status(share.id) == "error_deleting",
               what="the delete to fail")
    html = admin_client.get(INDEX).content.decode()
    assert f"shares__row_{share.id}__action_force_delete" in \
        row_html(html, share.id)
    response = admin_client.post(INDEX, {
        "action": f"shares__force_delete__{share.id}"}, follow=True)
    assert any("forced deletion" in text for _level, text in
               messages(response.content.decode()))
    demo.wait_gone(share.id)


def test_unmanage_then_manage_back(admin_client, shares_of, manila, stack):
    if stack.external:
        pytest.skip("the size driver option is the simulated driver's")
    demo, share = ready(shares_of, name=unique("managed"))
    admin = manila("admin")
    host = admin.shares.get(share.id).host
    path = next(loc.path for loc in
                admin.share_export_locations.list(share.id)
                if loc.preferred)
    response = admin_client.post(INDEX, {
        "action": f"shares__unmanage__{share.id}"}, follow=True)
    assert any("unmanaging" in text for _level, text in
               messages(response.content.decode()))
    demo.wait_gone(share.id)

    manage = reverse("horizon:admin:shares:manage")
    form = admin_client.get(manage).content.decode()
    assert f'<option value="{host}"' in form
    assert 'value="dhss_false"' in form and 'value="dhss_true"' not in form
    name = unique("taken-over")
    response = admin_client.post(manage, {
        "name": name, "description": "", "service_host": host,
        "protocol": "NFS", "export_path": path, "share_type": "dhss_false",
        "driver_options-key-0": "size", "driver_options-value-0": "3"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    [managed] = admin.shares.list(search_opts={"name": name,
                                               "all_tenants": 1})
    shares_of("admin").created.append(managed.id)
    wait_until(lambda: admin.shares.get(managed.id).status == "available",
               what="the managed share")
    assert admin.shares.get(managed.id).size == 3


def test_manage_refusal_is_a_form_error(admin_client, manila):
    host = manila("admin").pools.list()[0].name
    response = admin_client.post(reverse("horizon:admin:shares:manage"), {
        "name": "", "service_host": host, "protocol": "NFS",
        "export_path": "10.0.0.10:/shares/share_" + "0" * 36,
        "share_type": "dhss_true"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_snapshot_admin_actions(admin_client, shares_of, manila):
    demo, share = ready(shares_of)
    snap = demo.snapshot(share.id, name=unique("admsnap"))
    html = admin_client.get(SNAP_INDEX).content.decode()
    row = row_html(html, snap.id)
    assert share.name in row  # the share's name, from another project
    for action in ("reset_status", "unmanage", "force_delete"):
        assert f"share_snapshots__row_{snap.id}__action_{action}" in row

    url = reverse("horizon:admin:share_snapshots:reset_status",
                  args=(snap.id,))
    response = admin_client.post(url, {"snapshot_id": snap.id,
                                       "status": "error"})
    assert response.status_code == 302
    assert demo.snapshot_status(snap.id) == "error"

    provider_location = manila("admin").share_snapshots.get(
        snap.id).provider_location
    admin_client.post(url, {"snapshot_id": snap.id, "status": "available"})
    response = admin_client.post(SNAP_INDEX, {
        "action": f"share_snapshots__unmanage__{snap.id}"}, follow=True)
    assert any("unmanaging" in text for _level, text in
               messages(response.content.decode()))
    demo.wait_snapshot(snap.id, None)

    if provider_location:
        name = unique("snap-back")
        response = admin_client.post(
            reverse("horizon:admin:share_snapshots:manage"), {
                "share_id": share.id, "provider_location": provider_location,
                "name": name, "description": ""})
        assert response.status_code == 302, response.content.decode()[-2000:]
        [back] = manila("admin").share_snapshots.list(
            search_opts={"name": name, "all_tenants": 1})
        # As in Manila, a managed snapshot belongs to the admin's project.
        admin = shares_of("admin")
        admin.snapshots.append(back.id)
        admin.wait_snapshot(back.id)

        response = admin_client.post(SNAP_INDEX, {
            "action": f"share_snapshots__force_delete__{back.id}"},
            follow=True)
        assert response.status_code == 200
        admin.wait_snapshot(back.id, None)


def test_members_never_see_admin_actions(demo_client, shares_of):
    _demo, share = ready(shares_of)
    html = demo_client.get(reverse("horizon:project:shares:index")
                           ).content.decode()
    row = row_html(html, share.id)
    for action in ("reset_status", "force_delete", "unmanage"):
        assert f"__action_{action}" not in row
    for url in (SNAP_INDEX, reverse("horizon:admin:user_messages:index"),
                reverse("horizon:admin:shares:manage")):
        response = demo_client.get(url)
        assert response.status_code in (302, 403), url
        assert not response.get("Location", "").startswith(url)


def test_admin_share_filters_by_host_and_status(admin_client, shares_of,
                                                manila):
    _demo, share = ready(shares_of)
    host = manila("admin").shares.get(share.id).host
    response = admin_client.post(INDEX, {"shares__filter__q_field": "host",
                                         "shares__filter__q": host},
                                 follow=True)
    assert share.id in response.content.decode()
    response = admin_client.post(INDEX, {
        "shares__filter__q_field": "host",
        "shares__filter__q": f"nowhere@x#{uuid.uuid4().hex}"}, follow=True)
    assert share.id not in response.content.decode()
    admin_client.post(INDEX, {"shares__filter__q_field": "host",
                              "shares__filter__q": ""})
