"""A share made from a snapshot: same zone by default, another zone or
back end where the scheduler finds a compatible pool, refused (or ended in
error with a user message) where none is."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


def _source(user: Api, **share_fields: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    share = user.available_share(size=2, **share_fields)
    snap = user.create_snapshot(share["id"])
    return share, user.wait_snapshot(snap["id"], "available") or {}


def _from(user: Api, snap: dict[str, Any], version: str = "", **fields: Any) -> Any:
    return user.post("/v2/shares", json={"share": {
        "share_proto": "NFS", "size": 2, "snapshot_id": snap["id"], **fields}},
        version=version)


def _type(admin: Api, **specs: str) -> dict[str, Any]:
    resp = admin.post("/v2/types", json={"share_type": {
        "name": "t-" + uuid.uuid4().hex[:8], "extra_specs": {
            "driver_handles_share_servers": "False", "snapshot_support": "True",
            "create_share_from_snapshot_support": "True", **specs}}})
    assert resp.status_code == 200, resp.text
    found: dict[str, Any] = resp.json()["share_type"]
    return found


def test_a_share_from_a_snapshot_copies_then_settles(member: Api) -> None:
    parent, snap = _source(member)

    resp = _from(member, snap, name="copy")

    assert resp.status_code == 200, resp.text
    created = resp.json()["share"]
    assert (created["snapshot_id"], created["status"]) == (snap["id"], "creating")
    assert created["share_type"] == parent["share_type"]

    def seen(status: str) -> Any:
        return wait_until(lambda: (member.share(created["id"]) or {}).get("status")
                          in (status, "available"), what=status)
    seen("creating_from_snapshot")
    # Before 2.54 the copy shows as creating: read there, then read again at
    # the newest version; while that still copies, the older read saw it copy too.
    below = member.get(f"/v2/shares/{created['id']}", version="2.53").json()["share"]
    if (member.share(created["id"]) or {}).get("status") == "creating_from_snapshot":
        assert below["status"] == "creating"
    copy = member.wait_status(created["id"], "available")
    assert (copy["availability_zone"], copy["size"]) == (parent["availability_zone"], 2)
    listed = member.get(f"/v2/shares?snapshot_id={snap['id']}").json()["shares"]
    assert [s["id"] for s in listed] == [created["id"]]


def test_into_another_zone(member: Api, admin: Api) -> None:
    _, snap = _source(member)

    resp = _from(member, snap, availability_zone="nova-2", size=3)

    copy = member.wait_status(resp.json()["share"]["id"], "available")
    assert (copy["availability_zone"], copy["size"]) == ("nova-2", 3)
    assert admin.get(f"/v2/shares/{copy['id']}").json()["share"]["host"] == \
        "manila-ui@beta#pool_beta"


def test_no_compatible_pool_ends_in_error_with_a_message(member: Api, admin: Api) -> None:
    thin = _type(admin, thin_provisioning="<is> True")
    parent, snap = _source(member, share_type=thin["id"])
    assert parent["availability_zone"] == "nova"

    resp = _from(member, snap, availability_zone="nova-2")

    failed = member.wait_status(resp.json()["share"]["id"], "error")
    (message,) = member.messages_for(failed["id"])
    assert (message["action_id"], message["detail_id"]) == ("001", "008")


def test_refusals(member: Api, admin: Api, other: Api) -> None:
    parent, snap = _source(member)

    assert _fault(_from(member, {"id": UNKNOWN})) == (
        404, f"ShareSnapshotNotFound: Snapshot {UNKNOWN} could not be found.")
    assert _fault(_from(other, snap)) == (404, "NotFound: Resource could not be found.")
    assert _fault(_from(member, snap, size=1)) == (
        400, "Invalid input received: Share size '1' must be equal or greater than "
        "snapshot size.")
    assert _fault(_from(member, snap, share_type="dhss_false"))[1].startswith(
        "Invalid input received: Invalid share type specified: the requested share "
        "type must match the type of the source share.")
    creating = member.create_snapshot(parent["id"])
    assert _fault(_from(member, creating)) == (
        400, "Invalid share snapshot: status must be 'available'.")


def test_the_parent_must_support_it(member: Api, admin: Api) -> None:
    # A type that does not name the capability: its shares lack it (naming
    # it False would ask for pools without it, which none are).
    no_copy = admin.post("/v2/types", json={"share_type": {
        "name": "t-" + uuid.uuid4().hex[:8], "extra_specs": {
            "driver_handles_share_servers": "False",
            "snapshot_support": "True"}}}).json()["share_type"]
    share = member.available_share(share_type=no_copy["id"])
    snap = member.wait_snapshot(member.create_snapshot(share["id"])["id"],
                                "available") or {}

    assert _fault(_from(member, snap, size=1)) == (
        400, f"A new share may not be created from snapshot '{snap['id']}', because "
        "the snapshot's parent share does not have that capability.")


def test_a_failed_copy_leaves_error_and_a_message(member: Api) -> None:
    _, snap = _source(member, metadata={"simulated_driver:fail": "create_from_snapshot"})

    resp = _from(member, snap, metadata={"simulated_driver:fail": "create_from_snapshot"})

    failed = member.wait_status(resp.json()["share"]["id"], "error")
    (message,) = member.messages_for(failed["id"])
    assert (message["action_id"], message["detail_id"]) == ("005", "017")
    assert message["user_message"].startswith("update: Share Driver has failed to "
                                              "create the share from snapshot.")


@pytest.mark.slow
def test_without_the_scheduler_or_a_shared_domain(
        start_backend: Callable[..., Backend]) -> None:
    # Manila's default: the snapshot's pool and zone only, so another zone
    # is a 400.
    pinned = start_backend(use_scheduler_creating_share_from_snapshot="false")
    user = pinned.api("demo", new_project())
    _, snap = _source(user)
    assert _fault(_from(user, snap, availability_zone="nova-2")) == (
        400, "Invalid input received: The specified availability zone must be the "
        "same as the parent share when creating from snapshot.")
    assert user.wait_status(_from(user, snap).json()["share"]["id"], "available")
    pinned.stop()

    # Back ends in no common replication domain: the other zone's pool fails
    # Manila's CreateFromSnapshotFilter.
    apart = start_backend(**{"simulated_driver.replication_domain": ""})
    user = apart.api("demo", new_project())
    _, snap = _source(user)
    failed = user.wait_status(_from(user, snap, availability_zone="nova-2")
                              .json()["share"]["id"], "error")
    (message,) = user.messages_for(failed["id"])
    assert (message["action_id"], message["detail_id"]) == ("001", "016")
    apart.stop()


def test_size_zero_takes_the_snapshots_size(member: Api) -> None:
    _, snap = _source(member)

    resp = _from(member, snap, size=0)

    assert resp.status_code == 200, resp.text
    assert resp.json()["share"]["size"] == 2
