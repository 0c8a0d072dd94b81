"""A project member resizes and reverts a share; an admin resets and force
deletes one.  Each action passes through Manila's transitional status and
settles through the operation queue; a failure leaves a user message."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import wait_until

UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _fault(resp: Any) -> tuple[int, str, str]:
    ((name, fault),) = resp.json().items()
    return resp.status_code, name, fault["message"]


@pytest.fixture
def share(member: Api) -> dict[str, Any]:
    return member.available_share(size=2)


# -- extend -------------------------------------------------------------------

def test_extend_passes_through_extending(member: Api, share: dict[str, Any]) -> None:
    resp = member.action(share["id"], "extend", {"new_size": 5})

    assert resp.status_code == 202 and not resp.content
    assert (member.share(share["id"]) or {})["status"] == "extending"
    assert member.wait_status(share["id"], "available")["size"] == 5
    limits = member.get("/v2/limits").json()["limits"]["absolute"]
    assert limits["totalShareGigabytesUsed"] == 5


def test_extend_refusals(member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    assert _fault(member.action(sid, "extend", {"new_size": 2})) == (
        400, "badRequest", "Invalid input received: New size for extend must be "
        "greater than current size. (current: 2, extended: 2).")
    assert _fault(member.action(sid, "extend", {"new_size": "x"})) == (
        400, "badRequest", "Invalid input for field/attribute new_size. Value: x. "
        "'x' does not match '^[0-9]*$'")
    assert _fault(member.action(sid, "extend", {})) == (
        400, "badRequest", "Invalid input for field/attribute extend. Value: {}. "
        "'new_size' is a required property")
    assert _fault(member.action(sid, "extend", None))[0] == 400
    assert _fault(member.action(sid, "extend", {"new_size": -1}))[2].endswith(
        "-1 is less than the minimum of 0")
    assert _fault(member.action(sid, "extend", {"new_size": 3, "force": "maybe"}))[
        2].startswith("Invalid input for field/attribute force. Value: maybe.")
    assert _fault(member.action(sid, "extend", {"new_size": 3, "force": True})) == (
        403, "forbidden", "Policy doesn't allow share:force_extend to be performed.")
    assert _fault(member.action(UNKNOWN, "extend", {"new_size": 3})) == (
        404, "itemNotFound", "Resource could not be found.")
    assert _fault(member.action(sid, "extend", {"new_size": 2000})) == (
        403, "forbidden", "Requested share exceeds allowed project/user or share "
        "type gigabytes quota.")
    member.action(sid, "extend", {"new_size": 3})
    assert _fault(member.action(sid, "extend", {"new_size": 4})) == (
        400, "badRequest", f"Invalid share: Share {sid} status must be 'available' to "
        "extend, but current status is: extending.")
    member.wait_status(sid, "available")


def test_an_admin_may_force_an_extend_past_the_pool(admin: Api) -> None:
    # The thick pool (beta, nova-2) holds 1230 GB: a bigger extend needs force.
    share = admin.available_share(size=1, availability_zone="nova-2")
    admin.put(f"/v2/quota-sets/{admin.project}", json={"quota_set": {"gigabytes": -1}})
    try:
        admin.action(share["id"], "extend", {"new_size": 2000})
        back = admin.wait_status(share["id"], "available")
        assert back["size"] == 1
        (message,) = admin.messages_for(share["id"])
        assert (message["action_id"], message["detail_id"]) == ("008", "009")

        admin.action(share["id"], "extend", {"new_size": 2000, "force": True})
        assert admin.wait_status(share["id"], "available")["size"] == 2000
        # Below 2.64 force is dropped: the scheduler refuses again.
        assert admin.action(share["id"], "extend", {"new_size": 2001, "force": True},
                            version="2.63").status_code == 202
        assert admin.wait_status(share["id"], "available")["size"] == 2000
        assert len(admin.messages_for(share["id"])) == 2
    finally:
        # 2000 GB on the thick pool would leave nova-2 full for every later test.
        admin.delete(f"/v2/shares/{share['id']}")
        admin.wait_gone(share["id"])
        admin.delete(f"/v2/quota-sets/{admin.project}")


def test_a_failed_extend_leaves_extending_error_and_a_message(member: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "extend"})

    member.action(share["id"], "extend", {"new_size": 2})
    failed = member.wait_status(share["id"], "extending_error")

    assert failed["size"] == 1
    (message,) = member.messages_for(share["id"])
    assert (message["action_id"], message["detail_id"]) == ("008", "015")
    assert message["user_message"].startswith("extend: Share Driver failed to extend")
    assert _fault(member.action(share["id"], "extend", {"new_size": 3}))[0] == 400


# -- shrink -------------------------------------------------------------------

def test_shrink_passes_through_shrinking(member: Api) -> None:
    share = member.available_share(size=4)

    assert member.action(share["id"], "shrink", {"new_size": 2}).status_code == 202
    assert (member.share(share["id"]) or {})["status"] == "shrinking"
    assert member.wait_status(share["id"], "available")["size"] == 2


def test_shrink_below_the_used_space_is_refused(member: Api) -> None:
    share = member.available_share(size=4, metadata={"simulated_driver:used_gb": "3"})

    member.action(share["id"], "shrink", {"new_size": 2})

    def refused() -> Any:
        current = member.share(share["id"]) or {}
        return current if current.get("status") == "available" and member.messages_for(
            share["id"]) else None
    back = wait_until(refused, what="the shrink to be refused")
    assert back["size"] == 4
    (message,) = member.messages_for(share["id"])
    assert (message["action_id"], message["detail_id"]) == ("009", "018")
    assert member.action(share["id"], "shrink", {"new_size": 3}).status_code == 202
    assert member.wait_status(share["id"], "available")["size"] == 3


def test_shrink_refusals(member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    for size in (2, 3, 0):
        assert _fault(member.action(sid, "shrink", {"new_size": size})) == (
            400, "badRequest", "Invalid input received: New size for shrink must be "
            f"less than current size and greater than 0 (current: 2, new: {size}).")
    member.action(sid, "extend", {"new_size": 3})
    assert _fault(member.action(sid, "shrink", {"new_size": 1})) == (
        400, "badRequest", f"Invalid share: Share {sid} status must in (available, "
        "shrinking_possible_data_loss_error) to shrink, but current status is: "
        "extending.")


def test_a_failed_shrink_leaves_shrinking_error(member: Api) -> None:
    share = member.available_share(size=3, metadata={"simulated_driver:fail": "shrink"})

    member.action(share["id"], "shrink", {"new_size": 1})

    assert member.wait_status(share["id"], "shrinking_error")["size"] == 3
    assert [m["action_id"] for m in member.messages_for(share["id"])] == ["009"]


# -- revert -------------------------------------------------------------------

def test_revert_to_the_latest_snapshot(member: Api, share: dict[str, Any]) -> None:
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")
    member.action(share["id"], "extend", {"new_size": 4})
    member.wait_status(share["id"], "available")

    resp = member.action(share["id"], "revert", {"snapshot_id": snap["id"]})

    assert resp.status_code == 202
    assert (member.share(share["id"]) or {})["status"] == "reverting"
    assert (member.snapshot(snap["id"]) or {})["status"] == "restoring"
    assert member.wait_status(share["id"], "available")["size"] == 2
    assert (member.snapshot(snap["id"]) or {})["status"] == "available"


def test_revert_refusals(member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    other_share = member.available_share()
    older = member.create_snapshot(share["id"])
    newer = member.create_snapshot(share["id"])
    assert _fault(member.action(sid, "revert", {"snapshot_id": newer["id"]})) == (
        409, "conflictingRequest", f"Snapshot {newer['id']} is in 'creating' state, "
        "but it must be in 'available' state to be restored.")

    assert _fault(member.action(sid, "revert", {"snapshot_id": "not-a-uuid"})) == (
        400, "badRequest", "Invalid input for field/attribute snapshot_id. Value: "
        "not-a-uuid. 'not-a-uuid' is not a 'uuid'")
    assert _fault(member.action(sid, "revert", {"snapshot_id": UNKNOWN})) == (
        400, "badRequest", f"Snapshot {UNKNOWN} could not be found.")
    assert _fault(member.action(other_share["id"], "revert",
                                {"snapshot_id": newer["id"]})) == (
        400, "badRequest", f"Snapshot {newer['id']} is not associated with share "
        f"{other_share['id']}.")
    member.wait_snapshot(older["id"], "available")
    member.wait_snapshot(newer["id"], "available")
    assert _fault(member.action(sid, "revert", {"snapshot_id": older["id"]})) == (
        409, "conflictingRequest", f"Snapshot {older['id']} may not be restored "
        f"because it is not the most recent snapshot of share {sid}. Currently the "
        f"latest snapshot is {newer['id']}.")
    assert member.action(sid, "revert", {"snapshot_id": newer["id"]},
                         version="2.26").status_code == 404


def test_revert_needs_the_types_capability(admin: Api, member: Api) -> None:
    plain = admin.post("/v2/types", json={"share_type": {
        "name": "norevert-" + member.project[:6], "extra_specs": {
            "driver_handles_share_servers": "False", "snapshot_support": "True"}}})
    share = member.available_share(share_type=plain.json()["share_type"]["id"])
    snap = member.create_snapshot(share["id"])

    assert _fault(member.action(share["id"], "revert", {"snapshot_id": snap["id"]})) == (
        400, "badRequest", f"Share {share['id']} may not be reverted to snapshot "
        f"{snap['id']}, because the share does not have that capability.")


def test_a_failed_revert_leaves_reverting_error(member: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "revert"})
    snap = member.create_snapshot(share["id"])
    member.wait_snapshot(snap["id"], "available")

    member.action(share["id"], "revert", {"snapshot_id": snap["id"]})

    member.wait_status(share["id"], "reverting_error")
    assert (member.snapshot(snap["id"]) or {})["status"] == "available"
    (message,) = member.messages_for(share["id"])
    assert message["user_message"] == "revert to snapshot: An unknown error occurred."


# -- admin actions --------------------------------------------------------------

def test_reset_status_is_for_admins(member: Api, admin: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    assert _fault(member.action(sid, "reset_status", {"status": "error"})) == (
        403, "forbidden", "Access was denied to this resource.")
    assert _fault(admin.action(sid, "reset_status", {"status": "bogus"}))[2].startswith(
        "Invalid input for field/attribute status. Value: bogus. 'bogus' is not one of")
    assert _fault(admin.action(sid, "reset_status", {"status": "extending"}))[2] == (
        "Invalid state. Valid states: creating, available, deleting, error, "
        "error_deleting, migrating, migrating_to, server_migrating.")
    assert _fault(admin.action(sid, "reset_status", {})) == (
        400, "badRequest", "Must specify 'status'")
    assert admin.action(sid, "reset_status", {"status": "error"}).status_code == 202
    assert (member.share(sid) or {})["status"] == "error"
    assert admin.action(sid, "os-reset_status", {"os-status": "available"},
                        version="2.6").status_code == 202
    assert (member.share(sid) or {})["status"] == "available"


def test_force_delete_takes_any_status(member: Api, admin: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "delete"})
    admin.action(share["id"], "reset_status", {"status": "creating"})

    assert _fault(member.action(share["id"], "force_delete")) == (
        403, "forbidden", "Access was denied to this resource.")
    assert admin.action(share["id"], "force_delete").status_code == 202
    member.wait_gone(share["id"])


def test_a_failed_delete_leaves_error_deleting(member: Api) -> None:
    share = member.available_share(metadata={"simulated_driver:fail": "delete"})

    member.delete(f"/v2/shares/{share['id']}")

    member.wait_status(share["id"], "error_deleting")
    assert [m["action_id"] for m in member.messages_for(share["id"])] == ["007"]


def test_malformed_and_unknown_actions(member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    assert _fault(member.action(sid, "foo")) == (
        400, "badRequest", "There is no such action: foo")
    two = member.post(f"/v2/shares/{sid}/action", json={"extend": {}, "shrink": {}})
    assert _fault(two) == (400, "badRequest", "Malformed request body")
    not_json = member.post(f"/v2/shares/{sid}/action", data=b"{",
                           headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400
    assert member.action(sid, "soft_delete", version="2.68").status_code == 404


def test_other_projects_and_readers(member: Api, other: Api, reader: Api,
                                    share: dict[str, Any]) -> None:
    sid = share["id"]
    for name, argument in (("extend", {"new_size": 3}), ("shrink", {"new_size": 1}),
                           ("soft_delete", None)):
        assert other.action(sid, name, argument).status_code == 404
        assert _fault(reader.action(sid, name, argument)) == (
            403, "forbidden", "Access was denied to this resource.")
    assert (member.share(sid) or {})["status"] == "available"
