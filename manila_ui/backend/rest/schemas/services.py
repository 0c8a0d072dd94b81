"""Request bodies of ``/services`` (Manila 23's schema)."""

from __future__ import annotations

from typing import Any

ENSURE_SHARES: dict[str, Any] = {
    "type": "object",
    "properties": {
        "ensure_shares": {
            "type": "object",
            "properties": {"host": {"type": "string"}},
            "required": ["host"],
            "additionalProperties": False,
        },
    },
    "required": ["ensure_shares"],
    "additionalProperties": False,
}
