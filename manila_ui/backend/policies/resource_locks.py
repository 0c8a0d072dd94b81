"""Resource lock rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

GET = "resource_lock:get"
GET_ALL = "resource_lock:get_all"
GET_ALL_PROJECTS = "resource_lock:get_all_projects"
CREATE = "resource_lock:create"
UPDATE = "resource_lock:update"
DELETE = "resource_lock:delete"
BYPASS_LOCKED_SHOW = "resource_lock:bypass_locked_show_action"

ADMIN_OR_SERVICE = "rule:admin_or_service_api"
OWNER_USER = "rule:owner-user"
ADMIN_OR_SERVICE_OR_PROJECT_READER = f"({ADMIN_OR_SERVICE}) or ({base.PROJECT_READER})"
ADMIN_OR_SERVICE_OR_PROJECT_MEMBER = f"({ADMIN_OR_SERVICE}) or ({base.PROJECT_MEMBER})"
ADMIN_OR_SERVICE_OR_OWNER_USER = f"({OWNER_USER} or {ADMIN_OR_SERVICE})"

_LOCK = "/resource-locks/{lock_id}"

rules = [
    base.documented(GET, ADMIN_OR_SERVICE_OR_PROJECT_READER,
                    "Get details of a given resource lock.", [("GET", _LOCK)]),
    base.documented(GET_ALL, ADMIN_OR_SERVICE_OR_PROJECT_READER,
                    "Get all resource locks.",
                    [("GET", "/resource-locks"), ("GET", "/resource-locks?{query}")]),
    base.documented(GET_ALL_PROJECTS, ADMIN_OR_SERVICE,
                    "Get resource locks from all project namespaces.",
                    [("GET", "/resource-locks?all_projects=1"),
                     ("GET", "/resource-locks?all_projects=1&project_id={project_id}")]),
    base.documented(CREATE, ADMIN_OR_SERVICE_OR_PROJECT_MEMBER,
                    "Create a resource lock.", [("POST", "/resource-locks")]),
    base.documented(UPDATE, ADMIN_OR_SERVICE_OR_OWNER_USER,
                    "Update a resource lock.", [("PUT", _LOCK)]),
    base.documented(DELETE, ADMIN_OR_SERVICE_OR_OWNER_USER,
                    "Delete a resource lock.", [("DELETE", _LOCK)]),
    base.documented(BYPASS_LOCKED_SHOW, ADMIN_OR_SERVICE_OR_OWNER_USER,
                    "Bypass a visibility lock placed in a resource.",
                    [("GET", "/share-access-rules/{share_access_id}"),
                     ("GET", "/share-access-rules?share_id={share_id}"
                             "&key1=value1&key2=value2")]),
]
