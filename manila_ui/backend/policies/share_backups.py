"""Share backup rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_backup:create"
GET = "share_backup:get"
GET_ALL = "share_backup:get_all"
GET_ALL_PROJECT = "share_backup:get_all_project"
RESTORE = "share_backup:restore"
RESET_STATUS = "share_backup:reset_status"
UPDATE = "share_backup:update"
DELETE = "share_backup:delete"

_BACKUP = "/share-backups/{backup_id}"
_ACTION = [("POST", _BACKUP + "/action")]

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create share backup.",
                    [("POST", "/share-backups")]),
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Get share backup.",
                    [("GET", _BACKUP)]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "Get all share backups.",
                    [("GET", "/share-backups"), ("GET", "/share-backups/detail"),
                     ("GET", "/share-backups/detail?share_id=(share_id}")]),
    base.documented(GET_ALL_PROJECT, base.ADMIN, "Get share backups of all projects.",
                    [("GET", "/share-backups?all_tenants=1"),
                     ("GET", "/share-backups/detail?all_tenants=1")]),
    base.documented(RESTORE, base.ADMIN_OR_PROJECT_MEMBER, "Restore a share backup.",
                    _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset status.", _ACTION),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER, "Update a share backup.",
                    [("PUT", _BACKUP)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Force Delete a share backup.",
                    [("DELETE", _BACKUP)]),
]
