"""Admins look behind shares and snapshots at their instances (2.3, 2.19):
list and find them, see their export locations, reset and force-delete
them; members are refused.  A backend killed mid-replication or
mid-migration finishes the work after a restart."""

from __future__ import annotations

import signal
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until

INSTANCE_KEYS = {"id", "share_id", "availability_zone", "created_at", "host", "status",
                 "share_network_id", "share_server_id", "access_rules_status",
                 "replica_state", "share_type_id", "cast_rules_to_readonly",
                 "progress", "updated_at"}


@pytest.fixture
def admin(backend: Backend) -> Api:
    return backend.api("admin", "adminproject", version="2.99")


def _instances(admin: Api, share_id: str) -> list[dict[str, Any]]:
    resp = admin.get(f"/v2/shares/{share_id}/instances")
    assert resp.status_code == 200, resp.text
    found: list[dict[str, Any]] = resp.json()["share_instances"]
    return found


def _replicated_type(admin: Api) -> str:
    name = f"repl-{uuid.uuid4().hex[:8]}"
    assert admin.post("/v2/types", json={"share_type": {"name": name, "extra_specs": {
        "driver_handles_share_servers": "False", "replication_type": "readable",
        "snapshot_support": "True"}}}).status_code == 200
    return name


def test_an_admin_finds_a_share_instance_by_its_export_location(
        admin: Api, member: Api) -> None:
    share = member.available_share()
    (instance,) = _instances(admin, share["id"])
    location = admin.get(f"/v2/shares/{share['id']}/export_locations").json()[
        "export_locations"][0]

    found = admin.get(f"/v2/share_instances?export_location_path={location['path']}")

    assert [i["id"] for i in found.json()["share_instances"]] == [instance["id"]]
    assert set(instance) == INSTANCE_KEYS
    assert instance["id"] != share["id"]
    assert (instance["share_id"], instance["status"]) == (share["id"], "available")
    by_id = admin.get(f"/v2/share_instances?export_location_id={location['id']}").json()
    assert [i["id"] for i in by_id["share_instances"]] == [instance["id"]]
    shown = admin.get(f"/v2/share_instances/{instance['id']}").json()["share_instance"]
    assert shown == instance
    locations = admin.get(f"/v2/share_instances/{instance['id']}/export_locations")
    assert {el["id"] for el in locations.json()["export_locations"]} >= {location["id"]}
    assert location["share_instance_id"] == instance["id"]
    legacy = admin.get(f"/v2/share_instances/{instance['id']}", version="2.8").json()
    assert location["path"] in legacy["share_instance"]["export_locations"]


def test_members_may_not_look_at_instances(member: Api, reader: Api) -> None:
    share = member.available_share()

    for api in (member, reader):
        assert api.get("/v2/share_instances").status_code == 403
        assert api.get(f"/v2/shares/{share['id']}/instances").status_code == 403
        assert api.get("/v2/snapshot-instances").status_code == 403


def test_resetting_the_instance_resets_the_share(admin: Api, member: Api) -> None:
    share = member.available_share()
    (instance,) = _instances(admin, share["id"])
    url = f"/v2/share_instances/{instance['id']}/action"

    assert admin.post(url, json={"reset_status": {"status": "bogus"}}).status_code == 400
    assert admin.post(url, json={"reset_status": {"status": "error"}}).status_code == 202

    assert (member.share(share["id"]) or {})["status"] == "error"
    assert admin.post(url, json={"force_delete": None}).status_code == 202
    member.wait_gone(share["id"])


def test_a_replica_has_its_own_instance_and_snapshot_instances(
        admin: Api, member: Api) -> None:
    share = member.available_share(share_type=_replicated_type(admin))
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")
    resp = member.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"]}})
    replica = resp.json()["share_replica"]
    wait_until(lambda: admin.get(f"/v2/share-replicas/{replica['id']}").json()[
        "share_replica"]["replica_state"] == "in_sync", 15, what="in sync")

    instances = _instances(admin, share["id"])
    assert {i["replica_state"] for i in instances} == {"active", "in_sync"}
    listed = admin.get(f"/v2/snapshot-instances/detail?snapshot_id={snap['id']}").json()
    on = {i["share_instance_id"]: i for i in listed["snapshot_instances"]}
    assert set(on) == {i["id"] for i in instances}
    assert {i["status"] for i in on.values()} == {"available"}
    replica_snap = on[replica["id"]]
    url = f"/v2/snapshot-instances/{replica_snap['id']}"
    assert admin.post(url + "/action", json={"reset_status": {
        "status": "error"}}).status_code == 202
    assert admin.get(url).json()["snapshot_instance"]["status"] == "error"
    # The snapshot is its instance on the active replica: unchanged.
    assert (member.snapshot(snap["id"]) or {})["status"] == "available"
    summary = admin.get(f"/v2/snapshot-instances?snapshot_id={snap['id']}").json()
    assert set(summary["snapshot_instances"][0]) == {"id", "snapshot_id", "status"}


def test_a_restart_finishes_a_replica_and_a_migration(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    first = start_backend(tmp_path, transition_delay="0.2")
    admin = first.api("admin", new_project(), version="2.99")
    user = first.api("demo", new_project(), version="2.99")
    share = user.available_share(share_type=_replicated_type(admin))
    plain = admin.share(user.available_share(availability_zone="nova")["id"]) or {}
    pools = admin.get("/v2/scheduler-stats/pools").json()["pools"]
    dest = next(p["name"] for p in pools if p["backend"] == "beta")
    first.stop()
    first = start_backend(tmp_path, transition_delay="3.0")
    admin = first.api("admin", admin.project, version="2.99")
    user = first.api("demo", user.project, version="2.99")

    replica = user.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"]}}).json()["share_replica"]
    assert admin.action(plain["id"], "migration_start", {
        "host": dest, "writable": True, "preserve_metadata": True,
        "preserve_snapshots": True, "nondisruptive": False}).status_code == 202
    first.stop(signal.SIGKILL)   # a crash, before either step is due

    second = start_backend(tmp_path, transition_delay="0.2")
    admin = second.api("admin", admin.project, version="2.99")

    wait_until(lambda: admin.get(f"/v2/share-replicas/{replica['id']}").json()[
        "share_replica"]["replica_state"] == "in_sync", 20, what="replica in sync")
    wait_until(lambda: (admin.share(plain["id"]) or {})["task_state"]
               == "migration_driver_phase1_done", 20, what="migration phase 1")
    with second.db() as db:
        assert db.execute("SELECT count(*) FROM operations").fetchone() == (0,)
