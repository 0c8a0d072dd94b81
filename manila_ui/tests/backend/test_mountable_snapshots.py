"""A member mounts a snapshot (2.32): the share's type asks for
``mount_snapshot_support``, the snapshot gets export locations beside the
share's and read-only access rules, written to the snapshot's exports file;
pools report the capability only where their back end has it, and the
scheduler honours it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _type(admin: Api, name: str, **specs: str) -> dict[str, Any]:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": name, "share_type_access:is_public": True,
        "extra_specs": {"driver_handles_share_servers": "False", **specs}}})
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_type"]
    return found


def _snapshot(member: Api, share_id: str) -> dict[str, Any]:
    snap = member.create_snapshot(share_id)
    found = member.wait_snapshot(snap["id"], "available")
    assert found is not None
    return found


def _rules(member: Api, snapshot_id: str) -> list[dict[str, Any]]:
    resp = member.get(f"/v2/snapshots/{snapshot_id}/access-list")
    assert resp.status_code == 200, resp.text
    found: list[dict[str, Any]] = resp.json()["snapshot_access_list"]
    return found


def _allow(member: Api, snapshot_id: str, to: str, kind: str = "ip") -> Any:
    return member.post(f"/v2/snapshots/{snapshot_id}/action", json={
        "allow_access": {"access_type": kind, "access_to": to}})


def _settled(member: Api, snapshot_id: str) -> list[dict[str, Any]]:
    def done() -> list[dict[str, Any]] | None:
        rules = _rules(member, snapshot_id)
        return rules if all(r["state"] in ("active", "error") for r in rules) else None
    found: list[dict[str, Any]] = wait_until(done, 15, what="the snapshot's rules to settle")
    return found


def _exports(backend: Backend, snapshot_id: str) -> str:
    path: Path = backend.state / "exports" / f"{snapshot_id}.exports"
    return path.read_text() if path.exists() else ""


@pytest.fixture
def mountable(member: Api) -> dict[str, Any]:
    """An available snapshot of a share of the default type (which asks for
    mount_snapshot_support)."""
    share = member.available_share(name="mounted")
    assert share["mount_snapshot_support"] is True
    return _snapshot(member, share["id"])


def test_a_mountable_snapshot_is_exported_beside_its_share(member: Api, admin: Api,
                                                           mountable: dict[str, Any]) -> None:
    path = f"/v2/snapshots/{mountable['id']}/export-locations"
    seen = member.get(path).json()["share_snapshot_export_locations"]
    every = admin.get(path).json()["share_snapshot_export_locations"]

    name = "snapshot_" + mountable["id"].replace("-", "_")
    assert sorted(el["path"] for el in seen) == sorted([
        f"10.0.0.10:/snapshots/{name}", f"[fd00:10::10]:/snapshots/{name}"])
    assert {frozenset(el) for el in seen} == {frozenset({"id", "path", "links"})}
    assert [el["is_admin_only"] for el in every] == [True, False, False]
    assert {el["share_snapshot_instance_id"] for el in every} == {mountable["id"]}
    one = member.get(f"{path}/{seen[0]['id']}").json()["share_snapshot_export_location"]
    assert set(one) == {"id", "path", "links", "created_at", "updated_at"}
    instance = admin.get(f"/v2/snapshot-instances/{mountable['id']}/export-locations")
    assert [el["id"] for el in instance.json()["share_snapshot_export_locations"]] == [
        el["id"] for el in every]
    assert member.get(f"/v2/snapshot-instances/{mountable['id']}/export-locations"
                      ).status_code == 403
    assert member.get(path, version="2.31").status_code == 404


def test_rules_go_queued_applying_active_and_become_read_only_exports(
        backend: Backend, member: Api, mountable: dict[str, Any]) -> None:
    snap_id = mountable["id"]
    allowed = _allow(member, snap_id, "10.0.0.0/24")

    assert allowed.status_code == 202, allowed.text
    assert allowed.json() == {"snapshot_access": {
        "id": allowed.json()["snapshot_access"]["id"], "access_type": "ip",
        "access_to": "10.0.0.0/24", "state": "queued_to_apply"}}
    assert [r["state"] for r in _settled(member, snap_id)] == ["active"]
    name = "snapshot_" + snap_id.replace("-", "_")
    assert f"/snapshots/{name} 10.0.0.0/24(ro,no_root_squash)" in _exports(backend, snap_id)

    rule_id = allowed.json()["snapshot_access"]["id"]
    denied = member.post(f"/v2/snapshots/{snap_id}/action",
                         json={"deny_access": {"access_id": rule_id}})
    assert denied.status_code == 202
    assert _rules(member, snap_id)[0]["state"] == "queued_to_deny"
    wait_until(lambda: not _rules(member, snap_id), 15, what="the rule to go")
    assert "10.0.0.0/24" not in _exports(backend, snap_id)


def test_refusals_name_the_problem(member: Api, reader: Api, other: Api,
                                   mountable: dict[str, Any]) -> None:
    snap_id = mountable["id"]
    assert _allow(member, snap_id, "10.0.0.0/24").status_code == 202

    def refused(resp: Any) -> tuple[int, str]:
        body = resp.json()
        (fault,) = body.values()
        return resp.status_code, fault["message"]

    assert refused(_allow(member, snap_id, "10.0.0.0/24")) == (
        400, "Share snapshot access ip:10.0.0.0/24 exists.")
    assert refused(_allow(member, snap_id, "10.0.0.1/24")) == (
        400, "10.0.0.1/24 has host bits set")
    assert _allow(member, snap_id, "2001:db8::/64").status_code == 202
    assert refused(_allow(member, snap_id, "2001:db8::/64")) == (
        400, "Share snapshot access ip:2001:db8::/64 exists.")
    assert refused(_allow(member, snap_id, "client", kind="cephx")) == (
        400, "Only 'ip', 'user' or 'cert' access types are supported.")
    assert refused(_allow(reader, snap_id, "10.0.1.0/24"))[0] == 403
    assert refused(_allow(other, snap_id, "10.0.1.0/24")) == (
        404, f"ShareSnapshotNotFound: Snapshot {snap_id} could not be found.")
    assert refused(member.post(f"/v2/snapshots/{snap_id}/action", json={
        "deny_access": {"access_id": UNKNOWN}})) == (
        404, "NotFound: Resource could not be found.")


def test_a_user_rule_on_an_nfs_snapshot_ends_in_error(member: Api,
                                                      mountable: dict[str, Any]) -> None:
    assert _allow(member, mountable["id"], "alice", kind="user").status_code == 202
    assert [r["state"] for r in _settled(member, mountable["id"])] == ["error"]


def test_a_snapshot_whose_share_cannot_mount_it_has_no_locations_and_no_rules(
        member: Api, admin: Api) -> None:
    kind = _type(admin, "nomount-" + new_project()[:8], snapshot_support="True")
    share = member.available_share(share_type=kind["id"])
    snap = _snapshot(member, share["id"])

    assert share["mount_snapshot_support"] is False
    assert member.get(f"/v2/snapshots/{snap['id']}/export-locations").json() == {
        "share_snapshot_export_locations": []}
    message = (f"Cannot control access to the snapshot {snap['id']} since the parent "
               f"share {share['id']} does not support mounting its snapshots.")
    for resp in (_allow(member, snap["id"], "10.0.0.0/24"),
                 member.get(f"/v2/snapshots/{snap['id']}/access-list")):
        assert (resp.status_code, resp.json()["badRequest"]["message"]) == (400, message)


def test_deleting_a_snapshot_takes_its_rules_and_exports_file(
        backend: Backend, member: Api, mountable: dict[str, Any]) -> None:
    snap_id = mountable["id"]
    _allow(member, snap_id, "10.0.0.0/24")
    _settled(member, snap_id)
    assert _exports(backend, snap_id)

    assert member.delete(f"/v2/snapshots/{snap_id}").status_code == 202
    member.wait_snapshot(snap_id, None)
    assert not (backend.state / "exports" / f"{snap_id}.exports").exists()
    with backend.db() as db:
        assert db.execute("select count(*) from share_snapshot_access_rules where "
                          "snapshot_id = ?", (snap_id,)).fetchone() == (0,)


def test_a_failing_back_end_leaves_the_rules_in_error(member: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "access"})
    snap = _snapshot(member, share["id"])

    _allow(member, snap["id"], "10.0.0.0/24")
    assert [r["state"] for r in _settled(member, snap["id"])] == ["error"]


def test_pools_report_the_capability_and_the_scheduler_honours_it(
        start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(**{"simulated_driver.mount_snapshot_backends": "alpha"})
    admin = backend.api("admin", new_project())
    member = backend.api("member", new_project())
    pools = admin.get("/v2/scheduler-stats/pools/detail").json()["pools"]
    reported = {pool["backend"]: pool["capabilities"]["mount_snapshot_support"]
                for pool in pools}
    assert reported == {"alpha": True, "beta": False, "gamma": False}

    kind = _type(admin, "mountable", mount_snapshot_support="True")
    placed = member.available_share(share_type=kind["id"])
    assert admin.get(f"/v2/shares/{placed['id']}").json()["share"]["host"].endswith(
        "@alpha#pool_alpha")
    refused = member.create_share(share_type=kind["id"], availability_zone="nova-2")
    wait_until(lambda: member.share(refused["id"])["status"] == "error",  # type: ignore[index]
               15, what="no valid host")
    assert [m["detail_id"] for m in member.messages_for(refused["id"])] == ["008"]
