"""Share group snapshot rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_group_snapshot:create"
GET = "share_group_snapshot:get"
GET_ALL = "share_group_snapshot:get_all"
UPDATE = "share_group_snapshot:update"
DELETE = "share_group_snapshot:delete"
FORCE_DELETE = "share_group_snapshot:force_delete"
RESET_STATUS = "share_group_snapshot:reset_status"

_SNAPSHOT = "/share-group-snapshots/{share_group_snapshot_id}"
_ACTION = [("POST", _SNAPSHOT + "/action")]

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Snapshot every share of a group at once.",
                    [("POST", "/share-group-snapshots")]),
    base.documented(GET, base.ADMIN_OR_PROJECT_READER,
                    "Show a share group snapshot and its members.",
                    [("GET", _SNAPSHOT), ("GET", _SNAPSHOT + "/members")]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER,
                    "List share group snapshots.",
                    [("GET", "/share-group-snapshots?{query}"),
                     ("GET", "/share-group-snapshots/detail?{query}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Rename or describe a share group snapshot.", [("PUT", _SNAPSHOT)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a share group snapshot.", [("DELETE", _SNAPSHOT)]),
    base.documented(FORCE_DELETE, base.ADMIN,
                    "Delete a share group snapshot whatever its status.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN,
                    "Reset the status of a share group snapshot.", _ACTION),
]
