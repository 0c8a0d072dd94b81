"""A project member snapshots a share, finds, renames, tags and deletes the
snapshot; what other projects, readers and admins may do with it."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api

UNKNOWN = "00000000-0000-0000-0000-000000000000"

# What real Manila 23 shows a member at 2.73+ (an admin also gets
# provider_location from 2.12).
KEYS_2_73 = {"id", "share_id", "share_size", "created_at", "status", "name",
             "description", "size", "share_proto", "links", "user_id",
             "project_id", "metadata"}
KEYS_2_0 = KEYS_2_73 - {"user_id", "project_id", "metadata"}


@pytest.fixture
def share(member: Api) -> dict[str, Any]:
    return member.available_share(size=2, name="snapped")


def test_a_snapshot_is_creating_then_available(member: Api, share: dict[str, Any]) -> None:
    created = member.create_snapshot(share["id"], name="nightly", description="before",
                                     metadata={"kind": "nightly"})

    assert created["status"] == "creating"
    assert (created["size"], created["share_size"], created["share_proto"]) == (2, 2, "NFS")
    assert created["metadata"] == {"kind": "nightly"}
    assert (created["project_id"], created["user_id"]) == (member.project, member.user)
    available = member.wait_snapshot(created["id"], "available")
    assert available is not None and available["name"] == "nightly"


def test_snapshot_keys_per_microversion(member: Api, admin: Api,
                                        share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    path = f"/v2/snapshots/{snap['id']}"

    assert set(snap) == KEYS_2_73
    assert set(member.get(path, version=LATEST).json()["snapshot"]) == KEYS_2_73
    assert set(member.get(path, version="2.72").json()["snapshot"]) == KEYS_2_73 - {
        "metadata"}
    assert set(member.get(path, version="2.16").json()["snapshot"]) == KEYS_2_0
    assert set(member.get(path, version=None).json()["snapshot"]) == KEYS_2_0
    assert set(admin.get(path, version="2.11").json()["snapshot"]) == KEYS_2_0
    assert set(admin.get(path, version="2.12").json()["snapshot"]) == KEYS_2_0 | {
        "provider_location"}
    assert set(admin.get(path).json()["snapshot"]) == KEYS_2_73 | {"provider_location"}


def test_list_pages_filters_and_counts(member: Api, share: dict[str, Any]) -> None:
    for name in ("alpha", "beta", "gamma"):
        member.wait_snapshot(member.create_snapshot(share["id"], name=name,
                                                    description=f"about {name}")["id"],
                             "available")

    def names(query: str, version: str = "2.79") -> list[str]:
        resp = member.get(f"/v2/snapshots{query}", version=version)
        assert resp.status_code == 200, resp.text
        return [s["name"] for s in resp.json()["snapshots"]]

    assert names("") == ["gamma", "beta", "alpha"]
    assert names("/detail?sort_key=name&sort_dir=asc") == ["alpha", "beta", "gamma"]
    assert names("?limit=2") == ["gamma", "beta"]
    assert names("?limit=2&offset=2") == ["alpha"]
    assert names("?name=beta") == ["beta"]
    assert names("?name~=amm") == ["gamma"]
    assert names("/detail?description~=about%20al") == ["alpha"]
    assert names(f"?share_id={share['id']}&status=available") == ["gamma", "beta", "alpha"]
    assert names("?status=error") == []
    counted = member.get("/v2/snapshots?limit=1&with_count=true", version="2.79").json()
    assert counted["count"] == 3 and len(counted["snapshots"]) == 1
    (link,) = counted["share_snapshots_links"]
    assert link["rel"] == "next" and "marker=" in link["href"]
    # The summary list counts from 2.79, the detail list at every version.
    assert "count" not in member.get("/v2/snapshots?with_count=true",
                                     version="2.78").json()
    assert member.get("/v2/snapshots/detail?with_count=true",
                      version="2.78").json()["count"] == 3


def test_metadata_filter_and_bad_sort(member: Api, share: dict[str, Any]) -> None:
    tagged = member.create_snapshot(share["id"], metadata={"tier": "gold"})
    member.create_snapshot(share["id"])

    found = member.get('/v2/snapshots?metadata={"tier": "gold"}', version=LATEST)

    assert [s["id"] for s in found.json()["snapshots"]] == [tagged["id"]]
    bad = member.get("/v2/snapshots?sort_key=bogus")
    assert bad.status_code == 400
    assert "Wrong sorting key provided - 'bogus'" in bad.json()["badRequest"]["message"]


def test_rename_and_describe(member: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"], name="old")

    resp = member.put(f"/v2/snapshots/{snap['id']}", json={"snapshot": {
        "display_name": "new", "display_description": "d", "name": "ignored"}})

    assert resp.status_code == 200
    body = resp.json()["snapshot"]
    assert (body["name"], body["description"]) == ("new", "d")
    too_long = member.put(f"/v2/snapshots/{snap['id']}", json={"snapshot": {
        "display_name": "x" * 256}})
    assert too_long.status_code == 400
    no_entity = member.put(f"/v2/snapshots/{snap['id']}", json={"snap": {}})
    assert no_entity.status_code == 422


def test_delete_goes_through_deleting(member: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")

    resp = member.delete(f"/v2/snapshots/{snap['id']}")

    assert resp.status_code == 202
    assert (member.snapshot(snap["id"]) or {})["status"] == "deleting"
    member.wait_snapshot(snap["id"], None)


def test_a_creating_snapshot_cannot_be_deleted(member: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])

    resp = member.delete(f"/v2/snapshots/{snap['id']}")

    assert resp.status_code == 400
    assert resp.json()["badRequest"]["message"] == (
        "Invalid share snapshot: Share Snapshot status must be one of "
        "('available', 'error')..")


def test_a_share_with_snapshots_cannot_be_deleted(member: Api,
                                                  share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])

    resp = member.delete(f"/v2/shares/{share['id']}")

    assert resp.status_code == 403
    assert resp.json() == {"forbidden": {"code": 403, "message":
                           "Invalid share: Share still has 1 dependent snapshots."}}
    member.wait_snapshot(snap["id"], "available")
    member.delete(f"/v2/snapshots/{snap['id']}")
    member.wait_snapshot(snap["id"], None)
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202


# -- bad input ---------------------------------------------------------------

def _snap(member: Api, body: object, version: str | None = "") -> tuple[int, str, str]:
    resp = member.post("/v2/snapshots", json=body, version=version)
    ((name, fault),) = resp.json().items()
    return resp.status_code, name, fault["message"]


def test_create_refusals(member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    assert _snap(member, {"snap": {}})[:2] == (422, "computeFault")
    assert _snap(member, {"snapshot": {}})[:2] == (400, "badRequest")
    assert _snap(member, {"snapshot": {"share_id": UNKNOWN}}) == (
        404, "itemNotFound", "NotFound: Resource could not be found.")
    assert _snap(member, {"snapshot": {"share_id": "not-a-uuid"}})[0] == 404
    assert _snap(member, {"snapshot": {"share_id": sid, "name": "x" * 256}}) == (
        400, "badRequest", "Invalid input received: name can only be 255 characters long.")
    assert _snap(member, {"snapshot": {"share_id": sid, "metadata": {"k": ""}}}) == (
        400, "badRequest", "Metadata property value is blank.")
    assert _snap(member, {"snapshot": {"share_id": sid, "metadata": {"k" * 256: "v"}}})[
        2] == "Metadata property key is greater than 255 characters."
    assert _snap(member, {"snapshot": {"share_id": sid, "name": 5}})[0] == 400


def test_metadata_is_ignored_below_2_73(member: Api, share: dict[str, Any]) -> None:
    resp = member.post("/v2/snapshots", json={"snapshot": {
        "share_id": share["id"], "metadata": {"a": "b"}}}, version="2.72")
    assert resp.status_code == 202
    assert "metadata" not in resp.json()["snapshot"]
    (snap,) = member.get(f"/v2/snapshots/detail?share_id={share['id']}",
                         version=LATEST).json()["snapshots"]
    assert snap["metadata"] == {}


def test_a_share_that_is_not_available_cannot_be_snapshotted(member: Api) -> None:
    creating = member.create_share()

    assert _snap(member, {"snapshot": {"share_id": creating["id"]}}) == (
        400, "badRequest", "Invalid share: Source share status must be available.")


def test_a_share_without_snapshot_support_refuses(admin: Api, member: Api) -> None:
    # A type that does not name snapshot_support: the share lacks it.
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "nosnap-" + member.project[:6],
        "extra_specs": {"driver_handles_share_servers": "False"}}})
    share = member.available_share(share_type=resp.json()["share_type"]["id"])

    code, name, message = _snap(member, {"snapshot": {"share_id": share["id"]}})

    assert (code, name) == (422, "computeFault")
    assert message == (f"Snapshots cannot be created for share '{share['id']}' since "
                       "it does not have that capability.")


def test_snapshot_quota_is_counted(admin: Api, member: Api, share: dict[str, Any]) -> None:
    admin.put(f"/v2/quota-sets/{member.project}", json={"quota_set": {
        "snapshots": 1, "snapshot_gigabytes": 10}})
    member.create_snapshot(share["id"])

    assert _snap(member, {"snapshot": {"share_id": share["id"]}}) == (
        413, "overLimit", "SnapshotLimitExceeded: Maximum number of snapshots allowed "
        "(1) either per project/user or share type quota is exceeded.")
    admin.put(f"/v2/quota-sets/{member.project}", json={"quota_set": {
        "snapshots": 5, "snapshot_gigabytes": 3}})
    assert _snap(member, {"snapshot": {"share_id": share["id"]}}) == (
        413, "overLimit", "SnapshotSizeExceedsAvailableQuota: Requested snapshot exceeds "
        "allowed project/user or share type gigabytes quota.")
    limits = member.get("/v2/limits").json()["limits"]["absolute"]
    assert (limits["totalShareSnapshotsUsed"], limits["totalSnapshotGigabytesUsed"]) == (1, 2)
    detail = admin.get(f"/v2/quota-sets/{member.project}/detail").json()["quota_set"]
    assert detail["snapshots"]["in_use"] == 1
    assert detail["snapshot_gigabytes"] == {"limit": 3, "in_use": 2, "reserved": 0}


# -- who may ------------------------------------------------------------------

def test_other_projects_see_nothing(member: Api, other: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    path = f"/v2/snapshots/{snap['id']}"

    assert other.get(path).status_code == 404
    assert other.put(path, json={"snapshot": {"display_name": "x"}}).status_code == 404
    assert other.delete(path).status_code == 404
    assert other.get(path + "/metadata", version=LATEST).status_code == 404
    assert _snap(other, {"snapshot": {"share_id": share["id"]}})[0] == 404
    assert other.get("/v2/snapshots?all_tenants=1").json()["snapshots"] == []


def test_a_reader_reads_but_never_writes(member: Api, reader: Api,
                                         share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    path = f"/v2/snapshots/{snap['id']}"

    assert reader.get(path).status_code == 200
    assert reader.get("/v2/snapshots").json()["snapshots"][0]["id"] == snap["id"]
    assert _snap(reader, {"snapshot": {"share_id": share["id"]}}) == (
        403, "forbidden", "Policy doesn't allow share:create_snapshot to be performed.")
    for resp in (reader.put(path, json={"snapshot": {"display_name": "x"}}),
                 reader.delete(path),
                 reader.post(path + "/metadata", json={"metadata": {"a": "b"}},
                             version=LATEST)):
        assert resp.status_code == 403, resp.text


def test_an_admin_lists_every_project(member: Api, admin: Api,
                                      share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])

    mine = admin.get("/v2/snapshots").json()["snapshots"]
    everyone = admin.get(f"/v2/snapshots/detail?all_tenants=1&project_id={member.project}")

    assert snap["id"] not in {s["id"] for s in mine}
    assert [s["id"] for s in everyone.json()["snapshots"]] == [snap["id"]]
    assert admin.get(f"/v2/snapshots/{snap['id']}").status_code == 200


def test_admin_actions(member: Api, admin: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")
    path = f"/v2/snapshots/{snap['id']}/action"

    refused = member.post(path, json={"reset_status": {"status": "error"}})
    assert refused.status_code == 403
    assert admin.post(path, json={"reset_status": {"status": "bogus"}}).json()[
        "badRequest"]["message"].startswith("Invalid state. Valid states: available,")
    assert admin.post(path, json={"reset_status": {}}).json() == {
        "badRequest": {"code": 400, "message": "Must specify 'status'"}}
    assert admin.post(path, json={"reset_status": {"status": "creating"}}).status_code == 202
    assert (member.snapshot(snap["id"]) or {})["status"] == "creating"
    assert member.post(path, json={"force_delete": None}).status_code == 403
    assert admin.post(path, json={"force_delete": None}).status_code == 202
    member.wait_snapshot(snap["id"], None)
    assert admin.post(path, json={"force_delete": None}).status_code == 404
    assert member.post(path, json={"foo": None}).json() == {
        "badRequest": {"code": 400, "message": "There is no such action: foo"}}


def test_a_failing_back_end_leaves_error_and_a_message(member: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "snapshot_create"})

    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "error")

    (message,) = member.messages_for(snap["id"])
    assert (message["resource_type"], message["action_id"], message["detail_id"]) == (
        "SHARE_SNAPSHOT", "002", "001")
    assert message["user_message"] == "create: An unknown error occurred."
    assert member.delete(f"/v2/snapshots/{snap['id']}").status_code == 202
    member.wait_snapshot(snap["id"], None)


def test_a_failed_delete_leaves_error_deleting(member: Api, admin: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "snapshot_delete"})
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")

    member.delete(f"/v2/snapshots/{snap['id']}")
    member.wait_snapshot(snap["id"], "error_deleting")

    assert [m["action_id"] for m in member.messages_for(snap["id"])] == ["007"]
    # A forced delete does not ask the back end twice.
    admin.post(f"/v2/snapshots/{snap['id']}/action", json={"force_delete": None})
    member.wait_snapshot(snap["id"], None)
