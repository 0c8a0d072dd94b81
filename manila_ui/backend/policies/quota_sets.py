"""Quota rules (names, defaults and operations as in Manila 23).  ``/limits``
has no rule of its own in Manila: every authenticated user may read their
own."""

from __future__ import annotations

from manila_ui.backend.policies import base

SHOW = "quota_set:show"
UPDATE = "quota_set:update"
DELETE = "quota_set:delete"
CLASS_SHOW = "quota_class_set:show"
CLASS_UPDATE = "quota_class_set:update"

rules = [
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show the quotas (and defaults) of a project.",
                    [("GET", "/quota-sets/{project_id}"),
                     ("GET", "/quota-sets/{project_id}/defaults"),
                     ("GET", "/quota-sets/{project_id}/detail"),
                     ("GET", "/os-quota-sets/{project_id}/defaults"),
                     ("GET", "/os-quota-sets/{project_id}")]),
    base.documented(UPDATE, base.ADMIN,
                    "Update the quotas of a project, of one of its users or of one "
                    "share type in it.",
                    [("PUT", "/quota-sets/{project_id}"),
                     ("PUT", "/quota-sets/{project_id}?user_id={user_id}"),
                     ("PUT", "/quota-sets/{project_id}?share_type={share_type_id}"),
                     ("PUT", "/os-quota-sets/{project_id}"),
                     ("PUT", "/os-quota-sets/{project_id}?user_id={user_id}")]),
    base.documented(DELETE, base.ADMIN,
                    "Reset the quotas of a project, of one of its users or of one "
                    "share type in it to the defaults.",
                    [("DELETE", "/quota-sets/{project_id}"),
                     ("DELETE", "/quota-sets/{project_id}?user_id={user_id}"),
                     ("DELETE", "/quota-sets/{project_id}?share_type={share_type_id}"),
                     ("DELETE", "/os-quota-sets/{project_id}"),
                     ("DELETE", "/os-quota-sets/{project_id}?user_id={user_id}")]),
    base.documented(CLASS_SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show a quota class.",
                    [("GET", "/quota-class-sets/{class_name}"),
                     ("GET", "/os-quota-class-sets/{class_name}")]),
    base.documented(CLASS_UPDATE, base.ADMIN,
                    "Update a quota class (class default: every project's defaults).",
                    [("PUT", "/quota-class-sets/{class_name}"),
                     ("PUT", "/os-quota-class-sets/{class_name}")]),
]
