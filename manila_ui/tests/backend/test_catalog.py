"""What a user picks from when creating a share (types, zones), what an
admin watches (pools), and what both are allowed (limits, quota sets)."""

from __future__ import annotations

import uuid

import pytest

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import wait_until


def test_a_fresh_backend_has_the_default_and_dhss_false_types(member: Api) -> None:
    types = {t["name"]: t for t in member.get("/v2/types").json()["share_types"]}

    assert {"default", "dhss_false"} <= set(types)
    default = types["default"]
    assert default["is_default"] is True
    assert types["dhss_false"]["is_default"] is False
    assert default["required_extra_specs"] == {"driver_handles_share_servers": "False"}
    assert default["extra_specs"]["snapshot_support"] == "True"
    assert set(default) == {"id", "name", "extra_specs", "required_extra_specs",
                            "share_type_access:is_public", "description", "is_default"}
    shown = member.get("/v2/types/default").json()
    assert shown["share_type"]["id"] == default["id"]
    assert shown["volume_type"] == shown["share_type"]


def test_members_see_only_standard_specs_and_inferred_defaults(
        admin: Api, member: Api) -> None:
    name = "t-" + uuid.uuid4().hex[:8]
    created = admin.post("/v2/types", json={"share_type": {
        "name": name, "description": "secret sauce",
        "extra_specs": {"driver_handles_share_servers": "false",
                        "vendor_secret": "42"}}}, version=LATEST)
    assert created.status_code == 200, created.text
    type_id = created.json()["share_type"]["id"]

    as_member = member.get(f"/v2/types/{type_id}", version=LATEST).json()["share_type"]
    as_admin = admin.get(f"/v2/types/{type_id}", version=LATEST).json()["share_type"]
    # /types/{id} takes an id only, as in Manila ("default" is its own URL).
    assert member.get(f"/v2/types/{name}").status_code == 404

    assert "vendor_secret" not in as_member["extra_specs"]
    assert as_admin["extra_specs"]["vendor_secret"] == "42"
    assert as_member["extra_specs"]["snapshot_support"] is False
    assert as_member["extra_specs"]["snapshot_inherit_share_access_support"] is False
    assert "snapshot_support" not in as_admin["extra_specs"]
    assert as_member["description"] == "secret sauce"


def test_only_admins_create_and_delete_types(admin: Api, member: Api) -> None:
    body = {"share_type": {"name": "t-" + uuid.uuid4().hex[:8],
                           "extra_specs": {"driver_handles_share_servers": "False"}}}

    assert member.post("/v2/types", json=body).status_code == 403
    created = admin.post("/v2/types", json=body).json()["share_type"]
    assert admin.post("/v2/types", json=body).status_code == 409
    assert member.delete(f"/v2/types/{created['id']}").status_code == 403
    assert admin.delete(f"/v2/types/{created['id']}").status_code == 202
    assert member.get(f"/v2/types/{created['id']}").json() == {
        "itemNotFound": {"code": 404, "message": "Share type not found."}}


def test_a_type_needs_valid_required_specs(admin: Api) -> None:
    missing = admin.post("/v2/types", json={"share_type": {"name": "nodhss"}})
    bad = admin.post("/v2/types", json={"share_type": {
        "name": "baddhss", "extra_specs": {"driver_handles_share_servers": "maybe"}}})

    assert missing.status_code == bad.status_code == 400
    assert "driver_handles_share_servers" in missing.json()["badRequest"]["message"]


def test_a_type_in_use_cannot_be_deleted(admin: Api, member: Api) -> None:
    created = admin.post("/v2/types", json={"share_type": {
        "name": "t-" + uuid.uuid4().hex[:8],
        "extra_specs": {"driver_handles_share_servers": "False"}}}).json()["share_type"]
    member.create_share(share_type=created["id"])

    resp = admin.delete(f"/v2/types/{created['id']}")

    assert resp.status_code == 400
    assert resp.json()["badRequest"]["message"] == "Target share type is still in use."


def test_two_availability_zones(member: Api) -> None:
    zones = member.get("/v2/availability-zones").json()["availability_zones"]

    assert [z["name"] for z in zones] == ["nova", "nova-2"]
    assert set(zones[0]) == {"id", "name", "created_at", "updated_at"}


def test_pools_are_for_admins_and_show_capacity(admin: Api, member: Api) -> None:
    assert member.get("/v2/scheduler-stats/pools").status_code == 403

    pools = admin.get("/v2/scheduler-stats/pools").json()["pools"]
    detail = admin.get("/v2/scheduler-stats/pools/detail").json()["pools"]

    assert [p["name"] for p in pools] == ["manila-ui@alpha#pool_alpha",
                                          "manila-ui@beta#pool_beta",
                                          "manila-ui@gamma#pool_gamma"]
    assert set(pools[0]) == {"name", "host", "backend", "pool"}
    assert (pools[0]["host"], pools[0]["backend"], pools[0]["pool"]) == (
        "manila-ui", "alpha", "pool_alpha")
    caps = detail[0]["capabilities"]
    assert caps["total_capacity_gb"] == 1230
    # The thin pool counts what shares wrote, the thick one their sizes.
    assert 0 <= caps["free_capacity_gb"] <= 1230
    beta = detail[1]["capabilities"]
    assert beta["free_capacity_gb"] == max(1230 - beta["allocated_capacity_gb"], 0)
    assert caps["storage_protocol"] == "NFS_CIFS"
    assert detail[1]["capabilities"]["thin_provisioning"] is False
    # gamma creates share servers (DHSS=True), the others do not.
    assert [d["capabilities"]["driver_handles_share_servers"] for d in detail] == [
        False, False, True]
    only_beta = admin.get("/v2/scheduler-stats/pools?backend=beta").json()["pools"]
    assert [p["backend"] for p in only_beta] == ["beta"]


def test_pool_capacity_follows_the_shares(admin: Api, member: Api) -> None:
    alpha = "manila-ui@alpha%23pool_alpha"

    def consistent() -> bool:
        pools = admin.get("/v2/scheduler-stats/pools/detail?backend=alpha").json()
        allocated = pools["pools"][0]["capabilities"]["allocated_capacity_gb"]
        shares = admin.get(f"/v2/shares/detail?all_tenants=1&host={alpha}").json()
        return bool(allocated == sum(s["size"] for s in shares["shares"]))

    share = member.create_share(size=7)
    member.wait_status(share["id"], "available")

    # Other tests' shares settle meanwhile: poll until one snapshot agrees.
    wait_until(consistent, what="pool allocation to match its shares")


@pytest.mark.parametrize(("version", "extra"), [
    ("2.0", set()),
    ("2.53", {"ShareReplicas", "ReplicaGigabytes"}),
    ("2.58", {"ShareReplicas", "ReplicaGigabytes", "ShareGroups", "ShareGroupSnapshots"}),
    ("2.80", {"ShareReplicas", "ReplicaGigabytes", "ShareGroups", "ShareGroupSnapshots",
              "ShareBackups", "BackupGigabytes"}),
])
def test_limits_keys_per_microversion(member: Api, version: str, extra: set[str]) -> None:
    absolute = member.get("/v2/limits", version=version).json()["limits"]["absolute"]

    base = {"maxTotalShareGigabytes", "maxTotalSnapshotGigabytes", "maxTotalShares",
            "maxTotalShareSnapshots", "maxTotalShareNetworks", "totalSharesUsed",
            "totalShareSnapshotsUsed", "totalShareNetworksUsed",
            "totalShareGigabytesUsed", "totalSnapshotGigabytesUsed"}
    names = {"ShareReplicas": ("maxTotalShareReplicas", "totalShareReplicasUsed"),
             "ReplicaGigabytes": ("maxTotalReplicaGigabytes", "totalReplicaGigabytesUsed"),
             "ShareGroups": ("maxTotalShareGroups", "totalShareGroupsUsed"),
             "ShareGroupSnapshots": ("maxTotalShareGroupSnapshots",
                                     "totalShareGroupSnapshotsUsed"),
             "ShareBackups": ("maxTotalShareBackups", "totalShareBackupsUsed"),
             "BackupGigabytes": ("maxTotalBackupGigabytes", "totalBackupGigabytesUsed")}
    expected = base | {key for item in extra for key in names[item]}
    assert set(absolute) == expected
    assert absolute["maxTotalShareGigabytes"] == 1000


def test_quota_sets_show_defaults_and_detail(member: Api, other: Api) -> None:
    member.create_share(size=5)
    path = f"/v2/quota-sets/{member.project}"

    shown = member.get(path).json()["quota_set"]
    defaults = member.get(path + "/defaults").json()["quota_set"]
    detail = member.get(path + "/detail").json()["quota_set"]

    assert shown["id"] == member.project
    assert (shown["shares"], shown["gigabytes"]) == (50, 1000)
    assert shown == defaults
    assert {"per_share_gigabytes", "backups", "share_replicas"} <= set(shown)
    assert "encryption_keys" in shown
    assert "encryption_keys" not in member.get(path, version="2.89").json()["quota_set"]
    assert detail["gigabytes"] == {"limit": 1000, "in_use": 5, "reserved": 0}
    assert member.get(path, version="2.6").status_code == 404
    assert member.get(f"/v2/os-quota-sets/{member.project}", version="2.6").status_code == 200
    assert other.get(path).status_code == 403


def test_an_admin_changes_and_resets_a_projects_quotas(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"
    member.create_share(size=10)

    raised = admin.put(path, json={"quota_set": {"shares": 100, "gigabytes": 20}})
    below_use = admin.put(path, json={"quota_set": {"gigabytes": 5}})
    forced = admin.put(path, json={"quota_set": {"gigabytes": 5, "force": True}})

    assert raised.status_code == 200
    assert (raised.json()["quota_set"]["shares"], raised.json()["quota_set"]["gigabytes"]) \
        == (100, 20)
    assert below_use.status_code == 400
    assert "smaller than already used and reserved 10" in \
        below_use.json()["badRequest"]["message"]
    assert forced.json()["quota_set"]["gigabytes"] == 5
    assert member.post("/v2/shares", json={"share": {"share_proto": "NFS",
                                                     "size": 1}}).status_code == 413
    assert member.get("/v2/limits").json()["limits"]["absolute"]["maxTotalShares"] == 100
    assert admin.delete(path).status_code == 202
    assert member.get(path).json()["quota_set"]["gigabytes"] == 1000


def test_quota_updates_are_checked(admin: Api, member: Api) -> None:
    path = f"/v2/quota-sets/{member.project}"

    def refusal(body: object, version: str = "2.98") -> str:
        resp = admin.put(path, json=body, version=version)
        assert resp.status_code == 400, resp.text
        return str(resp.json()["badRequest"]["message"])

    assert member.put(path, json={"quota_set": {"shares": 1}}).status_code == 403
    assert refusal({"quota_set": {}}) == "Must supply at least one quota field to update."
    assert refusal({"quota_set": {"shares": 1, "colour": 2}}) == \
        "Bad key(s) colour in quota_set."
    assert refusal({"quota_set": {"shares": "many"}}) == \
        "Quota 'many' for shares should be integer."
    assert refusal({"quota_set": {"shares": -2}}) == "Quota limit must be -1 or greater."
    assert "2.62" in refusal({"quota_set": {"per_share_gigabytes": 5}}, version="2.61")


def test_per_share_gigabytes_caps_one_share(admin: Api, member: Api) -> None:
    admin.put(f"/v2/quota-sets/{member.project}",
              json={"quota_set": {"per_share_gigabytes": 5}})

    resp = member.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": 6}})

    assert resp.status_code == 413
    assert resp.json()["overLimit"]["message"] == (
        "ShareSizeExceedsLimit: Requested share size 6 is larger than maximum "
        "allowed limit 5.")
    assert member.create_share(size=5)["size"] == 5
