"""A project offers a share to another one (2.77): the auth key is shown
once, the other project accepts with it and takes the share and its
snapshots; an offer can be listed, shown and withdrawn."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api

UNKNOWN = "00000000-0000-0000-0000-000000000000"
DETAIL_KEYS = {"id", "created_at", "name", "resource_type", "resource_id",
               "source_project_id", "destination_project_id", "accepted",
               "expires_at", "links"}


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def share(member: Api) -> dict[str, Any]:
    return member.available_share(size=2, name="gift")


def _offer(member: Api, share_id: str, **fields: Any) -> dict[str, Any]:
    resp = member.post("/v2/share-transfers", json={"transfer": {"share_id": share_id,
                                                                 **fields}})
    assert resp.status_code == 202, resp.text
    transfer: dict[str, Any] = resp.json()["transfer"]
    return transfer


def test_offer_and_accept(member: Api, other: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")

    offer = _offer(member, share["id"], name=" for you ")

    assert set(offer) == DETAIL_KEYS | {"auth_key"}
    assert len(offer["auth_key"]) == 16
    assert (offer["name"], offer["resource_type"], offer["accepted"]) == (
        "for you", "share", False)
    assert offer["source_project_id"] == member.project
    assert (member.share(share["id"]) or {})["status"] == "awaiting_transfer"
    shown = member.get(f"/v2/share-transfers/{offer['id']}").json()["transfer"]
    assert set(shown) == DETAIL_KEYS
    (summary,) = member.get("/v2/share-transfers").json()["transfers"]
    assert set(summary) == {"id", "name", "resource_type", "resource_id", "links"}
    assert set(member.get("/v2/share-transfers/detail").json()["transfers"][0]) == \
        DETAIL_KEYS

    resp = other.post(f"/v2/share-transfers/{offer['id']}/accept",
                      json={"accept": {"auth_key": offer["auth_key"]}})

    assert (resp.status_code, resp.content) == (202, b"")
    taken = other.share(share["id"]) or {}
    assert (taken["status"], taken["project_id"], taken["user_id"]) == (
        "available", other.project, other.user)
    assert member.share(share["id"]) is None
    assert (other.snapshot(snap["id"]) or {})["project_id"] == other.project
    assert _fault(member.get(f"/v2/share-transfers/{offer['id']}"))[0] == 404
    limits = other.get("/v2/limits").json()["limits"]["absolute"]
    assert (limits["totalSharesUsed"], limits["totalShareSnapshotsUsed"]) == (1, 1)


def test_create_refusals(member: Api, other: Api, reader: Api,
                         share: dict[str, Any]) -> None:
    def offer(body: Any, user: Api = member, version: str = "") -> tuple[int, str]:
        return _fault(user.post("/v2/share-transfers", json=body, version=version))

    assert offer({"transfer": {"share_id": share["id"]}}, version="2.76")[0] == 404
    assert offer({"t": {}}) == (400, "'transfer' is missing from the request body.")
    assert offer({"transfer": {"name": "x"}}) == (400, "Must supply 'share_id' attribute.")
    assert offer({"transfer": {"share_id": "x"}}) == (
        400, "The 'share_id' attribute must be a uuid.")
    assert offer({"transfer": {"share_id": UNKNOWN}}) == (
        400, "Invalid share: Share specified was not found.")
    assert offer({"transfer": {"share_id": share["id"]}}, user=other) == (
        400, "Invalid share: Share specified was not found.")
    assert offer({"transfer": {"share_id": share["id"]}}, user=reader) == (
        403, "Access was denied to this resource.")
    _offer(member, share["id"])
    assert offer({"transfer": {"share_id": share["id"]}}) == (
        400, "Invalid share: Share's status must be available.")
    assert _fault(member.action(share["id"], "extend", {"new_size": 3}))[1].endswith(
        "but current status is: awaiting_transfer.")
    assert _fault(member.delete(f"/v2/shares/{share['id']}"))[0] == 403


def test_accept_refusals(member: Api, other: Api, reader: Api,
                         share: dict[str, Any]) -> None:
    offer = _offer(member, share["id"])
    path = f"/v2/share-transfers/{offer['id']}/accept"

    assert _fault(other.post(path, json={"accept": {"auth_key": "nope"}})) == (
        400, f"Invalid auth key: Attempt to transfer {offer['id']} with invalid auth "
        "key.")
    assert _fault(other.post(path, json={"accept": {}})) == (
        400, "Must supply 'auth_key' while accepting a share transfer.")
    assert _fault(other.post(path, json={"x": {}})) == (
        400, "'accept' is missing from the request body.")
    assert _fault(other.post(f"/v2/share-transfers/{UNKNOWN}/accept",
                             json={"accept": {"auth_key": offer["auth_key"]}})) == (
        400, f"Transfer {UNKNOWN} could not be found.")
    assert _fault(reader.post(path, json={"accept": {"auth_key": offer["auth_key"]}})) == (
        403, "Access was denied to this resource.")
    assert _fault(other.post(path, json={"accept": {"auth_key": offer["auth_key"],
                                                    "clear_access_rules": "maybe"}})) == (
        400, "Invalid boolean clear_access_rules : maybe")


def test_accepting_over_quota_is_413(member: Api, other: Api, admin: Api,
                                     share: dict[str, Any]) -> None:
    admin.put(f"/v2/quota-sets/{other.project}", json={"quota_set": {"gigabytes": 1}})
    offer = _offer(member, share["id"])

    resp = other.post(f"/v2/share-transfers/{offer['id']}/accept",
                      json={"accept": {"auth_key": offer["auth_key"]}})

    assert _fault(resp) == (413, "Requested share exceeds allowed project/user or "
                            "share type gigabytes quota.")
    assert (member.share(share["id"]) or {})["status"] == "awaiting_transfer"


def test_withdraw_an_offer(member: Api, other: Api, admin: Api,
                           share: dict[str, Any]) -> None:
    offer = _offer(member, share["id"])
    path = f"/v2/share-transfers/{offer['id']}"

    assert _fault(other.get(path)) == (
        404, f"TransferNotFound: Transfer {offer['id']} could not be found.")
    assert other.get("/v2/share-transfers").json() == {"transfers": []}
    assert _fault(other.delete(path))[0] == 404
    everyone = admin.get("/v2/share-transfers?all_tenants=1").json()["transfers"]
    assert offer["id"] in {t["id"] for t in everyone}
    assert offer["id"] not in {t["id"] for t in admin.get("/v2/share-transfers")
                               .json()["transfers"]}

    resp = member.delete(path)

    assert (resp.status_code, resp.content) == (200, b"")
    assert (member.share(share["id"]) or {})["status"] == "available"
    assert _fault(member.delete(path))[0] == 404
