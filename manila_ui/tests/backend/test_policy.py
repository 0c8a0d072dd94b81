"""Who may see and change a share: its project's members and readers, other
projects, and admins, with Manila 23's default rules."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api


@pytest.fixture
def owned(member: Api) -> dict[str, Any]:
    share = member.create_share(name="mine")
    return member.wait_status(share["id"], "available")


def test_another_project_cannot_see_or_touch_a_private_share(
        owned: dict[str, Any], other: Api) -> None:
    path = f"/v2/shares/{owned['id']}"

    assert other.get(path).status_code == 404
    assert other.put(path, json={"share": {"display_name": "x"}}).status_code == 404
    assert other.delete(path).status_code == 404
    assert other.get(path + "/export_locations").status_code == 404
    assert owned["id"] not in {s["id"] for s in other.get("/v2/shares").json()["shares"]}
    # Asking for every project is an admin's privilege: ignored for others.
    everything = other.get("/v2/shares?all_tenants=1").json()["shares"]
    assert owned["id"] not in {s["id"] for s in everything}


def test_a_public_share_is_visible_but_not_changeable(
        admin: Api, other: Api) -> None:
    public = admin.create_share(name="for all", is_public=True)
    path = f"/v2/shares/{public['id']}"

    assert other.get(path).status_code == 200
    listed = other.get("/v2/shares?is_public=true").json()["shares"]
    assert public["id"] in {s["id"] for s in listed}
    assert public["id"] not in {s["id"] for s in other.get("/v2/shares").json()["shares"]}
    refused = other.put(path, json={"share": {"display_name": "mine now"}})
    assert refused.status_code == 403
    assert refused.json()["forbidden"]["message"] == (
        "Policy doesn't allow share:update to be performed.")
    assert other.delete(path).status_code == 403


def test_a_reader_reads_but_never_writes(owned: dict[str, Any], reader: Api) -> None:
    path = f"/v2/shares/{owned['id']}"

    assert reader.get(path).status_code == 200
    assert owned["id"] in {s["id"] for s in reader.get("/v2/shares").json()["shares"]}
    assert reader.get(path + "/export_locations").status_code == 200
    for resp in [
        reader.post("/v2/shares", json={"share": {"share_proto": "NFS", "size": 1}}),
        reader.put(path, json={"share": {"display_name": "x"}}),
        reader.delete(path),
    ]:
        assert resp.status_code == 403
        assert resp.json() == {"forbidden": {
            "code": 403, "message": "Access was denied to this resource."}}


def test_an_admin_sees_and_manages_every_project(
        owned: dict[str, Any], admin: Api, member: Api) -> None:
    path = f"/v2/shares/{owned['id']}"

    shown = admin.get(path).json()["share"]
    assert shown["host"] == "manila-ui@alpha#pool_alpha"
    assert "share_server_id" in shown
    assert "host" not in (member.share(owned["id"]) or {})
    assert owned["id"] not in {s["id"] for s in admin.get("/v2/shares").json()["shares"]}
    everyone = admin.get(f"/v2/shares?all_tenants=1&project_id={member.project}")
    assert [s["id"] for s in everyone.json()["shares"]] == [owned["id"]]
    renamed = admin.put(path, json={"share": {"display_name": "by admin"}})
    assert renamed.json()["share"]["name"] == "by admin"
    assert admin.delete(path).status_code == 202
    member.wait_gone(owned["id"])


def test_only_admins_filter_by_host(member: Api, admin: Api) -> None:
    assert member.get("/v2/shares?host=manila-ui@alpha").status_code == 403
    assert admin.get("/v2/shares?host=manila-ui@alpha#pool_alpha").status_code == 200


def test_a_member_may_not_make_a_share_public(owned: dict[str, Any], member: Api) -> None:
    resp = member.put(f"/v2/shares/{owned['id']}", json={"share": {"is_public": True}})

    assert resp.status_code == 403
