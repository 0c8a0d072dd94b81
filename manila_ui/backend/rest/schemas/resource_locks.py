"""Bodies of ``/resource-locks``, as Manila 23's schemas check them."""

from __future__ import annotations

from typing import Any

_nullable_enum = lambda values: {"type": ["string", "null"],  # noqa: E731
                                 "enum": [*values, None]}
_reason: dict[str, Any] = {"type": ["string", "null"], "maxLength": 1023}

create: dict[str, Any] = {
    "type": "object",
    "properties": {
        "resource_lock": {
            "type": "object",
            "properties": {
                "resource_id": {"type": "string", "format": "uuid"},
                "lock_reason": _reason,
                "resource_type": _nullable_enum(["share", "access_rule"]),
                "resource_action": _nullable_enum(["delete", "show"]),
            },
            "required": ["resource_id"],
            "additionalProperties": False,
        },
    },
    "required": ["resource_lock"],
    "additionalProperties": True,
}

update: dict[str, Any] = {
    "type": "object",
    "properties": {
        "resource_lock": {
            "type": "object",
            "properties": {
                "resource_action": _nullable_enum(["delete", "show"]),
                "lock_reason": _reason,
            },
            "additionalProperties": False,
        },
    },
    "required": ["resource_lock"],
    "additionalProperties": True,
}
