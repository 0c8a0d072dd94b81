"""Share server rules (names and defaults as in Manila 23; all admin)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "share_server:index"
SHOW = "share_server:show"
DETAILS = "share_server:details"
DELETE = "share_server:delete"
MANAGE = "share_server:manage_share_server"
UNMANAGE = "share_server:unmanage_share_server"
RESET_STATUS = "share_server:reset_status"

_SERVER = "/share-servers/{share_server_id}"
_ACTION = [("POST", _SERVER + "/action")]

rules = [
    base.documented(INDEX, base.ADMIN, "Get share servers.",
                    [("GET", "/share-servers?{query}")]),
    base.documented(SHOW, base.ADMIN, "Show share server.", [("GET", _SERVER)]),
    base.documented(DETAILS, base.ADMIN, "Get share server details.",
                    [("GET", _SERVER + "/details")]),
    base.documented(DELETE, base.ADMIN, "Delete share server.", [("DELETE", _SERVER)]),
    base.documented(MANAGE, base.ADMIN, "Manage share server.",
                    [("POST", "/share-servers/manage")]),
    base.documented(UNMANAGE, base.ADMIN, "Unmanage share server.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset the status of a share server.",
                    _ACTION),
]
