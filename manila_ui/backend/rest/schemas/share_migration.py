"""Bodies of the share migration actions, as Manila 23 validates them."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.schemas.share_actions import boolean
from manila_ui.backend.services.share_migration import TASK_STATES


def _action(name: str, inner: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": {name: inner or {}},
            "required": [name], "additionalProperties": False}


migration_start = _action("migration_start", {
    "type": "object",
    "properties": {
        "force_host_assisted_migration": boolean,
        "host": {"type": "string"},
        "new_share_network_id": {"type": ["string", "null"]},
        "new_share_type_id": {"type": ["string", "null"]},
        "nondisruptive": boolean,
        "preserve_metadata": boolean,
        "preserve_snapshots": boolean,
        "writable": boolean,
    },
    "required": ["host", "nondisruptive", "preserve_metadata", "preserve_snapshots",
                 "writable"],
    "additionalProperties": True,
})
migration_complete = _action("migration_complete")
migration_cancel = _action("migration_cancel")
migration_get_progress = _action("migration_get_progress")
_task_state = {"type": ["string", "null"], "enum": list(TASK_STATES)}
reset_task_state = _action("reset_task_state", {
    "type": "object",
    "properties": {"os-task_state": _task_state, "task_state": _task_state},
    "required": [], "additionalProperties": True,
})
