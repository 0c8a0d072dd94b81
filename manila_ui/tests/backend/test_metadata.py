"""Metadata of shares, snapshots (2.73) and export locations (2.87): merge,
replace, one key; Manila's limits and messages; admin-only keys (2.68)."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import LATEST
from manila_ui.tests.backend.conftest import Api

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def share(member: Api) -> dict[str, Any]:
    return member.available_share(metadata={"k1": "v1"})


def test_share_metadata_round_trip(member: Api, share: dict[str, Any]) -> None:
    path = f"/v2/shares/{share['id']}/metadata"

    assert member.get(path).json() == {"metadata": {"k1": "v1"}}
    assert member.post(path, json={"metadata": {"k2": "v2"}}).json() == {
        "metadata": {"k1": "v1", "k2": "v2"}}
    assert member.put(path, json={"metadata": {"k3": "v3"}}).json() == {
        "metadata": {"k3": "v3"}}
    assert member.get(path + "/k3").json() == {"meta": {"k3": "v3"}}
    assert member.post(path + "/k3", json={"meta": {"k3": "x"}}).json() == {
        "metadata": {"k3": "x"}}
    deleted = member.delete(path + "/k3")
    assert (deleted.status_code, deleted.content) == (200, b"")
    assert member.get(path).json() == {"metadata": {}}
    assert (member.share(share["id"]) or {})["metadata"] == {}


def test_share_metadata_refusals(member: Api, share: dict[str, Any]) -> None:
    path = f"/v2/shares/{share['id']}/metadata"
    missing = (404, "MetadataItemNotFound: Metadata item is not found.")

    assert _fault(member.get(path + "/nope")) == missing
    assert _fault(member.delete(path + "/nope")) == missing
    assert _fault(member.post(path, json={"metadata": {"k" * 256: "v"}})) == (
        400, "Metadata property key is greater than 255 characters.")
    assert _fault(member.post(path, json={"metadata": {"k": "v" * 1024}})) == (
        400, "Metadata property value is greater than 1023 characters.")
    assert _fault(member.post(path, json={"metadata": {"k": ""}})) == (
        400, "Metadata property value is blank.")
    assert member.post(path, json={"metadata": {"k": "v" * 1023}}).status_code == 200
    for body in ({"metadata": ["a"]}, {"meta": {"a": "b"}}, {"metadata": {"a": 1}},
                 {"metadata": {"a": None}}):
        assert _fault(member.post(path, json=body)) == (400, "Malformed request body")
    assert _fault(member.post(path + "/a", json={"meta": {"b": "c"}})) == (
        400, "Request body and URI mismatch")
    assert _fault(member.post(path + "/a", json={"meta": {"a": "c", "b": "d"}})) == (
        400, "Request body contains too many items")
    assert _fault(member.get(f"/v2/shares/{UNKNOWN}/metadata")) == (404, "Share not found.")
    assert _fault(member.get("/v2/shares/not-a-uuid/metadata")) == (404, "Share not found.")


def test_who_may_touch_share_metadata(member: Api, other: Api, reader: Api,
                                      admin: Api, share: dict[str, Any]) -> None:
    path = f"/v2/shares/{share['id']}/metadata"

    assert _fault(other.get(path)) == (404, "Share not found.")
    assert _fault(other.post(path, json={"metadata": {"a": "b"}}))[0] == 404
    assert reader.get(path).status_code == 200
    assert _fault(reader.post(path, json={"metadata": {"a": "b"}})) == (
        403, "Access was denied to this resource.")
    assert _fault(reader.delete(path + "/k1"))[0] == 403
    public = admin.available_share(is_public=True, metadata={"a": "b"})
    public_path = f"/v2/shares/{public['id']}/metadata"
    assert other.get(public_path).json() == {"metadata": {"a": "b"}}
    assert _fault(other.post(public_path, json={"metadata": {"c": "d"}})) == (
        403, "Policy doesn't allow share:get to be performed.")


def test_admin_only_metadata_keys(member: Api, admin: Api, share: dict[str, Any]) -> None:
    path = f"/v2/shares/{share['id']}/metadata"

    assert _fault(member.post(path, json={"metadata": {"__affinity_same_host": "x"}})) == (
        403, "Cannot set or update admin only metadata.")
    assert admin.post(path, json={"metadata": {"__managed_at": "x"}}).status_code == 200
    # A member's replace keeps what only admins may set.
    assert member.put(path, json={"metadata": {"z": "1"}}).json() == {
        "metadata": {"__managed_at": "x", "z": "1"}}
    assert _fault(member.delete(path + "/__managed_at")) == (
        403, "Policy doesn't allow share:update_admin_only_metadata to be performed.")
    assert admin.delete(path + "/__managed_at").status_code == 200


def test_snapshot_metadata(member: Api, other: Api, reader: Api,
                           share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"], metadata={"a": "1"})
    path = f"/v2/snapshots/{snap['id']}/metadata"

    assert member.get(path, version=LATEST).json() == {"metadata": {"a": "1"}}
    # A merge; as Manila's snapshot metadata, the answer holds only what was sent.
    assert member.post(path, json={"metadata": {"b": "2"}}).json() == {
        "metadata": {"b": "2"}}
    assert member.get(path).json() == {"metadata": {"a": "1", "b": "2"}}
    assert member.put(path, json={"metadata": {"c": "3"}}).json() == {
        "metadata": {"c": "3"}}
    assert member.get(path + "/c").json() == {"meta": {"c": "3"}}
    assert member.delete(path + "/c").status_code == 200
    assert _fault(member.delete(path + "/c")) == (
        404, "MetadataItemNotFound: Metadata item is not found.")
    assert member.get(path, version="2.72").status_code == 404
    assert _fault(other.get(path)) == (404, "Share_snapshot not found.")
    assert _fault(member.get(f"/v2/snapshots/{UNKNOWN}/metadata")) == (
        404, "Share_snapshot not found.")
    assert _fault(reader.put(path, json={"metadata": {}}))[0] == 403
    assert _fault(member.post(path, json={"metadata": {"k": ""}})) == (
        400, "Metadata property value is blank.")


def test_export_location_metadata(member: Api, admin: Api, share: dict[str, Any]) -> None:
    locations = member.get(f"/v2/shares/{share['id']}/export_locations").json()[
        "export_locations"]
    path = f"/v2/shares/{share['id']}/export_locations/{locations[0]['id']}/metadata"

    # As Manila 23: the preferred flag is kept among the metadata, and a
    # change answers with all of it.
    preferred = str(locations[0]["preferred"]).lower()
    assert member.get(path).json() == {"metadata": {"preferred": preferred}}
    assert member.post(path, json={"metadata": {"site": "a"}}).json() == {
        "metadata": {"preferred": preferred, "site": "a"}}
    assert member.post(path + "/site", json={"meta": {"site": "b"}}).json() == {
        "badRequest": {"code": 400, "message": "'metadata' is a required property"}}
    shown = member.get(f"/v2/shares/{share['id']}/export_locations").json()
    assert [el["metadata"] for el in shown["export_locations"]
            if el["id"] == locations[0]["id"]] == [{"site": "a"}]
    assert member.get(path, version="2.86").status_code == 404
    assert member.delete(path + "/site").status_code == 200
    admin_only = [el for el in admin.get(f"/v2/shares/{share['id']}/export_locations")
                  .json()["export_locations"] if el["is_admin_only"]]
    hidden = (f"/v2/shares/{share['id']}/export_locations/{admin_only[0]['id']}"
              "/metadata")
    assert member.get(hidden).status_code == 404
    assert admin.get(hidden).status_code == 200
