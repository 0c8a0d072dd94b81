"""A project member creates, lists, changes and deletes shares."""

from __future__ import annotations

import pytest

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend

# What real Manila 23 returns for a non-admin GET /v2/shares/<id> at 2.98.
MANILA_KEYS_2_98 = {
    "access_rules_status", "availability_zone", "create_share_from_snapshot_support",
    "created_at", "description", "encryption_key_ref", "has_replicas", "id",
    "is_public", "is_soft_deleted", "links", "metadata", "mount_snapshot_support",
    "name", "progress", "project_id", "replication_type",
    "revert_to_snapshot_support", "scheduled_to_be_deleted_at", "share_group_id",
    "share_network_id", "share_proto", "share_type", "share_type_name", "size",
    "snapshot_id", "snapshot_support", "source_backup_id",
    "source_share_group_snapshot_member_id", "status", "task_state", "user_id",
    "volume_type",
}


def test_a_new_share_is_creating_then_available(member: Api, backend: Backend) -> None:
    share = member.create_share(size=2, name="home", description="team files",
                                metadata={"team": "blue"})

    assert share["status"] == "creating"
    assert share["progress"] is None   # set once a pool holds it, as in Manila
    assert (share["name"], share["size"], share["share_proto"]) == ("home", 2, "NFS")
    assert share["share_type_name"] == "default"
    assert share["metadata"] == {"team": "blue"}
    assert share["project_id"] == member.project
    assert share["user_id"] == member.user

    available = member.wait_status(share["id"], "available")
    assert available["progress"] == "100%"
    assert available["availability_zone"] == "nova"
    with backend.db() as db:
        (host,) = db.execute("SELECT host FROM shares WHERE id = ?",
                             (share["id"],)).fetchone()
    assert host == "manila-ui@alpha#pool_alpha"


def test_share_view_has_exactly_manilas_keys(member: Api) -> None:
    share = member.create_share()

    assert set(member.share(share["id"]) or {}) == MANILA_KEYS_2_98
    latest = member.get(f"/v2/shares/{share['id']}", version=LATEST).json()["share"]
    assert set(latest) == MANILA_KEYS_2_98 | {"snapshot_inherit_share_access_support"}
    old = member.get(f"/v2/shares/{share['id']}", version="2.0").json()["share"]
    assert set(old) == {
        "id", "size", "availability_zone", "created_at", "status", "name",
        "description", "project_id", "snapshot_id", "share_network_id",
        "share_proto", "export_location", "metadata", "share_type",
        "volume_type", "links", "is_public", "export_locations"}
    assert old["share_type"] == "default"  # a name before 2.6, an id after


def test_available_share_has_ipv4_and_ipv6_export_locations(member: Api) -> None:
    share = member.create_share()
    member.wait_status(share["id"], "available")

    resp = member.get(f"/v2/shares/{share['id']}/export_locations")

    assert resp.status_code == 200
    locations = resp.json()["export_locations"]
    paths = sorted(el["path"] for el in locations)
    name = "share_" + share["id"].replace("-", "_")
    assert paths == [f"10.0.0.10:/shares/{name}", f"[fd00:10::10]:/shares/{name}"]
    assert [el["preferred"] for el in locations if el["path"].startswith("10.")] == [True]
    assert set(locations[0]) == {"id", "path", "preferred", "metadata"}
    one = member.get(f"/v2/shares/{share['id']}/export_locations/{locations[0]['id']}")
    assert one.status_code == 200
    assert {"created_at", "updated_at"} <= set(one.json()["export_location"])


def test_cifs_share_exports_unc_paths(member: Api) -> None:
    share = member.create_share(proto="cifs")
    member.wait_status(share["id"], "available")

    locations = member.get(f"/v2/shares/{share['id']}/export_locations").json()
    paths = {el["path"] for el in locations["export_locations"]}
    name = "share_" + share["id"].replace("-", "_")
    assert paths == {f"\\\\10.0.0.10\\{name}",
                     f"\\\\fd00-10--10.ipv6-literal.net\\{name}"}


def test_rename_and_describe_a_share(member: Api) -> None:
    share = member.create_share(name="old")

    resp = member.put(f"/v2/shares/{share['id']}", json={"share": {
        "display_name": "new", "display_description": "now described"}})

    assert resp.status_code == 200
    assert (resp.json()["share"]["name"], resp.json()["share"]["description"]) == (
        "new", "now described")
    assert (member.share(share["id"]) or {})["name"] == "new"


def test_delete_goes_through_deleting(member: Api, backend: Backend) -> None:
    share = member.create_share()
    member.wait_status(share["id"], "available")

    resp = member.delete(f"/v2/shares/{share['id']}")

    assert resp.status_code == 202
    assert (member.share(share["id"]) or {})["status"] == "deleting"
    member.wait_gone(share["id"])
    with backend.db() as db:
        assert db.execute("SELECT count(*) FROM export_locations WHERE share_id = ?",
                          (share["id"],)).fetchone() == (0,)


def test_a_creating_share_cannot_be_deleted(member: Api) -> None:
    share = member.create_share()

    resp = member.delete(f"/v2/shares/{share['id']}")

    assert resp.status_code == 403
    assert "status must be one of" in resp.json()["forbidden"]["message"]


def test_unknown_share_is_not_found(member: Api) -> None:
    resp = member.get("/v2/shares/00000000-0000-0000-0000-000000000000")

    assert resp.status_code == 404
    assert resp.json() == {"itemNotFound": {
        "code": 404, "message": "The resource could not be found."}}


# -- bad input ---------------------------------------------------------------

def _create(member: Api, share: object) -> tuple[int, str, str]:
    resp = member.post("/v2/shares", json=share)
    ((name, fault),) = resp.json().items()
    return resp.status_code, name, fault["message"]


@pytest.mark.parametrize(("size", "shown"), [
    (0, "'0'"), (-1, "'-1'"), (1.5, "'1.5'"), ("abc", "'abc'"), (" ", "' '"),
    (2 ** 40, f"'{2 ** 40}'"),
])
def test_bad_size_is_refused_naming_the_size(member: Api, size: object, shown: str) -> None:
    code, name, message = _create(member, {"share": {"share_proto": "NFS", "size": size}})

    assert (code, name) == (400, "badRequest")
    assert f"Share size {shown} must be an integer and greater than 0" in message


def test_size_of_the_wrong_json_type_is_refused(member: Api) -> None:
    code, name, message = _create(member, {"share": {"share_proto": "NFS",
                                                     "size": True}})
    assert (code, name) == (400, "badRequest")
    assert "share/size" in message


def test_size_as_a_numeric_string_is_accepted_as_in_manila(member: Api) -> None:
    share = member.create_share(size="3")  # type: ignore[arg-type]
    assert share["size"] == 3


@pytest.mark.parametrize("proto", ["NFSv9", "CEPHFS", "GlusterFS", "HDFS", "MAPRFS"])
def test_protocol_not_enabled_is_refused(member: Api, proto: str) -> None:
    code, name, message = _create(member, {"share": {"share_proto": proto, "size": 1}})

    assert (code, name) == (400, "badRequest")
    assert f"Invalid share protocol provided: {proto}" in message
    assert "['NFS', 'CIFS']" in message


def test_missing_required_fields_are_named(member: Api) -> None:
    assert _create(member, {"share": {"size": 1}})[2].endswith(
        "'share_proto' is a required property")
    assert _create(member, {"share": {"share_proto": "NFS"}})[2].endswith(
        "'size' is a required property")


def test_malformed_json_and_missing_body(member: Api) -> None:
    malformed = member.post("/v2/shares", data=b"{not json",
                            headers={"Content-Type": "application/json"})
    missing = member.post("/v2/shares")

    assert malformed.status_code == 400
    assert malformed.json()["badRequest"]["message"] == "Malformed request body"
    assert missing.status_code == 400
    assert missing.json()["badRequest"]["message"] == "Missing request body."


def test_body_without_a_share_is_unprocessable_as_in_manila(member: Api) -> None:
    code, name, _ = _create(member, {"volume": {}})
    assert (code, name) == (422, "computeFault")


def test_unknown_type_and_zone_are_not_found(member: Api) -> None:
    assert _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                      "share_type": "gold"}}) == (
        404, "itemNotFound", "Share type not found.")
    assert _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                      "availability_zone": "moon"}}) == (
        404, "itemNotFound", "Availability zone moon could not be found.")


def test_too_long_name_and_blank_metadata(member: Api) -> None:
    code, _, message = _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                                  "name": "x" * 256}})
    assert code == 400 and "name can only be 255 characters long" in message
    code, _, message = _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                                  "metadata": {"k": ""}}})
    assert code == 400 and message == "Metadata property value is blank."


def test_a_member_cannot_create_a_public_share(member: Api, admin: Api) -> None:
    code, name, message = _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                                     "is_public": True}})
    assert (code, name) == (403, "forbidden")
    assert "is_public" in message
    assert admin.create_share(is_public=True)["is_public"] is True
    code, _, message = _create(member, {"share": {"share_proto": "NFS", "size": 1,
                                                  "is_public": "maybe"}})
    assert code == 400 and "maybe" in message


def test_chosen_zone_is_honoured(member: Api) -> None:
    share = member.create_share(availability_zone="nova-2")

    available = member.wait_status(share["id"], "available")

    assert available["availability_zone"] == "nova-2"
