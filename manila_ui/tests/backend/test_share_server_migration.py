"""An admin moves a share server and its shares onto another share network
(2.57, experimental): check, start, phase 1, progress, complete; cancel;
reset_task_state; Manila's refusals; a restart mid-migration resumes it."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import new_project
from manila_ui.tests.backend.conftest import wait_until
from manila_ui.tests.backend.test_share_networks import create_network
from manila_ui.tests.backend.test_share_servers import GAMMA
from manila_ui.tests.backend.test_share_servers import dhss_share

EXPERIMENTAL = {"X-OpenStack-Manila-API-Experimental": "True"}
FLAGS = {"writable": True, "nondisruptive": False, "preserve_snapshots": True}


@pytest.fixture
def admin(backend: Backend) -> Api:
    return backend.api("admin", "adminproject", version="2.99")


def _server_action(api: Api, server_id: str, name: str, argument: Any = None,
                   headers: dict[str, str] | None = None) -> Any:
    return api.post(f"/v2/share-servers/{server_id}/action", json={name: argument},
                    headers=EXPERIMENTAL if headers is None else headers)


def _server(admin: Api, server_id: str) -> dict[str, Any] | None:
    resp = admin.get(f"/v2/share-servers/{server_id}")
    return None if resp.status_code == 404 else resp.json()["share_server"]


def _wait_task(admin: Api, server_id: str, task_state: str) -> dict[str, Any]:
    def reached() -> dict[str, Any] | None:
        found = _server(admin, server_id)
        return found if found and found["task_state"] == task_state else None
    found: dict[str, Any] = wait_until(reached, 20, what=f"{server_id} {task_state}")
    return found


def _served_share(member: Api, admin: Api) -> tuple[dict[str, Any], str, str]:
    """A DHSS=True share on network one; (the share, its server, network two)."""
    one = create_network(member, name="one")
    two = create_network(member, name="two")
    share = member.wait_status(dhss_share(member, one["id"])["id"], "available")
    server_id = (admin.share(share["id"]) or {})["share_server_id"]
    return share, server_id, two["id"]


def test_a_server_moves_to_another_network_with_its_shares(
        member: Api, admin: Api) -> None:
    share, server_id, network_id = _served_share(member, admin)
    body = {"host": GAMMA, **FLAGS, "new_share_network_id": network_id}

    check = _server_action(admin, server_id, "migration_check", body)
    assert check.status_code == 200, check.text
    assert check.json() == {
        "compatible": True,
        "requested_capabilities": {**FLAGS, "host": GAMMA, "share_network_id": network_id},
        "supported_capabilities": {
            "writable": True, "nondisruptive": False, "preserve_snapshots": True,
            "share_network_id": network_id, "migration_cancel": True,
            "migration_get_progress": True}}

    assert _server_action(admin, server_id, "migration_start", body).status_code == 202
    moving = _server(admin, server_id) or {}
    assert (moving["status"], moving["task_state"]) == ("server_migrating",
                                                        "migration_starting")
    assert (member.share(share["id"]) or {})["status"] == "server_migrating"
    _wait_task(admin, server_id, "migration_driver_phase1_done")
    (dest,) = admin.get(f"/v2/share-servers?source_share_server_id={server_id}").json()[
        "share_servers"]
    assert (dest["status"], dest["task_state"], dest["share_network_id"]) == (
        "server_migrating_to", "migration_driver_phase1_done", network_id)
    progress = _server_action(admin, server_id, "migration_get_progress").json()
    assert progress == {"total_progress": 100, "task_state": "migration_driver_phase1_done",
                        "destination_share_server_id": dest["id"]}

    done = _server_action(admin, server_id, "migration_complete")

    assert done.json() == {"destination_share_server_id": dest["id"]}
    moved = member.wait_status(share["id"], "available")
    assert moved["share_network_id"] == network_id
    assert (admin.share(share["id"]) or {})["share_server_id"] == dest["id"]
    wait_until(lambda: _server(admin, server_id) is None, 20, what="source deleted")
    after = _server(admin, dest["id"]) or {}
    assert (after["status"], after["task_state"]) == ("active", "migration_success")
    assert _server_action(admin, server_id, "migration_get_progress").json() == {
        "total_progress": 100, "task_state": "migration_success",
        "destination_share_server_id": dest["id"]}


def test_a_cancelled_migration_leaves_the_shares_where_they_were(
        member: Api, admin: Api) -> None:
    share, server_id, network_id = _served_share(member, admin)
    body = {"host": GAMMA, **FLAGS, "new_share_network_id": network_id}
    _server_action(admin, server_id, "migration_start", body)
    _wait_task(admin, server_id, "migration_driver_phase1_done")

    assert _server_action(admin, server_id, "migration_cancel").status_code == 202

    back = _wait_task(admin, server_id, "migration_cancelled")
    assert back["status"] == "active"
    (dest,) = admin.get(f"/v2/share-servers?source_share_server_id={server_id}").json()[
        "share_servers"]
    assert (dest["status"], dest["task_state"]) == ("inactive", "migration_cancelled")
    assert (admin.share(share["id"]) or {})["share_server_id"] == server_id
    assert (member.share(share["id"]) or {})["status"] == "available"
    again = _server_action(admin, server_id, "migration_cancel").json()
    assert again["badRequest"]["message"] == (
        f"Invalid share server: Migration of share server {server_id} cannot be "
        "cancelled because the provided share server is not being migrated.")


def test_what_server_migration_refuses(member: Api, admin: Api, reader: Api) -> None:
    _, server_id, network_id = _served_share(member, admin)
    body = {"host": GAMMA, **FLAGS, "new_share_network_id": network_id}

    assert _server_action(member, server_id, "migration_start", body).status_code == 403
    assert _server_action(reader, server_id, "migration_check", body).status_code == 403
    assert _server_action(admin, server_id, "migration_check", body,
                          headers={}).status_code == 404
    missing = _server_action(admin, "nope", "migration_start", body)
    assert (missing.status_code, missing.json()["itemNotFound"]["message"]) == (
        404, "Share server nope could not be found.")
    same = _server_action(admin, server_id, "migration_start",
                          {"host": GAMMA, **FLAGS})
    assert (same.status_code, same.json()["conflictingRequest"]["message"]) == (
        409, "Invalid share server: There is no difference between source and "
        "destination backends and between source and destination share networks. "
        "Share server migration will not proceed.")
    flags = _server_action(admin, server_id, "migration_start", {"host": GAMMA})
    assert flags.json()["badRequest"]["message"] == (
        "Must specify all mandatory parameters: ['writable', 'nondisruptive', "
        "'preserve_snapshots', 'host']")
    pool = _server_action(admin, server_id, "migration_start",
                          {**body, "host": GAMMA + "#pool_gamma"})
    assert pool.json()["badRequest"]["message"] == (
        "The destination host can not contain pool information.")
    dhss_false = _server_action(admin, server_id, "migration_check",
                                {**body, "host": "manila-ui@alpha"}).json()
    assert dhss_false["compatible"] is False
    assert _server_action(admin, server_id, "reset_task_state",
                          {"task_state": "bogus"}).status_code == 400
    assert _server_action(admin, server_id, "reset_task_state",
                          {"task_state": "migration_error"}).status_code == 202
    assert (_server(admin, server_id) or {})["task_state"] == "migration_error"


def test_a_restart_resumes_a_server_migration(
        start_backend: Callable[..., Backend], tmp_path: Path) -> None:
    first = start_backend(tmp_path, transition_delay="3.0")
    member = first.api("demo", new_project())
    admin = first.api("admin", "adminproject", version="2.99")
    share, server_id, network_id = _served_share(member, admin)

    assert _server_action(admin, server_id, "migration_start", {
        "host": GAMMA, **FLAGS, "new_share_network_id": network_id}).status_code == 202
    first.stop(signal.SIGKILL)   # a crash, before the step is due

    second = start_backend(tmp_path, transition_delay="0.2")
    admin = second.api("admin", "adminproject", version="2.99")
    _wait_task(admin, server_id, "migration_driver_phase1_done")
    assert _server_action(admin, server_id, "migration_complete").status_code == 200
    moved = second.api("demo", member.project).wait_status(share["id"], "available",
                                                           timeout=20)
    assert moved["share_network_id"] == network_id
