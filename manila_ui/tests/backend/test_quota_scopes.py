"""Quota sets of a project, of one of its users and of one share type:
what each microversion shows, how updates are checked (Manila's order and
words, checked against Manila 23), resets, and enforcement at each scope."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api

BASE = {"shares", "gigabytes", "snapshots", "snapshot_gigabytes", "id", "share_networks"}


def _type(admin: Api, **specs: str) -> dict[str, Any]:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "q-" + uuid.uuid4().hex[:8],
        "extra_specs": {"driver_handles_share_servers": "False", **specs}}})
    assert resp.status_code == 200, resp.text
    share_type: dict[str, Any] = resp.json()["share_type"]
    return share_type


def _refusal(resp: Any, code: int = 400) -> str:
    assert resp.status_code == code, resp.text
    name = {400: "badRequest", 403: "forbidden", 404: "itemNotFound",
            413: "overLimit"}[code]
    return str(resp.json()[name]["message"])


@pytest.mark.parametrize(("version", "extra"), [
    ("2.39", set()),
    ("2.40", {"share_groups", "share_group_snapshots"}),
    ("2.53", {"share_groups", "share_group_snapshots", "share_replicas",
              "replica_gigabytes"}),
    ("2.62", {"share_groups", "share_group_snapshots", "share_replicas",
              "replica_gigabytes", "per_share_gigabytes"}),
    ("2.80", {"share_groups", "share_group_snapshots", "share_replicas",
              "replica_gigabytes", "per_share_gigabytes", "backups",
              "backup_gigabytes"}),
    ("2.90", {"share_groups", "share_group_snapshots", "share_replicas",
              "replica_gigabytes", "per_share_gigabytes", "backups",
              "backup_gigabytes", "encryption_keys"}),
])
def test_each_microversion_shows_its_resources(member: Api, version: str,
                                               extra: set[str]) -> None:
    path = f"/v2/quota-sets/{member.project}"

    shown = member.get(path, version=version).json()["quota_set"]
    detail = member.get(path + "/detail", version=version).json()["quota_set"]
    typed = member.get(path + "?share_type=default", version=version).json()["quota_set"]

    assert set(shown) == BASE | extra
    assert set(detail) == BASE | extra
    # A share type's quotas never hold networks or groups.
    assert set(typed) == (BASE | extra) - {"share_networks", "share_groups",
                                            "share_group_snapshots"}


def test_legacy_urls_serve_up_to_2_6(member: Api, admin: Api) -> None:
    legacy = f"/v2/os-quota-sets/{member.project}"

    assert set(member.get(legacy, version="2.6").json()["quota_set"]) == BASE
    assert member.get(legacy, version="2.7").status_code == 404
    assert "2.39" in _refusal(member.get(legacy + "?share_type=default", version="2.6"))
    assert "2.39" in _refusal(member.get(f"/v2/quota-sets/{member.project}?share_type=x",
                                         version="2.38"))
    assert admin.put(legacy, version="2.6",
                     json={"quota_set": {"shares": 7}}).json()["quota_set"]["shares"] == 7
    assert "2.40" in _refusal(admin.put(legacy, version="2.6",
                                        json={"quota_set": {"share_groups": 7}}))
    assert admin.delete(legacy, version="2.6").status_code == 202


def test_detail_counts_what_the_project_holds(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}/detail"
    share = member.available_share(size=3)
    member.create_share(size=2)
    snapshot = member.create_snapshot(share["id"])
    member.wait_snapshot(snapshot["id"], "available")
    assert member.post("/v2/share-networks",
                       json={"share_network": {}}).status_code == 200

    detail = member.get(path).json()["quota_set"]
    limits = member.get("/v2/limits").json()["limits"]["absolute"]

    assert detail["shares"] == {"limit": 50, "in_use": 2, "reserved": 0}
    assert detail["gigabytes"] == {"limit": 1000, "in_use": 5, "reserved": 0}
    assert detail["snapshots"]["in_use"] == 1
    assert detail["snapshot_gigabytes"]["in_use"] == 3
    assert detail["share_networks"]["in_use"] == 1
    assert detail["per_share_gigabytes"] == {"limit": -1, "in_use": 0, "reserved": 0}
    assert all(entry["reserved"] == 0 for key, entry in detail.items() if key != "id")
    assert (limits["totalSharesUsed"], limits["totalShareGigabytesUsed"],
            limits["totalShareSnapshotsUsed"], limits["totalSnapshotGigabytesUsed"],
            limits["totalShareNetworksUsed"]) == (2, 5, 1, 3, 1)


def test_user_and_share_type_scopes_count_their_own(admin: Api, member: Api,
                                                    backend: Any) -> None:
    colleague = backend.api("colleague", member.project)
    gold = _type(admin)
    member.create_share(size=2)
    member.create_share(size=3, share_type=gold["name"])
    colleague.create_share(size=4)
    path = f"/v2/quota-sets/{member.project}/detail"

    mine = admin.get(path + f"?user_id={member.user}").json()["quota_set"]
    theirs = admin.get(path + "?user_id=colleague").json()["quota_set"]
    golden = admin.get(path + f"?share_type={gold['id']}").json()["quota_set"]
    everyone = admin.get(path).json()["quota_set"]

    assert (mine["shares"]["in_use"], mine["gigabytes"]["in_use"]) == (2, 5)
    assert (theirs["shares"]["in_use"], theirs["gigabytes"]["in_use"]) == (1, 4)
    assert (golden["shares"]["in_use"], golden["gigabytes"]["in_use"]) == (1, 3)
    assert (everyone["shares"]["in_use"], everyone["gigabytes"]["in_use"]) == (3, 9)
    assert admin.get(f"/v2/quota-sets/{member.project}?share_type=nothing").json() == {
        "itemNotFound": {"code": 404,
                         "message": "Share type with name or id 'nothing' not found."}}
    assert _refusal(admin.get(path + "?user_id=u&share_type=default")) == \
        "'user_id' and 'share_type' values are mutually exclusive"


def test_update_checks_in_manilas_order_and_words(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"
    member.create_share(size=4)
    member.create_share(size=4)

    def put(body: Any, query: str = "", version: str = "2.98") -> Any:
        return admin.put(path + query, json=body, version=version)

    assert _refusal(put({"quota_set": {"shares": None, "force": True}})) == \
        "Must supply at least one quota field to update."
    assert _refusal(put({"shares": 5})) == "Must supply at least one quota field to update."
    assert _refusal(put({"quota_set": {"shares": 5, "foo": 1, "bar": 2}})) == \
        "Bad key(s) foo,bar in quota_set."
    assert _refusal(put({"quota_set": {"shares": "x"}})) == \
        "Quota 'x' for shares should be integer."
    assert _refusal(put({"quota_set": {"shares": -2}})) == "Quota limit must be -1 or greater."
    # The first resource named decides the message.
    assert _refusal(put({"quota_set": {"gigabytes": 3, "shares": 1}})) == \
        "Quota value 3 for gigabytes is smaller than already used and reserved 8."
    # Manila's loose parsing: a numeric string, a float, a boolean.
    assert put({"quota_set": {"shares": "7"}}).json()["quota_set"]["shares"] == 7
    assert put({"quota_set": {"snapshots": 1.5}}).json()["quota_set"]["snapshots"] == 1
    # A force that is not a boolean word is no force.
    assert "smaller than" in _refusal(put({"quota_set": {"shares": 1, "force": "maybe"}}))
    forced = put({"quota_set": {"shares": 1, "force": "yes"}})
    assert forced.status_code == 200
    assert "id" not in forced.json()["quota_set"]      # as Manila's update answer
    # From unlimited, Manila's second check speaks.
    assert put({"quota_set": {"shares": -1}}).status_code == 200
    assert _refusal(put({"quota_set": {"shares": 1}})) == "Quota limit must be greater than 2."


def test_newer_resources_are_refused_one_band_per_version(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"

    def put(body: dict[str, int], version: str) -> Any:
        return admin.put(path, json={"quota_set": body}, version=version)

    assert "2.40" in _refusal(put({"share_groups": 3}, "2.39"))
    assert "2.53" in _refusal(put({"share_replicas": 3}, "2.52"))
    assert "2.62" in _refusal(put({"per_share_gigabytes": 3}, "2.61"))
    assert "2.80" in _refusal(put({"backups": 3}, "2.79"))
    assert "2.90" in _refusal(put({"encryption_keys": 3}, "2.89"))
    # Manila's elif chain checks the first band above the request only.
    assert put({"backups": 3}, "2.52").status_code == 200
    assert put({"share_groups": 3}, "2.38").status_code == 200
    assert admin.get(path, version="2.90").json()["quota_set"]["backups"] == 3


def test_user_quotas_live_within_the_projects(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"
    member.create_share(size=1)
    assert admin.put(path, json={"quota_set": {"shares": 10}}).status_code == 200
    user = f"?user_id={member.user}"

    assert _refusal(admin.put(path + user, json={"quota_set": {"shares": 11}})) == \
        "Quota limit must be less than 10."
    assert _refusal(admin.put(path + user, json={"quota_set": {"shares": -1}})) == \
        "Quota limit must be greater than 1."
    assert admin.put(path + user, json={"quota_set": {"shares": 2}}).status_code == 200
    assert admin.put(path + "?user_id=other",
                     json={"quota_set": {"shares": 5}}).status_code == 200
    # The project may not drop below what its users were given.
    assert _refusal(admin.put(path, json={"quota_set": {"shares": 6}})) == \
        "Quota limit must be greater than 7."

    member.create_share(size=1)
    refused = member.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": 1}})
    assert _refusal(refused, 413) == (
        "ShareLimitExceeded: Maximum number of shares allowed (2) either per "
        "project/user or share type quota is exceeded.")
    assert admin.get(path + user).json()["quota_set"]["shares"] == 2
    # A project reset takes its users' limits along.
    assert admin.delete(path).status_code == 202
    assert admin.get(path + user).json()["quota_set"]["shares"] == 50
    assert member.create_share(size=1)["status"] == "creating"


def test_share_type_quotas(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"
    gold = _type(admin)
    query = f"?share_type={gold['name']}"
    member.create_share(size=1, share_type=gold["name"])

    assert _refusal(admin.put(path + query, json={"quota_set": {"share_networks": 3}})) == (
        "'share_networks' quota cannot be set for share type. It can be set only for "
        "project or user.")
    for key in ("share_groups", "share_group_snapshots"):
        assert _refusal(admin.put(path + query, json={"quota_set": {key: 3}})) == (
            "Share type quotas cannot constrain share groups and share group snapshots.")
    assert _refusal(admin.put(path + "?share_type=nothing",
                              json={"quota_set": {"shares": 1}}), 404) == \
        "Share type with name or id 'nothing' not found."
    updated = admin.put(path + query, json={"quota_set": {"shares": 1, "gigabytes": 9}})
    assert updated.status_code == 200
    assert set(updated.json()["quota_set"]) >= {"shares", "gigabytes"}
    assert "share_networks" not in updated.json()["quota_set"]

    refused = member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": gold["name"]}})
    assert _refusal(refused, 413) == (
        "ShareLimitExceeded: Maximum number of shares allowed (1) either per "
        "project/user or share type quota is exceeded.")
    assert member.create_share(size=1)["size"] == 1        # another type: fine

    # A project reset keeps share-type limits; the type's own reset drops them.
    assert admin.delete(path).status_code == 202
    assert admin.get(path + query).json()["quota_set"]["shares"] == 1
    assert admin.delete(path + query).status_code == 202
    assert admin.get(path + query).json()["quota_set"]["shares"] == 50


def test_a_deleted_share_type_takes_its_quotas_along(admin: Api, member: Api,
                                                     backend: Any) -> None:
    gold = _type(admin)
    path = f"/v2/quota-sets/{member.project}?share_type={gold['id']}"
    assert admin.put(path, json={"quota_set": {"shares": 3}}).status_code == 200

    assert admin.delete(f"/v2/types/{gold['id']}").status_code == 202

    with backend.db() as db:
        assert db.execute("SELECT count(*) FROM quotas WHERE share_type_id = ?",
                          (gold["id"],)).fetchone() == (0,)


def test_who_may_see_and_change_quotas(admin: Api, member: Api, reader: Api,
                                       other: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"

    assert reader.get(path).status_code == 200
    assert other.get(path).status_code == 403
    assert other.get(path + "/detail").status_code == 403
    # Manila lets anyone read the defaults, whatever project the URL names.
    assert other.get(path + "/defaults").status_code == 200
    assert member.put(path, json={"quota_set": {"shares": 1}}).status_code == 403
    assert member.delete(path).status_code == 403
    assert reader.put(path, json={"quota_set": {"shares": 1}}).status_code == 403
    assert admin.get(path).status_code == 200


def test_limits_keys_per_microversion(member: Api) -> None:
    def keys(version: str) -> set[str]:
        return set(member.get("/v2/limits", version=version).json()["limits"]["absolute"])

    base = {"maxTotalShares", "maxTotalShareSnapshots", "maxTotalShareGigabytes",
            "maxTotalSnapshotGigabytes", "maxTotalShareNetworks", "totalSharesUsed",
            "totalShareSnapshotsUsed", "totalShareGigabytesUsed",
            "totalSnapshotGigabytesUsed", "totalShareNetworksUsed"}
    replicas = {"maxTotalShareReplicas", "maxTotalReplicaGigabytes",
                "totalShareReplicasUsed", "totalReplicaGigabytesUsed"}
    groups = {"maxTotalShareGroups", "maxTotalShareGroupSnapshots",
              "totalShareGroupsUsed", "totalShareGroupSnapshotsUsed"}
    backups = {"maxTotalShareBackups", "maxTotalBackupGigabytes",
               "totalShareBackupsUsed", "totalBackupGigabytesUsed"}

    assert keys("2.52") == base
    assert keys("2.53") == base | replicas
    assert keys("2.58") == base | replicas | groups
    assert keys("2.99") == base | replicas | groups | backups
