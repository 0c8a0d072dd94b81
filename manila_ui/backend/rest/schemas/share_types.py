"""Request bodies of the share type API."""

from __future__ import annotations

from typing import Any

create: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": ["string", "null"]},
        "description": {"type": ["string", "null"]},
        "extra_specs": {
            "type": ["object", "null"],
            "additionalProperties": {"type": ["string", "boolean", "integer"]},
        },
        "share_type_access:is_public": {"type": ["boolean", "string"]},
        "os-share-type-access:is_public": {"type": ["boolean", "string"]},
    },
}

# Manila checks the update by hand (a name that is not a string is its 500).
update: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {"type": ["string", "null"]},
        "description": {"type": ["string", "null"]},
    },
}
