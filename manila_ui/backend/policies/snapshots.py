"""Share snapshot rules (names and defaults as in Manila 23; create,
delete and update are ``share:`` rules, in shares.py)."""

from __future__ import annotations

from manila_ui.backend.policies import base

GET = "share_snapshot:get_snapshot"
GET_ALL = "share_snapshot:get_all_snapshots"
LIST_ALL_PROJECTS = "share_snapshot:list_all_projects"
FORCE_DELETE = "share_snapshot:force_delete"
MANAGE = "share_snapshot:manage_snapshot"
UNMANAGE = "share_snapshot:unmanage_snapshot"
RESET_STATUS = "share_snapshot:reset_status"
UPDATE_METADATA = "share_snapshot:update_metadata"
DELETE_METADATA = "share_snapshot:delete_metadata"
GET_METADATA = "share_snapshot:get_metadata"
ACCESS_LIST = "share_snapshot:access_list"
ALLOW_ACCESS = "share_snapshot:allow_access"
DENY_ACCESS = "share_snapshot:deny_access"

_SNAPSHOT = "/snapshots/{snapshot_id}"
_ACTION = [("POST", _SNAPSHOT + "/action")]

rules = [
    base.documented(GET, base.ADMIN_OR_PROJECT_READER, "Show a snapshot.",
                    [("GET", _SNAPSHOT)]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "List snapshots.",
                    [("GET", "/snapshots?{query}"), ("GET", "/snapshots/detail?{query}")]),
    base.documented(LIST_ALL_PROJECTS, base.ADMIN,
                    "List the snapshots of every project (all_tenants).",
                    [("GET", "/snapshots?all_tenants=1"),
                     ("GET", "/snapshots/detail?all_tenants=1")]),
    base.documented(FORCE_DELETE, base.ADMIN,
                    "Delete a snapshot whatever its status.", _ACTION),
    base.documented(MANAGE, base.ADMIN, "Bring an existing snapshot under management.",
                    [("POST", "/snapshots/manage")]),
    base.documented(UNMANAGE, base.ADMIN, "Stop managing a snapshot.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset the status of a snapshot.",
                    _ACTION),
    base.documented(ACCESS_LIST, base.ADMIN_OR_PROJECT_READER,
                    "List the access rules of a mountable snapshot.",
                    [("GET", _SNAPSHOT + "/access-list")]),
    base.documented(ALLOW_ACCESS, base.ADMIN_OR_PROJECT_MEMBER,
                    "Allow access to a mountable snapshot.", _ACTION),
    base.documented(DENY_ACCESS, base.ADMIN_OR_PROJECT_MEMBER,
                    "Deny access to a mountable snapshot.", _ACTION),
    base.documented(UPDATE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Set or replace snapshot metadata.",
                    [("PUT", _SNAPSHOT + "/metadata"),
                     ("POST", _SNAPSHOT + "/metadata/{key}"),
                     ("POST", _SNAPSHOT + "/metadata")]),
    base.documented(DELETE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a snapshot metadata item.",
                    [("DELETE", _SNAPSHOT + "/metadata/{key}")]),
    base.documented(GET_METADATA, base.ADMIN_OR_PROJECT_READER,
                    "Show snapshot metadata.",
                    [("GET", _SNAPSHOT + "/metadata"),
                     ("GET", _SNAPSHOT + "/metadata/{key}")]),
]
