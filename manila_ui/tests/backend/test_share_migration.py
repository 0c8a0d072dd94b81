"""An admin moves a share to another back end: driver-assisted (phase 1,
then complete) or host-assisted (a data copy with progress), cancels one,
and resets a task state; Manila's refusals on the way (2.22, GA 2.96)."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests.backend.conftest import Api
from manila_ui.tests.backend.conftest import Backend
from manila_ui.tests.backend.conftest import wait_until

FLAGS = {"writable": True, "preserve_metadata": True, "preserve_snapshots": True,
         "nondisruptive": False}


def _fault(resp: Any) -> tuple[int, str]:
    ((_, fault),) = resp.json().items()
    return resp.status_code, fault["message"]


@pytest.fixture
def admin(backend: Backend) -> Api:
    return backend.api("admin", "adminproject", version="2.99")


@pytest.fixture
def share(member: Api, admin: Api) -> dict[str, Any]:
    created = member.available_share(availability_zone="nova")
    found: dict[str, Any] = admin.share(created["id"]) or {}
    return found


def _other_pool(admin: Api, host: str) -> str:
    pools = admin.get("/v2/scheduler-stats/pools").json()["pools"]
    return next(p["name"] for p in pools
                if p["name"] != host and p["backend"] in ("alpha", "beta"))


def _wait_task(api: Api, share_id: str, task_state: str) -> dict[str, Any]:
    def reached() -> Any:
        found = api.share(share_id) or {}
        return found if found.get("task_state") == task_state else None
    found: dict[str, Any] = wait_until(reached, 20, what=f"{share_id} {task_state}")
    return found


def _start(admin: Api, share_id: str, host: str, version: str | None = "",
           **flags: Any) -> Any:
    return admin.action(share_id, "migration_start", {"host": host, **FLAGS, **flags},
                        version=version)


def test_a_driver_assisted_migration(admin: Api, member: Api,
                                     share: dict[str, Any]) -> None:
    source_instance = admin.get(f"/v2/shares/{share['id']}/instances").json()[
        "share_instances"][0]
    dest = _other_pool(admin, share["host"])

    resp = _start(admin, share["id"], dest)

    assert (resp.status_code, resp.content) == (202, b"")
    moving = admin.share(share["id"]) or {}
    assert (moving["status"], moving["task_state"]) == ("migrating", "migration_starting")
    _wait_task(admin, share["id"], "migration_driver_phase1_done")
    instances = admin.get(f"/v2/shares/{share['id']}/instances").json()[
        "share_instances"]
    assert sorted(i["status"] for i in instances) == ["migrating", "migrating_to"]
    progress = admin.get(f"/v2/shares/{share['id']}/migration-progress").json()
    assert progress == {"total_progress": 100, "task_state":
                        "migration_driver_phase1_done", "details": {}}

    assert admin.action(share["id"], "migration_complete").status_code == 202

    done = _wait_task(admin, share["id"], "migration_success")
    assert (done["status"], done["host"]) == ("available", dest)
    (instance,) = admin.get(f"/v2/shares/{share['id']}/instances").json()[
        "share_instances"]
    assert instance["id"] != source_instance["id"]
    assert instance["host"] == dest
    assert _fault(admin.action(share["id"], "migration_complete")) == (
        400, f"Invalid share: Migration of share {share['id']} has already completed.")
    locations = member.get(f"/v2/shares/{share['id']}/export_locations").json()
    assert locations["export_locations"], "the moved share is exported"


def test_a_host_assisted_migration_reports_its_progress(
        admin: Api, share: dict[str, Any]) -> None:
    dest = _other_pool(admin, share["host"])

    resp = _start(admin, share["id"], dest, writable=False, preserve_metadata=False,
                  preserve_snapshots=False, force_host_assisted_migration=True)

    assert resp.status_code == 202
    seen: list[int] = []

    def copied() -> bool:
        answer = admin.get(f"/v2/shares/{share['id']}/migration-progress").json()
        if not seen or seen[-1] != answer["total_progress"]:
            seen.append(answer["total_progress"])
        return bool(answer["task_state"] == "data_copying_completed")
    wait_until(copied, 20, interval=0.05, what="the data copy")
    assert seen == sorted(seen) and seen[-1] == 100 and len(seen) > 2, seen
    admin.action(share["id"], "migration_complete")
    assert _wait_task(admin, share["id"], "migration_success")["host"] == dest


def test_a_migration_is_cancelled_after_phase_one(admin: Api,
                                                  share: dict[str, Any]) -> None:
    _start(admin, share["id"], _other_pool(admin, share["host"]))
    _wait_task(admin, share["id"], "migration_driver_phase1_done")

    assert admin.action(share["id"], "migration_cancel").status_code == 202

    cancelled = _wait_task(admin, share["id"], "migration_cancelled")
    assert (cancelled["status"], cancelled["host"]) == ("available", share["host"])
    assert len(admin.get(f"/v2/shares/{share['id']}/instances").json()[
        "share_instances"]) == 1
    assert _fault(admin.action(share["id"], "migration_cancel")) == (
        400, f"Invalid share: Migration of share {share['id']} was already cancelled.")


def test_what_migration_refuses(admin: Api, member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    dest = _other_pool(admin, share["host"])

    assert _start(member, sid, dest).status_code == 403
    assert _fault(admin.action(sid, "migration_start", {"host": dest}))[0] == 400
    assert _fault(_start(admin, sid, dest, force_host_assisted_migration=True))[1] \
        .startswith("Invalid input received: Invalid parameter combination.")
    assert _fault(_start(admin, sid, "nowhere@x#y")) == (
        404, "Service nowhere@x could not be found.")
    assert _fault(admin.action(sid, "migration_complete")) == (
        400, f"Invalid share: There is no migration being performed for share {sid} "
        "at this moment.")
    assert _fault(admin.get(f"/v2/shares/{sid}/migration-progress"))[0] == 400
    assert admin.action(sid, "migration_get_progress", version="2.98").status_code == 404
    assert admin.action(sid, "migration_get_progress", version="2.97").status_code == 400
    # Below 2.96 migration is experimental.
    assert _start(admin, sid, dest, version="2.95").status_code == 404
    # To where it is: nothing to do, which Manila records as a success.
    assert _start(admin, sid, share["host"]).status_code == 200
    assert (admin.share(sid) or {})["task_state"] == "migration_success"


def test_a_busy_share_refuses_a_second_migration_and_deletion(
        admin: Api, member: Api, share: dict[str, Any]) -> None:
    _start(admin, share["id"], _other_pool(admin, share["host"]))
    _wait_task(admin, share["id"], "migration_driver_phase1_done")

    code, message = _fault(_start(admin, share["id"], share["host"]))
    assert code == 400 and "status must be available" in message
    assert member.delete(f"/v2/shares/{share['id']}").status_code == 403
    admin.action(share["id"], "migration_cancel")
    _wait_task(admin, share["id"], "migration_cancelled")


def test_reset_task_state(admin: Api, member: Api, share: dict[str, Any]) -> None:
    sid = share["id"]
    assert _fault(admin.action(sid, "reset_task_state", {"task_state": "bogus"}))[0] == 400
    assert member.action(sid, "reset_task_state", {"task_state": None}).status_code == 403

    assert admin.action(sid, "reset_task_state",
                        {"task_state": "migration_error"}).status_code == 202

    assert (admin.share(sid) or {})["task_state"] == "migration_error"
    assert admin.action(sid, "reset_task_state", {"task_state": None}).status_code == 202
    assert (admin.share(sid) or {})["task_state"] is None
