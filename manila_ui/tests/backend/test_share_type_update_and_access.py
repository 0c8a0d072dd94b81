"""Admins rename and describe share types or make them private (``PUT
/types/{id}``, 2.50) and give projects access to private types; a private
type is then visible to, and usable by, exactly those projects, as in Manila."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from manila_ui.tests.backend.access_helpers import fault
from manila_ui.tests.backend.conftest import Api

DHSS_FALSE = {"driver_handles_share_servers": "False"}


def _create(admin: Api, public: bool = True, **fields: Any) -> dict[str, Any]:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "t-" + uuid.uuid4().hex[:8], "share_type_access:is_public": public,
        "extra_specs": DHSS_FALSE, **fields}})
    assert resp.status_code == 200, resp.text
    created: dict[str, Any] = resp.json()["share_type"]
    return created


@pytest.fixture
def private_type(admin: Api) -> Any:
    created = _create(admin, public=False)
    yield created
    admin.delete(f"/v2/types/{created['id']}")


def _names(api: Api, query: str = "") -> set[str]:
    return {t["name"] for t in api.get("/v2/types" + query).json()["share_types"]}


def _grant(admin: Api, type_id: str, action: str, project: Any) -> Any:
    return admin.post(f"/v2/types/{type_id}/action", json={action: {"project": project}})


# -- update -------------------------------------------------------------------

def test_admin_renames_describes_and_hides_a_type(admin: Api, member: Api) -> None:
    created = _create(admin, description="before")
    url = f"/v2/types/{created['id']}"
    new_name = "renamed-" + uuid.uuid4().hex[:8]

    resp = admin.put(url, json={"share_type": {"name": new_name, "description": "after"}})

    assert resp.status_code == 200, resp.text
    assert resp.json() == admin.get(url).json()
    updated = resp.json()["share_type"]
    assert (updated["name"], updated["description"]) == (new_name, "after")
    assert resp.json()["volume_type"] == updated
    assert new_name in _names(member)

    hidden = admin.put(url, json={"share_type": {"share_type_access:is_public": "false"}})
    assert hidden.json()["share_type"]["share_type_access:is_public"] is False
    assert hidden.json()["share_type"]["name"] == new_name   # untouched fields stay
    assert new_name not in _names(member)
    assert member.get(url).status_code == 404

    cleared = admin.put(url, json={"volume_type": {"description": ""}})
    assert cleared.json()["share_type"]["description"] is None
    assert admin.delete(url).status_code == 202


@pytest.mark.parametrize(("body", "message"), [
    ({"share_type": {}}, "Specify share type name, description, "
     "share_type_access:is_public or a combination thereof."),
    ({"share_type": {"name": "  "}}, "Share type name cannot be empty."),
    ({"share_type": {"name": "n" * 256}},
     "Share type name cannot be greater than 255 characters in length."),
    ({"share_type": {"description": "d" * 256}},
     "Share type description cannot be greater than 255 characters in length."),
    ({"share_type": {"share_type_access:is_public": "maybe"}},
     "share_type_access:is_public has a non-boolean value."),
    ({"share": {"name": "x"}},
     "The server could not comply with the request since it is either malformed "
     "or otherwise incorrect."),
])
def test_a_bad_update_is_refused_with_manilas_message(admin: Api, body: dict[str, Any],
                                                      message: str) -> None:
    created = _create(admin)
    try:
        assert fault(admin.put(f"/v2/types/{created['id']}", json=body)) == (400, message)
    finally:
        admin.delete(f"/v2/types/{created['id']}")


def test_a_name_in_use_conflicts_and_a_missing_type_is_not_found(admin: Api) -> None:
    created = _create(admin)
    url = f"/v2/types/{created['id']}"
    try:
        assert fault(admin.put(url, json={"share_type": {"name": "default"}})) == (
            409, "Share Type default already exists.")
        same = admin.put(url, json={"share_type": {"name": created["name"]}})
        assert same.status_code == 200, same.text
    finally:
        admin.delete(url)
    assert fault(admin.put("/v2/types/nope", json={"share_type": {"name": "x"}})) == (
        404, "ShareTypeNotFound: Share type nope could not be found.")


def test_only_admins_update_types(admin: Api, member: Api, reader: Api) -> None:
    created = _create(admin)
    url = f"/v2/types/{created['id']}"
    try:
        for user in (member, reader):
            assert fault(user.put(url, json={"share_type": {"description": "x"}})) == (
                403, "Access was denied to this resource.")
        assert admin.get(url).json()["share_type"]["description"] is None
    finally:
        admin.delete(url)


def test_update_exists_from_2_50(admin: Api) -> None:
    created = _create(admin)
    url = f"/v2/types/{created['id']}"
    try:
        before = admin.put(url, version="2.49", json={"share_type": {"description": "x"}})
        assert before.status_code == 404
        at = admin.put(url, version="2.50", json={"share_type": {"description": "x"}})
        assert at.status_code == 200
        assert "is_default" in at.json()["share_type"]
    finally:
        admin.delete(url)


# -- project access ------------------------------------------------------------

def test_a_project_given_access_sees_and_uses_a_private_type(
        admin: Api, member: Api, other: Api, private_type: dict[str, Any]) -> None:
    type_id, name = private_type["id"], private_type["name"]
    url = f"/v2/types/{type_id}"
    assert member.get(url).status_code == 404
    assert name not in _names(member)
    assert fault(member.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": name}})) == (
        404, "Share type not found.")
    assert admin.get(url + "/share_type_access").json() == {"share_type_access": []}

    assert _grant(admin, type_id, "addProjectAccess", member.project).status_code == 202

    assert admin.get(url + "/share_type_access").json() == {"share_type_access": [
        {"share_type_id": type_id, "project_id": member.project}]}
    assert member.get(url).json()["share_type"]["name"] == name
    assert name in _names(member)
    share = member.create_share(share_type=name)
    assert share["share_type"] == type_id
    # Others still neither see nor use it.
    assert other.get(url).status_code == 404
    assert name not in _names(other)
    assert other.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 1, "share_type": type_id}}).status_code == 404

    assert _grant(admin, type_id, "removeProjectAccess", member.project).status_code == 202

    assert member.get(url).status_code == 404
    assert name not in _names(member)
    member.wait_status(share["id"], "available")
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 202
    member.wait_gone(share["id"])


def test_admins_list_private_types_as_manila_does(
        admin: Api, private_type: dict[str, Any]) -> None:
    name = private_type["name"]
    assert name not in _names(admin)        # public ones, and those granted
    assert name in _names(admin, "?is_public=false")
    assert name in _names(admin, "?is_public=all")
    assert _grant(admin, private_type["id"], "addProjectAccess",
                  admin.project).status_code == 202
    assert name in _names(admin)


def test_granting_twice_conflicts_and_revoking_twice_is_not_found(
        admin: Api, member: Api, private_type: dict[str, Any]) -> None:
    type_id = private_type["id"]
    assert _grant(admin, type_id, "addProjectAccess", member.project).status_code == 202
    # Manila answers with its exceptions' templates, unformatted.
    assert fault(_grant(admin, type_id, "addProjectAccess", member.project)) == (
        409, "Share type access for %(share_type_id)s / %(project_id)s combination "
        "already exists.")
    assert _grant(admin, type_id, "removeProjectAccess", member.project).status_code == 202
    assert fault(_grant(admin, type_id, "removeProjectAccess", member.project)) == (
        404, "Share type access not found for %(share_type_id)s / %(project_id)s "
        "combination.")


def test_access_to_public_or_missing_types(admin: Api, member: Api) -> None:
    public = _create(admin)
    try:
        assert fault(admin.get(f"/v2/types/{public['id']}/share_type_access")) == (
            404, "Access list not available for public share types.")
        assert fault(_grant(admin, public["id"], "addProjectAccess", member.project)) == (
            409, "Type access modification is not applicable to public share type.")
        assert fault(_grant(admin, public["id"], "removeProjectAccess",
                            member.project)) == (
            409, "Type access modification is not applicable to public share type.")
    finally:
        admin.delete(f"/v2/types/{public['id']}")
    assert fault(admin.get("/v2/types/nope/share_type_access")) == (
        404, "Share type nope not found.")
    assert fault(_grant(admin, "nope", "addProjectAccess", member.project)) == (
        404, "Share type %(share_type_id)s could not be found.")


@pytest.mark.parametrize("argument", [{}, {"project": "not-a-uuid"}, {"project": 12}])
def test_a_project_must_look_like_a_uuid(admin: Api, private_type: dict[str, Any],
                                         argument: dict[str, Any]) -> None:
    resp = admin.post(f"/v2/types/{private_type['id']}/action",
                      json={"addProjectAccess": argument})
    project = argument.get("project")
    assert fault(resp) == (
        400, f"Bad project format: project is not in proper format ({project})")


def test_a_dashed_project_id_is_taken_as_given(admin: Api, private_type: dict[str, Any]
                                               ) -> None:
    dashed = str(uuid.uuid4())
    assert _grant(admin, private_type["id"], "addProjectAccess", dashed).status_code == 202
    listed = admin.get(f"/v2/types/{private_type['id']}/share_type_access").json()
    assert listed["share_type_access"][0]["project_id"] == dashed


def test_only_admins_manage_type_access(admin: Api, member: Api, reader: Api,
                                        private_type: dict[str, Any]) -> None:
    type_id = private_type["id"]
    assert _grant(admin, type_id, "addProjectAccess", member.project).status_code == 202
    for user in (member, reader):
        assert user.get(f"/v2/types/{type_id}/share_type_access").status_code == 403
        for action in ("addProjectAccess", "removeProjectAccess"):
            assert _grant(user, type_id, action, user.project).status_code == 403
    assert len(admin.get(f"/v2/types/{type_id}/share_type_access").json()[
        "share_type_access"]) == 1


def test_the_legacy_access_url_serves_every_version(
        admin: Api, member: Api, private_type: dict[str, Any]) -> None:
    type_id = private_type["id"]
    assert _grant(admin, type_id, "addProjectAccess", member.project,
                  ).status_code == 202
    for version in ("2.0", "2.6", "2.7", "2.99"):
        for leaf in ("os-share-type-access", "share_type_access"):
            resp = admin.get(f"/v2/types/{type_id}/{leaf}", version=version)
            assert resp.json()["share_type_access"] == [
                {"share_type_id": type_id, "project_id": member.project}], (version, leaf)
    removed = admin.post(f"/v2/types/{type_id}/action", version="2.0",
                         json={"removeProjectAccess": {"project": member.project}})
    assert removed.status_code == 202


def test_an_unknown_type_action_is_refused(admin: Api, private_type: dict[str, Any]
                                           ) -> None:
    resp = admin.post(f"/v2/types/{private_type['id']}/action", json={"grant": {}})
    assert fault(resp) == (400, "There is no such action: grant")


def test_deleting_a_type_drops_its_access_list(admin: Api, member: Api) -> None:
    created = _create(admin, public=False)
    assert _grant(admin, created["id"], "addProjectAccess", member.project
                  ).status_code == 202
    assert admin.delete(f"/v2/types/{created['id']}").status_code == 202
    assert admin.get(f"/v2/types/{created['id']}/share_type_access").status_code == 404


def test_a_type_with_bad_specs_is_refused_with_manilas_words(admin: Api) -> None:
    missing = admin.post("/v2/types", json={"share_type": {"name": "no-dhss",
                                                           "extra_specs": {}}})
    assert fault(missing) == (400, "Invalid extra_spec: Required extra specs "
                              "'driver_handles_share_servers' not specified.")
    bad_bool = admin.post("/v2/types", json={"share_type": {
        "name": "bad-bool", "extra_specs": {**DHSS_FALSE, "snapshot_support": "maybe"}}})
    assert fault(bad_bool) == (400, "Invalid share type: Invalid extra_spec: %(reason)s.")


def test_a_share_of_a_private_type_goes_only_to_a_project_given_access(
        admin: Api, member: Api, other: Api, private_type: dict[str, Any]) -> None:
    type_id = private_type["id"]
    assert _grant(admin, type_id, "addProjectAccess", member.project).status_code == 202
    share = member.available_share(share_type=type_id)
    offer = member.post("/v2/share-transfers", json={"transfer": {"share_id": share["id"]}})
    accept = {"accept": {"auth_key": offer.json()["transfer"]["auth_key"]}}
    url = f"/v2/share-transfers/{offer.json()['transfer']['id']}/accept"

    # Manila looks the type up as the recipient, who cannot see it: not found.
    assert fault(other.post(url, json=accept)) == (
        404, f"Share type {type_id} could not be found.")
    # An admin project sees every type, but may not use it without access either.
    assert fault(admin.post(url, json=accept)) == (
        400, f"Invalid share: Share type of share {share['id']} is not public, and "
        "current project can not access the share type .")

    assert _grant(admin, type_id, "addProjectAccess", other.project).status_code == 202
    assert other.post(url, json=accept).status_code == 202
    assert (other.share(share["id"]) or {})["status"] == "available"
