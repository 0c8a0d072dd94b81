"""What each operation counts and how it is refused, in Manila 23's codes
and words; which share states count (Manila's quota sync functions); the
quota classes; and the default class feeding every project's limits."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

FAIL = "simulated_driver:fail"


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


def _set(admin: Api, project: str, query: str = "", **limits: Any) -> None:
    resp = admin.put(f"/v2/quota-sets/{project}{query}",
                     json={"quota_set": {**limits, "force": True}})
    assert resp.status_code == 200, resp.text


def _in_use(api: Api, query: str = "") -> dict[str, int]:
    detail = api.get(f"/v2/quota-sets/{api.project}/detail{query}").json()["quota_set"]
    return {k: v["in_use"] for k, v in detail.items() if k != "id"}


def test_snapshot_refusals(admin: Api, member: Api) -> None:
    share = member.available_share(size=2)
    _set(admin, member.project, snapshots=0)
    assert _fault(member.post("/v2/snapshots", json={"snapshot": {
        "share_id": share["id"]}})) == (413, (
            "SnapshotLimitExceeded: Maximum number of snapshots allowed (0) either "
            "per project/user or share type quota is exceeded."))
    _set(admin, member.project, snapshots=5, snapshot_gigabytes=1)
    assert _fault(member.post("/v2/snapshots", json={"snapshot": {
        "share_id": share["id"]}})) == (413, (
            "SnapshotSizeExceedsAvailableQuota: Requested snapshot exceeds allowed "
            "project/user or share type gigabytes quota."))
    _set(admin, member.project, snapshot_gigabytes=2)
    assert member.create_snapshot(share["id"])["size"] == 2


def test_share_network_refusal(admin: Api, member: Api) -> None:
    _set(admin, member.project, share_networks=0)
    assert _fault(member.post("/v2/share-networks", json={"share_network": {}})) == (
        413, "ShareNetworksLimitExceeded: Maximum number of share-networks allowed "
             "(0) exceeded.")


def test_extend_refusals(admin: Api, member: Api) -> None:
    share = member.available_share(size=2)
    _set(admin, member.project, per_share_gigabytes=3, gigabytes=4)

    assert _fault(member.action(share["id"], "extend", {"new_size": 5})) == (
        413, "ShareSizeExceedsLimit: Requested share size 5 is larger than maximum "
             "allowed limit 3.")
    # Manila answers a gigabyte quota on extend with 403 and no exception name.
    member.create_share(size=1)
    _set(admin, member.project, per_share_gigabytes=-1)
    assert _fault(member.action(share["id"], "extend", {"new_size": 4})) == (
        403, "Requested share exceeds allowed project/user or share type gigabytes "
             "quota.")


def test_revert_to_a_larger_snapshot_over_quota(admin: Api, member: Api) -> None:
    share = member.available_share(size=3)
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")
    assert member.action(share["id"], "shrink", {"new_size": 2}).status_code == 202
    member.wait_status(share["id"], "available")
    _set(admin, member.project, gigabytes=2)

    status, message = _fault(member.action(share["id"], "revert",
                                           {"snapshot_id": snap["id"]}, version="2.27"))

    assert status == 403
    assert message == (
        f"Quota exceeded for {member.project}. Reverting share {share['id']} to "
        f"snapshot {snap['id']} will increase the share's size by 1G, (2G of 2G "
        "already consumed).")


def test_a_replicated_type_counts_its_active_replica(admin: Api, member: Api) -> None:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "rep-" + uuid.uuid4().hex[:6],
        "extra_specs": {"driver_handles_share_servers": "False",
                        "replication_type": "readable"}}})
    replicated = resp.json()["share_type"]["name"]
    member.create_share(size=3, share_type=replicated)
    assert (_in_use(member)["share_replicas"], _in_use(member)["replica_gigabytes"]) == (1, 3)

    _set(admin, member.project, share_replicas=1)
    assert _fault(member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": replicated}})) == (
        413, "ShareReplicasLimitExceeded: Failed while creating a share with "
             "replication support. Maximum number of allowed share-replicas is "
             "exceeded.")
    assert member.create_share(size=1)["size"] == 1        # not replicated: fine


def test_transfer_accept_over_quota(member: Api, other: Api, admin: Api) -> None:
    share = member.available_share(size=3)
    offer = member.post("/v2/share-transfers", json={"transfer": {
        "share_id": share["id"]}}).json()["transfer"]
    _set(admin, other.project, gigabytes=2)

    assert _fault(other.post(f"/v2/share-transfers/{offer['id']}/accept",
                             json={"accept": {"auth_key": offer["auth_key"]}})) == (
        413, "Requested share exceeds allowed project/user or share type gigabytes quota.")
    _set(admin, other.project, gigabytes=3)
    assert other.post(f"/v2/share-transfers/{offer['id']}/accept",
                      json={"accept": {"auth_key": offer["auth_key"]}}).status_code == 202
    assert (_in_use(other)["gigabytes"], _in_use(member)["gigabytes"]) == (3, 0)


def test_states_count_as_manila_counts_them(admin: Api, member: Api) -> None:
    failing = member.create_share(size=2, metadata={FAIL: "create"})
    member.wait_status(failing["id"], "error")
    binned = member.available_share(size=3)
    assert member.action(binned["id"], "soft_delete").status_code == 202
    sticky = member.available_share(size=1, metadata={FAIL: "extend"})
    assert member.action(sticky["id"], "extend", {"new_size": 4}).status_code == 202
    member.wait_status(sticky["id"], "extending_error")

    # An error share, one in the recycle bin, one whose extend failed (at its
    # old size): all still count.
    assert (_in_use(member)["shares"], _in_use(member)["gigabytes"]) == (3, 6)

    assert member.delete(f"/v2/shares/{failing['id']}").status_code == 202
    member.wait_gone(failing["id"])
    assert (_in_use(member)["shares"], _in_use(member)["gigabytes"]) == (2, 4)


def test_a_managed_share_may_pass_the_quota_and_counts_once_managed(admin: Api) -> None:
    share = admin.available_share(size=2)
    (location,) = [el for el in admin.get(f"/v2/shares/{share['id']}/export_locations")
                   .json()["export_locations"] if el["preferred"]]
    assert admin.action(share["id"], "unmanage").status_code == 202
    admin.wait_gone(share["id"])
    _set(admin, admin.project, shares=0, gigabytes=0)

    resp = admin.post("/v2/shares/manage", json={"share": {
        "protocol": "NFS", "export_path": location["path"],
        "service_host": "manila-ui@alpha#pool_alpha", "driver_options": {"size": 5}}})

    assert resp.status_code == 200, resp.text
    assert _in_use(admin)["shares"] == 0          # manage_starting: not yet
    admin.wait_status(resp.json()["share"]["id"], "available")
    assert (_in_use(admin)["shares"], _in_use(admin)["gigabytes"]) == (1, 5)


# -- a back end whose steps take a minute: states that last -----------------------

@pytest.fixture(scope="module")
def slow(start_backend: Callable[..., Backend]) -> Backend:
    return start_backend(transition_delay="60", worker_poll_interval="0.5")


def test_an_extending_share_counts_its_new_size(slow: Backend) -> None:
    project = uuid.uuid4().hex
    admin = slow.api("admin", project)
    share = admin.create_share(size=4)
    assert admin.action(share["id"], "reset_status",
                        {"status": "available"}).status_code == 202
    _set(admin, project, gigabytes=10)

    assert admin.action(share["id"], "extend", {"new_size": 8}).status_code == 202

    assert (admin.share(share["id"]) or {})["status"] == "extending"
    assert _in_use(admin)["gigabytes"] == 8
    # 4 + 3 would fit, but not once the extend lands: refused now.
    assert _fault(admin.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 3}}))[0] == 413
    # Given up by an admin, the extend no longer counts.
    assert admin.action(share["id"], "reset_status",
                        {"status": "available"}).status_code == 202
    assert _in_use(admin)["gigabytes"] == 4


def test_a_share_being_managed_does_not_count(slow: Backend) -> None:
    project = uuid.uuid4().hex
    admin = slow.api("admin", project)

    resp = admin.post("/v2/shares/manage", json={"share": {
        "protocol": "NFS", "export_path": "10.0.0.10:/shares/share_" + str(uuid.uuid4()),
        "service_host": "manila-ui@alpha#pool_alpha"}})

    assert resp.status_code == 200, resp.text
    assert (_in_use(admin)["shares"], _in_use(admin)["gigabytes"]) == (0, 0)


# -- quota classes -------------------------------------------------------------------

@pytest.fixture(scope="module")
def classes(start_backend: Callable[..., Backend]) -> Backend:
    """A back end of its own: the default class changes every project."""
    return start_backend(**{"quota.shares": "40"})


def test_the_default_class_feeds_every_projects_defaults(classes: Backend) -> None:
    admin = classes.api("admin", uuid.uuid4().hex)
    member = classes.api("m", uuid.uuid4().hex)
    path = "/v2/quota-class-sets/default"

    shown = admin.get(path).json()["quota_class_set"]
    assert (shown["id"], shown["shares"], shown["share_groups"]) == ("default", 40, 50)
    updated = admin.put(path, json={"quota_class_set": {"shares": 7, "share_groups": 3,
                                                        "foo": 1}})
    assert updated.status_code == 200
    assert "id" not in updated.json()["quota_class_set"]
    assert updated.json()["quota_class_set"]["shares"] == 7

    defaults = member.get(f"/v2/quota-sets/{member.project}/defaults").json()["quota_set"]
    assert (defaults["shares"], defaults["share_groups"]) == (7, 3)
    assert member.get("/v2/limits").json()["limits"]["absolute"]["maxTotalShares"] == 7
    # A project's own limit still wins over the class.
    _set(admin, member.project, shares=9)
    assert member.get("/v2/limits").json()["limits"]["absolute"]["maxTotalShares"] == 9
    # Another class is kept and shown, but feeds nobody.
    assert admin.put("/v2/quota-class-sets/gold",
                     json={"quota_class_set": {"shares": 99}}).status_code == 200
    assert admin.get("/v2/quota-class-sets/gold").json()["quota_class_set"]["shares"] == 99
    assert admin.get("/v2/quota-class-sets/silver").json()["quota_class_set"]["shares"] == 40


def test_quota_class_refusals(classes: Backend) -> None:
    admin = classes.api("admin", uuid.uuid4().hex)
    member = classes.api("m", uuid.uuid4().hex)
    path = "/v2/quota-class-sets/default"

    assert member.get(path).status_code == 403
    assert member.put(path, json={"quota_class_set": {"shares": 1}}).status_code == 403
    assert _fault(admin.put(path, json={"quota_class_set": {"shares": "x"}})) == (
        400, "Invalid input for field/attribute shares. Value: x. 'x' is not of "
             "type 'integer'")
    assert _fault(admin.put(path, json={})) == (
        400, "'quota_class_set' is a required property")
    assert admin.get("/v2/os-quota-class-sets/default", version="2.6").json() == {
        "quota_class_set": {k: v for k, v in admin.get(path).json()[
            "quota_class_set"].items() if k in {"shares", "gigabytes", "snapshots",
                                                 "snapshot_gigabytes", "share_networks",
                                                 "id"}}}
    assert admin.get("/v2/os-quota-class-sets/default", version="2.7").status_code == 404
    assert admin.get(path, version="2.6").status_code == 404
