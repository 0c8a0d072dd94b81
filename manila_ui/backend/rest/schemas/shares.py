"""Request bodies of the share API.  Semantic checks (size, protocol,
lengths) happen in the service with Manila's messages; these schemas catch
wrong shapes and types."""

from __future__ import annotations

from typing import Any

_text: dict[str, Any] = {"type": ["string", "null"]}
_flag: dict[str, Any] = {"type": ["boolean", "string", "null"]}

create: dict[str, Any] = {
    "type": "object",
    "properties": {
        "share": {
            "type": "object",
            "properties": {
                "share_proto": {"type": "string"},
                "size": {"type": ["integer", "string", "number"]},
                "name": _text,
                "description": _text,
                "display_name": _text,
                "display_description": _text,
                "share_type": _text,
                "volume_type": _text,
                "availability_zone": _text,
                "snapshot_id": _text,
                "share_network_id": _text,
                "share_group_id": _text,
                "is_public": _flag,
                "metadata": {"type": ["object", "null"],
                             "additionalProperties": {"type": "string"}},
                "scheduler_hints": {"type": ["object", "null"]},
                "mount_point_name": _text,
                "encryption_key_ref": _text,
            },
            "required": ["share_proto", "size"],
        },
    },
    "required": ["share"],
}

update: dict[str, Any] = {
    "type": "object",
    "properties": {
        "share": {
            "type": "object",
            "properties": {
                "display_name": _text,
                "display_description": _text,
                "is_public": _flag,
            },
        },
    },
    "required": ["share"],
}
