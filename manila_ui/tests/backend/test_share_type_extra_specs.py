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
