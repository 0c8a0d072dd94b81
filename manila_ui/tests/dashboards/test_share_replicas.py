"""A replicated share's Replicas tab: its owner adds a replica in the other
zone, watches it come in sync, promotes it, and removes the old active one;
the tab costs one call whatever the number of replicas, and a share of a
type without replication has no such tab."""

from __future__ import annotations

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import Shares
from manila_ui.tests.dashboards.helpers import no_shares_of_type
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until


def detail_url(share_id):
    return reverse("horizon:project:shares:detail", args=(share_id,))


def replicas_tab(client, share_id):
    response = client.get(detail_url(share_id), {"tab": "share_details__replicas"},
                          HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def replicated(manila):
    """(a share type with replication, demo's Shares); after the test the
    replicas go, then the shares (Manila keeps a share that has replicas),
    then the type."""
    admin = manila("admin")
    created = admin.share_types.create(
        unique("repl"), spec_driver_handles_share_servers=False,
        extra_specs={"replication_type": "readable", "snapshot_support": "True"})
    demo = Shares(manila("demo"))
    yield created.name, demo
    for share_id in demo.created:
        for replica in _replicas(manila, share_id).values():
            if replica.replica_state != "active":
                manila("admin").share_replicas.delete(replica.id, force=True)
        wait_until(lambda sid=share_id: len(_replicas(manila, sid)) <= 1, timeout=60,
                   what="the replicas gone")
    demo.cleanup()
    wait_until(lambda: no_shares_of_type(admin, created.id), timeout=60, what="shares gone")
    admin.share_types.delete(created.id)


def _replicas(manila, share_id):
    return {r.id: r for r in manila("demo").share_replicas.list(share_id)}


def _state(manila, replica_id):
    return manila("demo").share_replicas.get(replica_id).replica_state


def test_an_owner_replicates_promotes_and_removes_the_old_active(
        demo_client, manila, replicated, backend_calls, record_property):
    share_type, demo = replicated
    share = demo.create(name=unique("repl"), share_type=share_type,
                        availability_zone="nova")
    demo.wait(share.id)
    (active,) = _replicas(manila, share.id)

    microversions.clear_cache()
    with backend_calls() as one:
        html = replicas_tab(demo_client, share.id)
    assert row_ids(html) == [active]
    assert "replicas__promote__" not in html        # nothing in sync to promote

    create = reverse("horizon:project:shares:create_replica", args=(share.id,))
    assert demo_client.get(create).status_code == 200
    response = demo_client.post(create, {"share_id": share.id, "availability_zone": ""})
    assert response.status_code == 302
    (new,) = set(_replicas(manila, share.id)) - {active}
    wait_until(lambda: _state(manila, new) == "in_sync", timeout=60,
               what="the new replica in sync")

    microversions.clear_cache()
    with backend_calls() as two:
        html = replicas_tab(demo_client, share.id)
    assert set(row_ids(html)) == {active, new}
    assert f"replicas__promote__{new}" in row_html(html, new)
    record_property("replicas_tab_calls", two.count)
    assert one.count == two.count, (one.lines, two.lines)

    response = demo_client.post(detail_url(share.id),
                                {"action": f"replicas__promote__{new}"})
    assert response.status_code == 302
    wait_until(lambda: _state(manila, new) == "active", timeout=60,
               what="the promoted replica active")
    wait_until(lambda: _state(manila, active) == "in_sync", timeout=60,
               what="the old active replica in sync")
    demo.wait(share.id)

    response = demo_client.post(detail_url(share.id),
                                {"action": f"replicas__delete__{active}"})
    assert response.status_code == 302
    wait_until(lambda: active not in _replicas(manila, share.id), timeout=60,
               what="the old replica gone")
    assert row_ids(replicas_tab(demo_client, share.id)) == [new]


def test_a_share_without_replication_has_no_replicas_tab(demo_client, shares_of):
    demo = shares_of("demo")
    share = demo.create(name=unique("plain"))
    demo.wait(share.id)

    html = demo_client.get(detail_url(share.id)).content.decode()

    assert "share_details__replicas" not in html
    assert "share_details__overview" in html


def test_an_admin_resets_a_replicas_state_resyncs_and_force_deletes_it(
        admin_client, manila, replicated):
    share_type, demo = replicated
    share = demo.create(name=unique("repl"), share_type=share_type,
                        availability_zone="nova")
    demo.wait(share.id)
    replica = manila("demo").share_replicas.create(share.id)
    wait_until(lambda: _state(manila, replica.id) == "in_sync", timeout=60,
               what="the replica in sync")
    admin_detail = reverse("horizon:admin:shares:detail", args=(share.id,))
    reset = reverse("horizon:admin:shares:reset_replica_state", args=(replica.id,))

    assert admin_client.get(reset).status_code == 200
    response = admin_client.post(reset, {"replica_id": replica.id,
                                         "replica_state": "out_of_sync"})

    assert response.status_code == 302
    assert _state(manila, replica.id) == "out_of_sync"
    tab = admin_client.get(admin_detail, {"tab": "share_details__replicas"},
                           HTTP_X_REQUESTED_WITH="XMLHttpRequest").content.decode()
    assert f"replicas__resync__{replica.id}" in row_html(tab, replica.id)
    response = admin_client.post(admin_detail,
                                 {"action": f"replicas__force_delete__{replica.id}"})
    assert response.status_code == 302
    wait_until(lambda: replica.id not in _replicas(manila, share.id), timeout=60,
               what="the replica gone")


def test_a_member_gets_no_admin_replica_actions(demo_client, manila, replicated):
    share_type, demo = replicated
    share = demo.create(name=unique("repl"), share_type=share_type,
                        availability_zone="nova")
    demo.wait(share.id)

    tab = replicas_tab(demo_client, share.id)
    (active,) = _replicas(manila, share.id)
    reset = reverse("horizon:admin:shares:reset_replica_state", args=(active,))

    assert "reset_replica_state" not in tab and "force_delete" not in tab
    assert demo_client.get(reset).status_code in (302, 403)
