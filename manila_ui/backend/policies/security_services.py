"""Security service rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "security_service:create"
SHOW = "security_service:show"
DETAIL = "security_service:detail"
INDEX = "security_service:index"
UPDATE = "security_service:update"
DELETE = "security_service:delete"
GET_ALL = "security_service:get_all_security_services"

_SERVICE = "/security-services/{security_service_id}"

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create security service.",
                    [("POST", "/security-services")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER, "Get details of a security "
                    "service.", [("GET", _SERVICE)]),
    base.documented(DETAIL, base.ADMIN_OR_PROJECT_READER,
                    "Get security services with details.",
                    [("GET", "/security-services/detail?{query}")]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER, "Get all security services.",
                    [("GET", "/security-services?{query}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER, "Update a security service.",
                    [("PUT", _SERVICE)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Delete a security service.",
                    [("DELETE", _SERVICE)]),
    base.documented(GET_ALL, base.ADMIN,
                    "Get security services of all projects.",
                    [("GET", "/security-services?all_tenants=1"),
                     ("GET", "/security-services/detail?all_tenants=1")]),
]
