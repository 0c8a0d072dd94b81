"""Admins set and remove share type extra specs (what the admin share types
panel does, e.g. ``squash_support``); users see ``squash_support``, a
public spec here (real Manila shows it to admins only)."""

from __future__ import annotations

from manila_ui.tests.backend.access_helpers import create_type
from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend


def _type_id(admin: Api, name: str) -> str:
    found = [t for t in admin.get("/v2/types").json()["share_types"] if t["name"] == name]
    return str(found[0]["id"])


def test_admin_edits_extra_specs(backend: Backend, admin: Api, member: Api) -> None:
    type_id = _type_id(admin, create_type(backend))
    specs = f"/v2/types/{type_id}/extra_specs"

    set_ = admin.post(specs, json={"extra_specs": {"squash_support": "True", "foo": "bar"}})
    assert set_.json() == {"extra_specs": {"squash_support": "True", "foo": "bar"}}
    assert admin.get(specs).json()["extra_specs"] == {
        "driver_handles_share_servers": "False", "squash_support": "True", "foo": "bar"}
    assert admin.get(specs + "/foo").json() == {"foo": "bar"}
    assert admin.put(specs + "/foo", json={"foo": "baz"}).json() == {"foo": "baz"}
    assert fault(admin.put(specs + "/foo", json={"bar": "baz"})) == (
        400, "Request body and URI mismatch")
    assert admin.delete(specs + "/foo").status_code == 202
    assert fault(admin.delete(specs + "/foo")) == (
        404, f"Share Type {type_id} has no extra specs with key foo.")
    assert fault(admin.delete(specs + "/driver_handles_share_servers")) == (
        403, "Extra spec 'driver_handles_share_servers' can't be deleted.")
    assert fault(admin.post(specs, json={"extra_specs": {"k": ""}})) == (
        400, "Invalid extra_spec: k: ")
    assert admin.post(specs, json={"extra_specs": {"snapshot_support": "maybe"}}
                      ).status_code == 400
    assert fault(admin.get("/v2/types/nope/extra_specs")) == (
        404, "Share type nope could not be found.")

    assert member.get(specs).status_code == 403
    assert member.post(specs, json={"extra_specs": {"a": "b"}}).status_code == 403
    seen = member.get(f"/v2/types/{type_id}").json()["share_type"]["extra_specs"]
    assert seen["squash_support"] == "True"
    assert "foo" not in admin.get(specs).json()["extra_specs"]


def test_boolean_specs_are_echoed_and_stored_as_manila_does(admin: Api) -> None:
    """Measured on Manila 23 (scenario boolean_specs): creation stores
    Python's ``True``/``False`` but echoes the required spec as sent; setting
    a spec echoes the body and stores PostgreSQL's ``true``/``false``."""
    created = admin.post("/v2/types", json={"share_type": {"name": "bools", "extra_specs": {
        "driver_handles_share_servers": False, "mount_snapshot_support": True,
        "snapshot_support": "TRUE"}}}).json()["share_type"]
    assert created["required_extra_specs"] == {"driver_handles_share_servers": False}
    assert created["extra_specs"] == {"driver_handles_share_servers": "False",
                                      "mount_snapshot_support": "True",
                                      "snapshot_support": "TRUE"}
    specs = f"/v2/types/{created['id']}/extra_specs"
    sent = {"extra_specs": {"revert_to_snapshot_support": False, "custom": True}}
    assert admin.post(specs, json=sent).json() == sent
    assert admin.put(specs + "/other", json={"other": True}).json() == {"other": True}
    stored = admin.get(f"/v2/types/{created['id']}").json()["share_type"]
    assert stored["required_extra_specs"] == {"driver_handles_share_servers": "False"}
    assert {k: stored["extra_specs"][k] for k in ("revert_to_snapshot_support", "custom",
                                                  "other")} == {
        "revert_to_snapshot_support": "false", "custom": "true", "other": "true"}

    def filtered(value: str) -> list[str]:
        found = admin.get(f"/v2/types?is_public=all&extra_specs={{'custom':'{value}'}}")
        return [t["name"] for t in found.json()["share_types"]]

    # Manila filters on the stored text, case and all.
    assert (filtered("true"), filtered("True")) == (["bools"], [])
    assert fault(admin.post(specs, json={"extra_specs": {"n": 1}})) == (
        400, "Invalid extra_spec: n: 1")
    assert admin.delete(f"/v2/types/{created['id']}").status_code == 202


def test_snapshot_support_is_required_until_2_24(backend: Backend, admin: Api) -> None:
    type_id = _type_id(admin, create_type(backend))
    specs = f"/v2/types/{type_id}/extra_specs"
    admin.post(specs, json={"extra_specs": {"snapshot_support": "True"}})

    assert fault(admin.delete(specs + "/snapshot_support", version="2.23")) == (
        403, "Extra spec 'snapshot_support' can't be deleted.")
    assert admin.delete(specs + "/snapshot_support", version="2.24").status_code == 202


def test_the_list_filters_by_availability_zones(backend: Backend, admin: Api) -> None:
    zoned = create_type(backend)
    admin.post(f"/v2/types/{_type_id(admin, zoned)}/extra_specs",
               json={"extra_specs": {"availability_zones": "nova,nova-2"}})

    def names(zones: str) -> set[str]:
        found = admin.get("/v2/types", version="2.43", params={
            "extra_specs": f"{{'availability_zones':'{zones}'}}"}).json()["share_types"]
        return {t["name"] for t in found}

    # A type without the spec serves every zone, as in Manila.
    assert {zoned, "default"} <= names("nova,nova-2")
    assert zoned not in names("nowhere") and "default" in names("nowhere")


def test_bad_booleans_and_missing_keys_in_manilas_words(backend: Backend, admin: Api) -> None:
    specs = f"/v2/types/{_type_id(admin, create_type(backend))}/extra_specs"

    assert fault(admin.put(specs + "/driver_handles_share_servers",
                           json={"driver_handles_share_servers": "maybe"})) == (
        400, "Invalid extra_spec: driver_handles_share_servers: maybe")
    assert fault(admin.put(specs + "/snapshot_support", json={"snapshot_support": "nah"})) == (
        400, "Invalid extra_spec: Invalid boolean extra spec snapshot_support : nah.")
    assert fault(admin.get(specs + "/nokey")) == (404, "The resource could not be found.")
