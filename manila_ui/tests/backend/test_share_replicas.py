"""A member replicates a share of a replicated type into the other zone,
promotes the copy when the first zone fails, and removes it again; admins
repair replicas with their own actions (2.11, GA 2.56)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

DETAIL_KEYS = {"id", "share_id", "availability_zone", "created_at", "status",
               "share_network_id", "replica_state", "updated_at", "metadata"}
ADMIN_KEYS = DETAIL_KEYS | {"share_server_id", "host", "cast_rules_to_readonly"}


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def replicated_type(admin: Api) -> Iterator[str]:
    name = f"repl-{uuid.uuid4().hex[:8]}"
    resp = admin.post("/v2/types", json={"share_type": {"name": name, "extra_specs": {
        "driver_handles_share_servers": "False", "replication_type": "readable",
        "snapshot_support": "True"}}})
    assert resp.status_code == 200, resp.text
    yield name
    admin.delete(f"/v2/types/{resp.json()['share_type']['id']}")


@pytest.fixture
def member(backend: Backend, project: str) -> Api:
    """A member who talks at Manila's latest version."""
    return backend.api("member-" + project[:6], project, version="2.99")


@pytest.fixture
def share(member: Api, replicated_type: str) -> dict[str, Any]:
    return member.available_share(share_type=replicated_type, name="precious")


def _replicas(api: Api, share_id: str) -> list[dict[str, Any]]:
    resp = api.get(f"/v2/share-replicas/detail?share_id={share_id}")
    assert resp.status_code == 200, resp.text
    found: list[dict[str, Any]] = resp.json()["share_replicas"]
    return found


def _replica(api: Api, replica_id: str) -> dict[str, Any] | None:
    resp = api.get(f"/v2/share-replicas/{replica_id}")
    if resp.status_code == 404:
        return None
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_replica"]
    return found


def _wait_replica(api: Api, replica_id: str, field: str, value: str | None
                  ) -> dict[str, Any] | None:
    def reached() -> Any:
        found = _replica(api, replica_id)
        if value is None:
            return found is None
        return found if found and found[field] == value else None
    return wait_until(reached, 15, what=f"replica {replica_id} {field} {value}")


def _add_replica(api: Api, share_id: str, **fields: Any) -> dict[str, Any]:
    resp = api.post("/v2/share-replicas", json={"share_replica": {"share_id": share_id,
                                                                  **fields}})
    assert resp.status_code == 202, resp.text
    created: dict[str, Any] = resp.json()["share_replica"]
    return created


def test_a_replica_copies_the_share_into_the_other_zone(
        member: Api, admin: Api, share: dict[str, Any]) -> None:
    (active,) = _replicas(member, share["id"])
    assert (active["replica_state"], active["status"]) == ("active", "available")
    assert share["has_replicas"] is False

    created = _add_replica(member, share["id"])

    assert set(created) == DETAIL_KEYS
    # Manila answers before it records the replica's state and zone.
    assert (created["status"], created["replica_state"], created["availability_zone"]) \
        == ("creating", None, None)
    replica = _wait_replica(member, created["id"], "replica_state", "in_sync") or {}
    assert replica["status"] == "available"
    assert replica["availability_zone"] != share["availability_zone"]
    assert (member.share(share["id"]) or {})["has_replicas"] is True
    seen_by_admin = admin.get(f"/v2/share-replicas/{replica['id']}",
                              version="2.99").json()["share_replica"]
    assert set(seen_by_admin) == ADMIN_KEYS
    assert seen_by_admin["cast_rules_to_readonly"] is True   # readable replicas
    locations = member.get(f"/v2/share-replicas/{replica['id']}/export-locations")
    assert locations.status_code == 200, locations.text
    assert {(el["replica_state"], el["availability_zone"])
            for el in locations.json()["export_locations"]} == {
        ("in_sync", replica["availability_zone"])}
    # The share's own locations list the replica's only below 2.47.
    new = member.get(f"/v2/shares/{share['id']}/export_locations").json()
    old = member.get(f"/v2/shares/{share['id']}/export_locations",
                     version="2.46").json()
    replica_paths = {el["path"] for el in locations.json()["export_locations"]}
    assert not replica_paths & {el["path"] for el in new["export_locations"]}
    assert replica_paths <= {el["path"] for el in old["export_locations"]}


def test_promoting_the_replica_moves_the_share(member: Api, admin: Api,
                                               share: dict[str, Any]) -> None:
    first_zone = share["availability_zone"]
    replica = _add_replica(member, share["id"])
    _wait_replica(member, replica["id"], "replica_state", "in_sync")

    resp = member.post(f"/v2/share-replicas/{replica['id']}/action",
                       json={"promote": None})

    assert resp.status_code == 202, resp.text
    assert resp.json()["share_replica"]["status"] == "replication_change"
    _wait_replica(member, replica["id"], "replica_state", "active")
    moved = member.wait_status(share["id"], "available")
    assert moved["availability_zone"] == replica_zone(member, replica["id"])
    assert moved["availability_zone"] != first_zone
    states = {r["id"]: (r["replica_state"], r["status"]) for r in
              admin.get(f"/v2/share-replicas/detail?share_id={share['id']}",
                        version="2.99").json()["share_replicas"]}
    assert states[replica["id"]] == ("active", "available")
    (old_id,) = set(states) - {replica["id"]}
    assert states[old_id] == ("in_sync", "available")
    # Promoting the active replica again changes nothing.
    again = member.post(f"/v2/share-replicas/{replica['id']}/action",
                        json={"promote": None})
    assert (again.status_code, again.content) == (200, b"")


def replica_zone(api: Api, replica_id: str) -> str:
    return str((_replica(api, replica_id) or {})["availability_zone"])


def test_replicas_stand_in_the_way_of_deleting(member: Api, share: dict[str, Any]
                                               ) -> None:
    replica = _add_replica(member, share["id"])
    _wait_replica(member, replica["id"], "replica_state", "in_sync")
    active = next(r for r in _replicas(member, share["id"])
                  if r["replica_state"] == "active")

    assert _fault(member.delete(f"/v2/share-replicas/{active['id']}")) == (
        400, "Unable to perform a replication action: Cannot delete last active "
        "replica.")
    assert _fault(member.delete(f"/v2/shares/{share['id']}")) == (
        409, f"Share {share['id']} has replicas. Remove the replicas before deleting "
        "the share.")

    assert member.delete(f"/v2/share-replicas/{replica['id']}").status_code == 202
    _wait_replica(member, replica["id"], "id", None)
    assert (member.share(share["id"]) or {})["has_replicas"] is False
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    member.wait_gone(share["id"])


def test_who_may_see_and_change_replicas(member: Api, reader: Api, other: Api,
                                         share: dict[str, Any], backend: Backend
                                         ) -> None:
    replica = _add_replica(member, share["id"])
    _wait_replica(member, replica["id"], "replica_state", "in_sync")
    reader.version = other.version = "2.99"

    assert _replica(reader, replica["id"]) is not None
    assert reader.delete(f"/v2/share-replicas/{replica['id']}").status_code == 403
    assert reader.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"]}}).status_code == 403
    assert _fault(other.get(f"/v2/share-replicas/{replica['id']}")) == (
        404, f"Replica {replica['id']} not found.")
    assert _replicas(other, share["id"]) == []
    assert _fault(other.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"]}})) == (404, f"No share exists with ID {share['id']}.")
    # Only admins resync or reset.
    assert member.post(f"/v2/share-replicas/{replica['id']}/action",
                       json={"resync": None}).status_code == 403


def test_what_replica_creation_refuses(member: Api, share: dict[str, Any]) -> None:
    plain = member.available_share()

    assert _fault(member.post("/v2/share-replicas", json={"share_replica": {
        "share_id": plain["id"]}})) == (
        400, f"Replication not supported for share {plain['id']}.")
    assert _replicas(member, plain["id"]) == []
    assert member.post("/v2/share-replicas", json={"replica": {}}).status_code == 422
    assert _fault(member.post("/v2/share-replicas", json={"share_replica": {}})) == (
        400, "Must provide Share ID to add replica.")
    assert _fault(member.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"], "availability_zone": "atlantis"}})) == (
        400, "Availability zone atlantis could not be found.")
    assert member.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"], "share_network_id": "x"}},
        version="2.71").status_code == 400
    # Experimental before 2.56.
    assert member.get("/v2/share-replicas", version="2.55").status_code == 404
    assert member.get("/v2/share-replicas", version="2.55", headers={
        "X-OpenStack-Manila-API-Experimental": "True"}).status_code == 200


def test_no_pool_left_for_a_third_copy(member: Api, share: dict[str, Any]) -> None:
    second = _add_replica(member, share["id"])
    _wait_replica(member, second["id"], "replica_state", "in_sync")

    third = _add_replica(member, share["id"])

    failed = _wait_replica(member, third["id"], "status", "error") or {}
    assert failed["replica_state"] == "error"
    (message,) = member.messages_for(third["id"])
    assert (message["resource_type"], message["action_id"], message["detail_id"]) == (
        "SHARE_REPLICA", "001", "014")


def test_admins_repair_replicas(member: Api, admin: Api, share: dict[str, Any]
                                ) -> None:
    admin.version = "2.99"
    replica = _add_replica(member, share["id"])
    _wait_replica(member, replica["id"], "replica_state", "in_sync")
    url = f"/v2/share-replicas/{replica['id']}/action"
    active = next(r for r in _replicas(member, share["id"])
                  if r["replica_state"] == "active")

    assert admin.post(url, json={"reset_replica_state": {
        "replica_state": "out_of_sync"}}).status_code == 202
    assert _fault(member.post(url, json={"promote": None}))[0] == 403
    assert admin.post(url, json={"resync": None}).status_code == 202
    _wait_replica(member, replica["id"], "replica_state", "in_sync")
    assert _fault(admin.post(f"/v2/share-replicas/{active['id']}/action", json={
        "reset_replica_state": {"replica_state": "error"}})) == (
        400, "Cannot reset replica_state of an active replica")
    assert _fault(admin.post(url, json={"reset_status": {"status": "bogus"}}))[0] == 400
    assert admin.post(url, json={"reset_status": {"status": "error"}}).status_code == 202
    assert _fault(member.post(url, json={"promote": None})) == (
        400, f"Unable to perform a replication action: Replica {replica['id']} must be "
        "in available state to be promoted.")

    assert admin.post(url, json={"force_delete": None}).status_code == 202

    _wait_replica(member, replica["id"], "id", None)


def test_replica_quota(member: Api, admin: Api, share: dict[str, Any]) -> None:
    resp = admin.put(f"/v2/quota-sets/{member.project}",
                     json={"quota_set": {"share_replicas": 1}})
    assert resp.status_code == 200, resp.text

    refused = member.post("/v2/share-replicas", json={"share_replica": {
        "share_id": share["id"]}})

    assert _fault(refused) == (413, "ShareReplicasLimitExceeded: Maximum number of "
                                    "allowed share-replicas is exceeded.")


def test_replica_metadata(member: Api, share: dict[str, Any]) -> None:
    replica = _add_replica(member, share["id"], metadata={"site": "b"})
    url = f"/v2/share-replicas/{replica['id']}/metadata"

    assert replica["metadata"] == {"site": "b"}
    assert member.post(url, json={"metadata": {"tier": "1"}}).status_code == 200
    assert member.get(url).json() == {"metadata": {"site": "b", "tier": "1"}}
    assert member.delete(url + "/site").status_code == 200
    assert member.get(url, version="2.94").status_code == 404
