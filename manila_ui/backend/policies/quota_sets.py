"""Quota rules (names and defaults as in Manila 23).  ``/limits`` has no
rule of its own in Manila: every authenticated user may read their own."""

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
                     ("GET", "/quota-sets/{project_id}/detail")]),
    base.documented(UPDATE, base.ADMIN, "Update the quotas of a project.",
                    [("PUT", "/quota-sets/{project_id}")]),
    base.documented(DELETE, base.ADMIN, "Reset the quotas of a project.",
                    [("DELETE", "/quota-sets/{project_id}")]),
    base.documented(CLASS_SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show a quota class.",
                    [("GET", "/quota-class-sets/{class_name}")]),
    base.documented(CLASS_UPDATE, base.ADMIN, "Update a quota class.",
                    [("PUT", "/quota-class-sets/{class_name}")]),
]
