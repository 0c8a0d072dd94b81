"""A project member groups shares: a group of the default group type, two
shares in it, a consistent group snapshot, and a new group from that
snapshot; what the group's rules refuse, and what other projects, readers
and admins may do (Manila 23's answers, GA 2.55)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

GA = "2.55"
UNKNOWN = "00000000-0000-4000-8000-000000000000"
GROUP_KEYS = {"id", "name", "created_at", "status", "description", "project_id", "host",
              "share_group_type_id", "source_share_group_snapshot_id", "share_network_id",
              "share_types", "links", "availability_zone", "consistent_snapshot_support"}


def create_group(api: Api, status: int = 202, **fields: Any) -> dict[str, Any]:
    resp = api.post("/v2/share-groups", json={"share_group": fields}, version=GA)
    assert resp.status_code == status, resp.text
    group: dict[str, Any] = resp.json()["share_group"] if status == 202 else resp.json()
    return group


def group_of(api: Api, group_id: str) -> dict[str, Any] | None:
    resp = api.get(f"/v2/share-groups/{group_id}", version=GA)
    if resp.status_code == 404:
        return None
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_group"]
    return found


def wait_group(api: Api, group_id: str, status: str | None) -> dict[str, Any] | None:
    def reached() -> Any:
        group = group_of(api, group_id)
        return group is None if status is None else (
            group if group is not None and group["status"] == status else None)
    found = wait_until(reached, 15, what=f"group {group_id} {status}")
    return found if status is not None else None


def snapshot_of(api: Api, snapshot_id: str) -> dict[str, Any] | None:
    resp = api.get(f"/v2/share-group-snapshots/{snapshot_id}", version=GA)
    if resp.status_code == 404:
        return None
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_group_snapshot"]
    return found


def wait_snapshot(api: Api, snapshot_id: str, status: str) -> dict[str, Any]:
    found: dict[str, Any] = wait_until(
        lambda: (lambda s: s if s is not None and s["status"] == status else None)(
            snapshot_of(api, snapshot_id)), 15, what=f"group snapshot {status}")
    return found


def snapshot_group(api: Api, group_id: str, **fields: Any) -> dict[str, Any]:
    resp = api.post("/v2/share-group-snapshots", version=GA, json={
        "share_group_snapshot": {"share_group_id": group_id, **fields}})
    assert resp.status_code == 202, resp.text
    found: dict[str, Any] = resp.json()["share_group_snapshot"]
    return found


def fault(resp: Any) -> tuple[int, str]:
    (body,) = resp.json().values()
    return resp.status_code, body["message"]


@pytest.fixture
def group(member: Api) -> dict[str, Any]:
    created = create_group(member, name="nightly", description="the app's data")
    found = wait_group(member, created["id"], "available")
    assert found is not None
    return found


def test_a_group_of_the_default_type_is_placed_on_one_pool(member: Api) -> None:
    created = create_group(member, name="app")

    assert created["status"] == "creating"
    assert set(created) == GROUP_KEYS
    assert (created["host"], created["availability_zone"]) == (None, None)
    default = member.get("/v2/share-group-types/default", version=GA).json()
    assert created["share_group_type_id"] == default["share_group_type"]["id"]
    assert created["share_types"] == default["share_group_type"]["share_types"]
    available = wait_group(member, created["id"], "available")
    assert available is not None
    assert available["host"].startswith("manila-ui@") and "#" in available["host"]
    assert available["availability_zone"] in ("nova", "nova-2")
    assert available["consistent_snapshot_support"] == "pool"


def test_shares_of_a_group_live_on_its_pool_and_leave_with_its_id(
        member: Api, group: dict[str, Any]) -> None:
    first = member.available_share(name="db", share_group_id=group["id"])
    second = member.create_share(name="logs", share_group_id=group["id"])

    assert second["availability_zone"] == group["availability_zone"]
    assert second["share_group_id"] == group["id"]
    second = member.wait_status(second["id"], "available")
    listed = member.get(f"/v2/shares?share_group_id={group['id']}").json()["shares"]
    assert {s["name"] for s in listed} == {"db", "logs"}
    admin_view = member.get(f"/v2/shares/{first['id']}")
    assert admin_view.json()["share"]["source_share_group_snapshot_member_id"] is None

    assert fault(member.delete(f"/v2/share-groups/{group['id']}", version=GA)) == (
        409, "Invalid share group: Cannot delete a share group with shares")
    assert fault(member.delete(f"/v2/shares/{first['id']}")) == (
        400, "Must provide 'share_group_id' as a request parameter when deleting a share "
             "in a share group.")
    assert fault(member.delete(f"/v2/shares/{first['id']}?share_group_id={UNKNOWN}")) == (
        400, "The specified 'share_group_id' does not match the share group id of the "
             "share.")
    for share in (first, second):
        resp = member.delete(f"/v2/shares/{share['id']}?share_group_id={group['id']}")
        assert resp.status_code == 202, resp.text
        member.wait_gone(share["id"])
    assert member.delete(f"/v2/share-groups/{group['id']}", version=GA).status_code == 202
    wait_group(member, group["id"], None)


def test_a_share_of_another_type_or_zone_is_refused(member: Api, admin: Api,
                                                    group: dict[str, Any]) -> None:
    other_zone = "nova-2" if group["availability_zone"] == "nova" else "nova"
    resp = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_group_id": group["id"],
        "availability_zone": other_zone}})
    assert resp.status_code == 400
    assert "different than share group's one" in fault(resp)[1]
    resp = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_group_id": group["id"],
        "share_type": "dhss_false"}})
    assert resp.status_code == 400
    assert "is not supported by the specified share group" in fault(resp)[1]
    resp = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_group_id": UNKNOWN}})
    assert fault(resp) == (404, f"Share group {UNKNOWN} could not be found.")


def test_a_group_snapshot_holds_every_share_at_once_and_seeds_a_new_group(
        member: Api, group: dict[str, Any]) -> None:
    shares = [member.available_share(name=name, size=size, share_group_id=group["id"])
              for name, size in (("db", 1), ("logs", 2))]

    created = snapshot_group(member, group["id"], name="before-upgrade")
    assert (created["status"], created["members"]) == ("creating", [])
    snapshot = wait_snapshot(member, created["id"], "available")
    assert sorted((m["share_id"], m["size"]) for m in snapshot["members"]) == sorted(
        (s["id"], s["size"]) for s in shares)
    members = member.get(f"/v2/share-group-snapshots/{snapshot['id']}/members",
                         version=GA).json()["share_group_snapshot_members"]
    assert {m["share_protocol"] for m in members} == {"NFS"}
    assert fault(member.delete(f"/v2/shares/{shares[0]['id']}?share_group_id="
                               f"{group['id']}")) == (
        403, "Invalid share: Share still has 1 dependent share group snapshot members.")
    assert fault(member.delete(f"/v2/share-groups/{group['id']}", version=GA)) == (
        409, "Invalid share group: Cannot delete a share group with snapshots")

    copy = create_group(member, name="restored",
                        source_share_group_snapshot_id=snapshot["id"])
    assert copy["host"] == group["host"]
    assert copy["source_share_group_snapshot_id"] == snapshot["id"]
    wait_group(member, copy["id"], "available")
    copies = member.get(f"/v2/shares/detail?share_group_id={copy['id']}").json()["shares"]
    by_member = {s["source_share_group_snapshot_member_id"]: s for s in copies}
    assert set(by_member) == {m["id"] for m in snapshot["members"]}
    assert {s["status"] for s in copies} == {"available"}
    assert sorted(s["size"] for s in copies) == [1, 2]


def test_group_snapshot_rules(member: Api, group: dict[str, Any]) -> None:
    creating = member.create_share(share_group_id=group["id"])
    resp = member.post("/v2/share-group-snapshots", version=GA, json={
        "share_group_snapshot": {"share_group_id": group["id"]}})
    assert fault(resp) == (409, f"Invalid share group: Share {creating['id']} in share "
                                "group must have status of available in order to create "
                                "a group snapshot")
    member.wait_status(creating["id"], "available")
    for body, expected in (
            ({}, "Must supply 'share_group_id' attribute."),
            ({"share_group_id": "x"}, "The 'share_group_id' attribute must be a uuid."),
            ({"share_group_id": UNKNOWN}, f"Share group {UNKNOWN} could not be found.")):
        resp = member.post("/v2/share-group-snapshots", version=GA,
                           json={"share_group_snapshot": body})
        assert fault(resp) == (400, expected)


def test_other_projects_readers_and_admins(member: Api, reader: Api, other: Api,
                                           admin: Api, group: dict[str, Any]) -> None:
    path = f"/v2/share-groups/{group['id']}"
    assert fault(other.get(path, version=GA)) == (404, f"Share group {group['id']} "
                                                       "not found.")
    assert other.get("/v2/share-groups", version=GA).json() == {"share_groups": []}
    assert reader.get(path, version=GA).status_code == 200
    resp = reader.put(path, version=GA, json={"share_group": {"name": "reader"}})
    assert resp.status_code == 403
    assert create_group(reader, status=403)["forbidden"]["message"] == (
        "Access was denied to this resource.")
    admin_view = group_of(admin, group["id"])
    assert admin_view is not None and "share_server_id" in admin_view
    everyone = admin.get("/v2/share-groups?all_tenants=1", version=GA).json()
    assert group["id"] in {g["id"] for g in everyone["share_groups"]}
    own = admin.get("/v2/share-groups", version=GA).json()
    assert group["id"] not in {g["id"] for g in own["share_groups"]}

    action = path + "/action"
    assert member.post(action, version=GA, json={
        "reset_status": {"status": "error"}}).status_code == 403
    assert admin.post(action, version=GA, json={
        "reset_status": {"status": "error"}}).status_code == 202
    assert group_of(member, group["id"])["status"] == "error"   # type: ignore[index]
    assert admin.post(action, version=GA, json={"force_delete": None}).status_code == 202
    assert group_of(member, group["id"]) is None


def test_update_and_list_filters(member: Api, group: dict[str, Any]) -> None:
    path = f"/v2/share-groups/{group['id']}"
    resp = member.put(path, version=GA, json={"share_group": {"name": "renamed"}})
    assert resp.status_code == 200 and resp.json()["share_group"]["name"] == "renamed"
    resp = member.put(path, version=GA, json={"share_group": {"status": "available"}})
    assert fault(resp) == (400, "The fields {'status'} are invalid or not allowed to be "
                                "updated.")
    listed = member.get("/v2/share-groups?name~=ename", version=GA).json()["share_groups"]
    assert [g["id"] for g in listed] == [group["id"]]
    assert member.get("/v2/share-groups?name~=nope", version=GA).json() == {
        "share_groups": []}
    assert fault(member.get("/v2/share-groups?marker=x", version=GA)) == (
        400, "Invalid input received: Share groups cannot be filtered using 'marker' key.")
    assert fault(member.get("/v2/share-groups?sort_key=bogus", version=GA)) == (
        400, "Invalid input received: Wrong sorting key provided - 'bogus'.")
    assert member.get("/v2/share-groups", version="2.54").status_code == 404
    experimental = member.get("/v2/share-groups", version="2.54",
                              headers={"X-OpenStack-Manila-API-Experimental": "True"})
    assert experimental.status_code == 200


def test_group_quotas(backend: Backend, member: Api, admin: Api) -> None:
    resp = admin.put(f"/v2/quota-sets/{member.project}", version="2.58",
                     json={"quota_set": {"share_groups": 1, "share_group_snapshots": 0}})
    assert resp.status_code == 200, resp.text
    first = create_group(member)
    assert fault(member.post("/v2/share-groups", version=GA,
                             json={"share_group": {}})) == (
        413, "ShareGroupsLimitExceeded: Maximum number of allowed share-groups is "
             "exceeded.")
    wait_group(member, first["id"], "available")
    assert fault(member.post("/v2/share-group-snapshots", version=GA, json={
        "share_group_snapshot": {"share_group_id": first["id"]}}))[0] == 413
    absolute = member.get("/v2/limits", version="2.58").json()["limits"]["absolute"]
    assert (absolute["maxTotalShareGroups"], absolute["totalShareGroupsUsed"]) == (1, 1)


def test_group_types_specs_and_access(member: Api, admin: Api) -> None:
    body = {"share_group_type": {"name": f"gold-{member.project[:6]}", "is_public": False,
                                 "share_types": ["default", "dhss_false"],
                                 "group_specs": {"consistent_snapshot_support": "pool"}}}
    assert member.post("/v2/share-group-types", version=GA, json=body).status_code == 403
    resp = admin.post("/v2/share-group-types", version=GA, json=body)
    assert resp.status_code == 200, resp.text
    gold = resp.json()["share_group_type"]
    assert len(gold["share_types"]) == 2 and gold["is_default"] is False
    path = f"/v2/share-group-types/{gold['id']}"
    assert fault(member.get(path, version=GA)) == (
        404, f"Share group type with id {gold['id']} not found.")
    resp = admin.post(path + "/action", version=GA,
                      json={"addProjectAccess": {"project": member.project}})
    assert resp.status_code == 202, resp.text
    assert member.get(path, version=GA).status_code == 200
    access = admin.get(path + "/access", version=GA).json()["share_group_type_access"]
    assert access == [{"share_group_type_id": gold["id"], "project_id": member.project}]

    specs = path + "/group-specs"
    assert admin.post(specs, version=GA, json={"group_specs": {"a": "b"}}).status_code == 200
    assert admin.put(specs + "/a", version=GA, json={"a": "c"}).json() == {"a": "c"}
    assert admin.get(specs, version=GA).json()["group_specs"] == {
        "consistent_snapshot_support": "pool", "a": "c"}
    assert fault(admin.post(specs, version=GA, json={"group_specs": {"a b": "c"}})) == (
        400, "Key names can only contain alphanumeric characters, underscores, periods, "
             "colons and hyphens.")
    assert admin.delete(specs + "/a", version=GA).status_code == 204
    assert fault(admin.delete(specs + "/a", version=GA)) == (
        404, f"Share group type {gold['id']} has no group specs with key a.")

    # Without share types, the default share type is asked for (as Manila).
    group = create_group(member, share_group_type_id=gold["id"])
    assert group["share_types"] == gold["share_types"][:1]
    assert fault(admin.delete(path, version=GA)) == (
        400, f"Target share group type with id {gold['id']} is still in use.")
    wait_group(member, group["id"], "available")
    member.delete(f"/v2/share-groups/{group['id']}", version=GA)
    wait_group(member, group["id"], None)
    assert admin.delete(path, version=GA).status_code == 204


def test_without_a_default_group_type_a_group_needs_one(
        start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(default_share_group_type="")
    member = backend.api("member", "p" * 32)
    assert fault(member.post("/v2/share-groups", version=GA,
                             json={"share_group": {}})) == (
        400, "Must specify a share group type as a default share group type has not "
             "been configured.")
    assert fault(member.get("/v2/share-group-types/default", version=GA)) == (
        404, "Default share group type not found.")
