"""Bodies of the share actions, as Manila 23 validates them (its schemas
are lenient: unknown keys inside an action are ignored, as there)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.services.share_actions import SHARE_STATUSES

DB_MAX_INT = 0x7FFFFFFF

boolean: dict[str, Any] = {
    "type": ["boolean", "string"],
    "enum": [True, "True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
             "yes", "y", "t", False, "False", "FALSE", "false", "0", "OFF", "Off",
             "off", "NO", "No", "no", "n", "f"],
}
non_negative_integer: dict[str, Any] = {
    "type": ["integer", "string"], "pattern": "^[0-9]*$", "minimum": 0,
    "maximum": DB_MAX_INT, "minLength": 1,
}


def _action(name: str, inner: dict[str, Any] | None = None) -> dict[str, Any]:
    """``{"<name>": <inner>}`` and nothing else (``{}``: anything goes, as
    Manila accepts ``null`` or an object for the argument-less actions)."""
    return {"type": "object", "properties": {name: inner or {}},
            "required": [name], "additionalProperties": False}


def _sized(name: str, with_force: bool = False) -> dict[str, Any]:
    properties: dict[str, Any] = {"new_size": non_negative_integer}
    if with_force:
        properties["force"] = boolean
    return _action(name, {"type": "object", "properties": properties,
                          "required": ["new_size"], "additionalProperties": True})


def _reset(name: str, statuses: tuple[str, ...]) -> dict[str, Any]:
    status = {"type": "string", "enum": list(statuses)}
    return _action(name, {"type": "object",
                          "properties": {"status": status, "os-status": status},
                          "required": [], "additionalProperties": True})


extend = _sized("extend")
extend_v264 = _sized("extend", with_force=True)
extend_legacy = _sized("os-extend")
shrink = _sized("shrink")
shrink_legacy = _sized("os-shrink")
revert = _action("revert", {
    "type": "object",
    "properties": {"snapshot_id": {"type": "string", "format": "uuid"}},
    "required": ["snapshot_id"], "additionalProperties": True})
reset_status = _reset("reset_status", SHARE_STATUSES)
reset_status_legacy = _reset("os-reset_status", SHARE_STATUSES)
force_delete = _action("force_delete")
force_delete_legacy = _action("os-force_delete")
soft_delete = _action("soft_delete")
restore = _action("restore")
unmanage = _action("unmanage")
