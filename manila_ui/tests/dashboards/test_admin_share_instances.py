"""Admin > Share Instances: an admin finds the instance behind a share in
a list that costs the same whatever its length, opens it to see where it
is exported, resets its status and force-deletes a broken one; a member
does not get the panel."""

from __future__ import annotations

from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import unique

INDEX = reverse("horizon:admin:share_instances:index")


def detail_url(instance_id):
    return reverse("horizon:admin:share_instances:detail", args=(instance_id,))


def _instance_of(manila, share_id):
    (instance,) = manila("admin").shares.list_instances(share_id)
    return instance


def test_the_instance_list_costs_the_same_for_one_share_or_three(
        admin_client, manila, shares_of, backend_calls, record_property):
    demo = shares_of("demo")
    first = demo.create(name=unique("inst"))
    demo.wait(first.id)
    instance = _instance_of(manila, first.id)

    microversions.clear_cache()
    with backend_calls() as few:
        html = admin_client.get(INDEX + f"?host={instance.host}").content.decode()
    for _ in range(2):
        demo.wait(demo.create(name=unique("inst")).id)
    microversions.clear_cache()
    with backend_calls() as more:
        more_html = admin_client.get(INDEX).content.decode()

    row = row_html(html, instance.id)
    assert first.id in row and instance.host in row
    assert instance.id in more_html
    record_property("share_instances_index_calls", more.count)
    assert few.count == more.count, (few.lines, more.lines)
    assert more.count <= 3, more.lines


def test_the_detail_shows_where_the_instance_is_exported(
        admin_client, manila, shares_of, backend_calls, record_property):
    demo = shares_of("demo")
    share = demo.create(name=unique("inst"))
    demo.wait(share.id)
    instance = _instance_of(manila, share.id)
    paths = [loc.path for loc in manila("demo").share_export_locations.list(share.id)]

    microversions.clear_cache()
    with backend_calls() as calls:
        html = admin_client.get(detail_url(instance.id)).content.decode()

    record_property("share_instance_detail_calls", calls.count)
    assert 'id="share_instance_detail__export_locations"' in html
    assert all(path in html for path in paths), paths
    assert reverse("horizon:admin:shares:detail", args=(share.id,)) in html
    assert calls.count <= 4, calls.lines


def test_an_admin_resets_an_instance_and_force_deletes_it(
        admin_client, manila, shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("inst"))
    demo.wait(share.id)
    instance = _instance_of(manila, share.id)
    reset = reverse("horizon:admin:share_instances:reset_status", args=(instance.id,))

    form = admin_client.get(reset)
    response = admin_client.post(reset, {"instance_id": instance.id, "status": "error"})

    assert form.status_code == 200
    assert response.status_code == 302
    demo.wait(share.id, "error")
    response = admin_client.post(INDEX, {"action": f"share_instances__force_delete__{instance.id}"})
    assert response.status_code == 302
    demo.wait_gone(share.id)


def test_a_member_does_not_get_the_panel(demo_client):
    assert demo_client.get(INDEX).status_code in (302, 403, 404)


def test_a_shares_instances_from_its_admin_detail(admin_client, demo_client, manila,
                                                  shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("inst"))
    demo.wait(share.id)
    instance = _instance_of(manila, share.id)
    admin_detail = reverse("horizon:admin:shares:detail", args=(share.id,))

    tab = admin_client.get(admin_detail, {"tab": "share_details__instances"},
                           HTTP_X_REQUESTED_WITH="XMLHttpRequest").content.decode()
    member = demo_client.get(reverse("horizon:project:shares:detail", args=(share.id,)))

    assert detail_url(instance.id) in tab
    assert "share_details__instances" not in member.content.decode()
