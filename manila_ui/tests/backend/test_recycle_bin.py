"""The recycle bin (2.69): a soft-deleted share keeps its status, leaves
the default list, can be restored, and is purged after the retention time;
an unaccepted transfer expires the same way, through the worker."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until


def _ids(resp: Any) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [share["id"] for share in resp.json()["shares"]]


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def binned(member: Api) -> dict[str, Any]:
    share = member.available_share(name="binned")
    assert member.action(share["id"], "soft_delete").status_code == 202
    return member.share(share["id"]) or {}


def test_soft_delete_flags_and_hides_the_share(member: Api, binned: dict[str, Any]) -> None:
    assert binned["status"] == "available"
    assert binned["is_soft_deleted"] is True
    scheduled = datetime.datetime.fromisoformat(binned["scheduled_to_be_deleted_at"])
    week = datetime.timedelta(days=7)
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    assert week - datetime.timedelta(minutes=1) < scheduled - now <= week

    assert binned["id"] not in _ids(member.get("/v2/shares"))
    assert _ids(member.get("/v2/shares/detail?is_soft_deleted=true")) == [binned["id"]]
    # Below 2.69 the filter is not known: the default list.
    assert binned["id"] not in _ids(member.get("/v2/shares?is_soft_deleted=true",
                                               version="2.68"))
    assert "is_soft_deleted" not in member.get(f"/v2/shares/{binned['id']}",
                                               version="2.68").json()["share"]


def test_what_a_binned_share_refuses(member: Api, binned: dict[str, Any]) -> None:
    sid = binned["id"]
    assert _fault(member.action(sid, "soft_delete")) == (
        403, "Invalid share: The share has been soft deleted already.")
    assert _fault(member.action(sid, "extend", {"new_size": 2})) == (
        403, f"Cannot extend share '{sid}' since it has been soft deleted.")
    assert _fault(member.action(sid, "shrink", {"new_size": 1}))[0] == 403
    assert _fault(member.put(f"/v2/shares/{sid}", json={"share": {"display_name": "x"}})
                  ) == (403, f"Share '{sid} cannot be updated, since it has been soft "
                        "deleted.")
    assert _fault(member.post("/v2/snapshots", json={"snapshot": {"share_id": sid}})) == (
        403, f"Snapshots cannot be created for share '{sid}' since it has been soft "
        "deleted.")
    # Metadata may still change, as in Manila.
    assert member.post(f"/v2/shares/{sid}/metadata",
                       json={"metadata": {"a": "b"}}).status_code == 200


def test_restore_brings_it_back(member: Api, binned: dict[str, Any]) -> None:
    resp = member.action(binned["id"], "restore")

    assert resp.status_code == 202
    restored = member.share(binned["id"]) or {}
    assert (restored["is_soft_deleted"], restored["scheduled_to_be_deleted_at"]) == (
        False, None)
    assert binned["id"] in _ids(member.get("/v2/shares"))
    # Not in the bin: nothing to do, 200.
    assert member.action(binned["id"], "restore").status_code == 200


def test_a_binned_share_may_still_be_deleted(member: Api, binned: dict[str, Any]) -> None:
    assert member.delete(f"/v2/shares/{binned['id']}").status_code == 202
    assert _fault(member.action(binned["id"], "restore")) == (
        403, f"Share {binned['id']} is being deleted or has suffered an error during "
        "deletion, cannot be restored.")
    member.wait_gone(binned["id"])


def test_soft_delete_refusals(member: Api, other: Api, reader: Api) -> None:
    creating = member.create_share()
    assert _fault(member.action(creating["id"], "soft_delete")) == (
        403, "Invalid share: Share status must be one of ('available', 'error', "
        "'inactive').")
    share = member.wait_status(creating["id"], "available")
    snap = member.create_snapshot(share["id"])
    assert _fault(member.action(share["id"], "soft_delete")) == (
        403, "Invalid share: Share still has 1 dependent snapshots.")
    assert other.action(share["id"], "soft_delete").status_code == 404
    assert reader.action(share["id"], "soft_delete").status_code == 403
    assert member.action(share["id"], "restore", {"x": 1}).status_code == 200
    member.wait_snapshot(snap["id"], "available")


def test_the_worker_purges_and_expires(start_backend: Callable[..., Backend]) -> None:
    backend = start_backend(soft_deleted_share_retention_time="1",
                            transfer_retention_time="1")
    user = backend.api("demo", new_project())
    binned = user.available_share(name="short-lived")
    offered = user.available_share(name="offered")

    user.action(binned["id"], "soft_delete")
    transfer = user.post("/v2/share-transfers", json={"transfer": {
        "share_id": offered["id"]}})
    assert transfer.status_code == 202
    assert (user.share(offered["id"]) or {})["status"] == "awaiting_transfer"

    user.wait_gone(binned["id"])
    back = user.wait_status(offered["id"], "available")
    assert back["project_id"] == user.project
    transfer_id = transfer.json()["transfer"]["id"]
    wait_until(lambda: user.get(f"/v2/share-transfers/{transfer_id}").status_code == 404,
               what="the transfer to expire")
