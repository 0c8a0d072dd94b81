"""Share rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share:create"
CREATE_PUBLIC = "share:create_public_share"
GET = "share:get"
GET_ALL = "share:get_all"
UPDATE = "share:update"
SET_PUBLIC = "share:set_public_share"
DELETE = "share:delete"
FORCE_DELETE = "share:force_delete"
LIST_ALL_PROJECTS = "share:list_all_projects"
LIST_BY_HOST = "share:list_by_host"
LIST_BY_SHARE_SERVER_ID = "share:list_by_share_server_id"
EXTEND = "share:extend"
FORCE_EXTEND = "share:force_extend"
SHRINK = "share:shrink"
RESET_STATUS = "share:reset_status"
REVERT_TO_SNAPSHOT = "share:revert_to_snapshot"
ALLOW_ACCESS = "share:allow_access"
DENY_ACCESS = "share:deny_access"
ACCESS_GET = "share:access_get"
ACCESS_GET_ALL = "share:access_get_all"
GET_METADATA = "share:get_share_metadata"
UPDATE_METADATA = "share:update_share_metadata"
DELETE_METADATA = "share:delete_share_metadata"
UPDATE_ADMIN_ONLY_METADATA = "share:update_admin_only_metadata"
SOFT_DELETE = "share:soft_delete"
RESTORE = "share:restore"
MANAGE = "share:manage"
UNMANAGE = "share:unmanage"
EXTEND_BEYOND_MAX_SIZE = "share:extend_beyond_max_share_size_spec"
# Snapshot rules Manila files under ``share:`` (the rest are in
# snapshots.py).
CREATE_SNAPSHOT = "share:create_snapshot"
DELETE_SNAPSHOT = "share:delete_snapshot"
SNAPSHOT_UPDATE = "share:snapshot_update"

_ACTION = [("POST", "/shares/{share_id}/action")]

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create a share.",
                    [("POST", "/shares")]),
    base.documented(CREATE_PUBLIC, base.ADMIN,
                    "Create a share visible to every project.",
                    [("POST", "/shares")]),
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Show a share.",
                    [("GET", "/shares/{share_id}")]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "List shares.",
                    [("GET", "/shares?{query}"), ("GET", "/shares/detail?{query}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Rename a share or change its description or visibility.",
                    [("PUT", "/shares/{share_id}")]),
    base.documented(SET_PUBLIC, base.ADMIN, "Make a share public.",
                    [("PUT", "/shares/{share_id}")]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Delete a share.",
                    [("DELETE", "/shares/{share_id}")]),
    base.documented(FORCE_DELETE, base.ADMIN,
                    "Delete a share whatever its status.", _ACTION),
    base.documented(SOFT_DELETE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Move a share to the recycle bin.", _ACTION),
    base.documented(RESTORE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Restore a share from the recycle bin.", _ACTION),
    base.documented(MANAGE, base.ADMIN, "Bring an existing share under management.",
                    [("POST", "/shares/manage")]),
    base.documented(UNMANAGE, base.ADMIN, "Stop managing a share.", _ACTION),
    base.documented(LIST_ALL_PROJECTS, base.ADMIN,
                    "List the shares of every project (all_tenants).",
                    [("GET", "/shares?all_tenants=1"),
                     ("GET", "/shares/detail?all_tenants=1")]),
    base.documented(LIST_BY_HOST, base.ADMIN, "Filter shares by back-end host.",
                    [("GET", "/shares?host={host}"),
                     ("GET", "/shares/detail?host={host}")]),
    base.documented(LIST_BY_SHARE_SERVER_ID, base.ADMIN,
                    "Filter shares by share server.",
                    [("GET", "/shares?share_server_id={share_server_id}"),
                     ("GET", "/shares/detail?share_server_id={share_server_id}")]),
    base.documented(EXTEND, base.ADMIN_OR_PROJECT_MEMBER, "Extend a share.",
                    _ACTION),
    base.documented(FORCE_EXTEND, base.ADMIN,
                    "Extend a share without the scheduler's capacity check.",
                    _ACTION),
    base.documented(EXTEND_BEYOND_MAX_SIZE, base.ADMIN,
                    "Extend a share past its type's maximum share size.", _ACTION),
    base.documented(SHRINK, base.ADMIN_OR_PROJECT_MEMBER, "Shrink a share.",
                    _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset the status of a share.",
                    _ACTION),
    base.documented(REVERT_TO_SNAPSHOT, base.ADMIN_OR_PROJECT_MEMBER,
                    "Revert a share to its latest snapshot.", _ACTION),
    base.documented(ALLOW_ACCESS, base.ADMIN_OR_PROJECT_MEMBER,
                    "Add an access rule to a share.", _ACTION),
    base.documented(DENY_ACCESS, base.ADMIN_OR_PROJECT_MEMBER,
                    "Remove an access rule from a share.", _ACTION),
    base.documented(ACCESS_GET, base.ADMIN_OR_PROJECT_READER,
                    "Show an access rule of a share.", _ACTION),
    base.documented(ACCESS_GET_ALL, base.ADMIN_OR_PROJECT_READER,
                    "List the access rules of a share.", _ACTION),
    base.documented(GET_METADATA, base.ADMIN_OR_PROJECT_READER,
                    "Show share metadata.",
                    [("GET", "/shares/{share_id}/metadata"),
                     ("GET", "/shares/{share_id}/metadata/{key}")]),
    base.documented(UPDATE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Set or replace share metadata.",
                    [("PUT", "/shares/{share_id}/metadata"),
                     ("POST", "/shares/{share_id}/metadata/{key}"),
                     ("POST", "/shares/{share_id}/metadata")]),
    base.documented(DELETE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a share metadata item.",
                    [("DELETE", "/shares/{share_id}/metadata/{key}")]),
    base.documented(UPDATE_ADMIN_ONLY_METADATA, base.ADMIN,
                    "Set or delete the admin-only metadata keys of a share.",
                    [("PUT", "/shares/{share_id}/metadata")]),
    base.documented(CREATE_SNAPSHOT, base.ADMIN_OR_PROJECT_MEMBER,
                    "Create a snapshot of a share.", [("POST", "/snapshots")]),
    base.documented(DELETE_SNAPSHOT, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a snapshot.", [("DELETE", "/snapshots/{snapshot_id}")]),
    base.documented(SNAPSHOT_UPDATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Rename a snapshot or change its description.",
                    [("PUT", "/snapshots/{snapshot_id}")]),
]
