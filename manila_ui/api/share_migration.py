"""Share migration (admin; GA 2.96, the dashboard offers it from there):
start towards a pool, complete after phase 1, cancel, progress, reset the
task state. Every call returns once Manila accepted it; the share's
``task_state`` (polled by the rows) tells how far it is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

# Task states while the copy runs (progress rises), once phase 1 is done
# (complete or cancel), and those a migration may be cancelled in (Manila's).
COPYING = ("migration_starting", "migration_in_progress", "migration_driver_starting",
           "migration_driver_in_progress", "data_copying_starting",
           "data_copying_in_progress", "data_copying_completing")
PHASE1_DONE = ("migration_driver_phase1_done", "data_copying_completed")
CANCELLABLE = (*PHASE1_DONE, "migration_driver_in_progress", "data_copying_in_progress")
# What reset_task_state takes ("" clears it).
TASK_STATES = ("", "migration_error", "migration_success", "migration_cancelled",
               "migration_starting", "migration_in_progress", "migration_completing",
               "migration_driver_in_progress", "migration_driver_phase1_done",
               "data_copying_starting", "data_copying_in_progress",
               "data_copying_completing", "data_copying_completed",
               "data_copying_cancelled", "data_copying_error")


def _manager(request: Any) -> Any:
    return client.manilaclient(request).shares


def migration_start(request: Any, share_id: str, host: str, *, writable: bool,
                    preserve_metadata: bool, preserve_snapshots: bool,
                    nondisruptive: bool, force_host_assisted_migration: bool = False,
                    new_share_type_id: str | None = None,
                    new_share_network_id: str | None = None) -> None:
    _manager(request).migration_start(
        share_id, host, force_host_assisted_migration, preserve_metadata, writable,
        nondisruptive, preserve_snapshots, new_share_network_id=new_share_network_id,
        new_share_type_id=new_share_type_id)
    base.forget(request)


def migration_complete(request: Any, share_id: str) -> None:
    _manager(request).migration_complete(share_id)
    base.forget(request)


def migration_cancel(request: Any, share_id: str) -> None:
    _manager(request).migration_cancel(share_id)
    base.forget(request)


def migration_progress(request: Any, share_id: str) -> dict[str, Any]:
    """``{"total_progress": int, "task_state": ..., "details": {...}}``: one
    call (the action below 2.98, ``GET .../migration-progress`` from it)."""
    answer = _manager(request).migration_get_progress(share_id)
    body = answer[1] if isinstance(answer, tuple) else answer
    return dict(body) if isinstance(body, Mapping) else {}


def reset_task_state(request: Any, share_id: str, task_state: str | None) -> None:
    _manager(request).reset_task_state(share_id, task_state)
    base.forget(request)
