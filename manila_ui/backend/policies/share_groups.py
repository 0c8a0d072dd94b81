"""Share group rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_group:create"
GET = "share_group:get"
GET_ALL = "share_group:get_all"
UPDATE = "share_group:update"
DELETE = "share_group:delete"
FORCE_DELETE = "share_group:force_delete"
RESET_STATUS = "share_group:reset_status"

_GROUP = "/share-groups/{share_group_id}"
_ACTION = [("POST", _GROUP + "/action")]

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create a share group.",
                    [("POST", "/share-groups")]),
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Show a share group.",
                    [("GET", _GROUP)]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "List share groups.",
                    [("GET", "/share-groups?{query}"),
                     ("GET", "/share-groups/detail?{query}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Rename or describe a share group.", [("PUT", _GROUP)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Delete a share group.",
                    [("DELETE", _GROUP)]),
    base.documented(FORCE_DELETE, base.ADMIN,
                    "Delete a share group, its shares and snapshots, whatever their "
                    "status.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset the status of a share group.",
                    _ACTION),
]
