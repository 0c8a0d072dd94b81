"""Share group type and group spec rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_group_type:create"
INDEX = "share_group_type:index"
SHOW = "share_group_type:show"
DEFAULT = "share_group_type:default"
DELETE = "share_group_type:delete"
LIST_PROJECT_ACCESS = "share_group_type:list_project_access"
ADD_PROJECT_ACCESS = "share_group_type:add_project_access"
REMOVE_PROJECT_ACCESS = "share_group_type:remove_project_access"
SPEC_CREATE = "share_group_types_spec:create"
SPEC_INDEX = "share_group_types_spec:index"
SPEC_SHOW = "share_group_types_spec:show"
SPEC_UPDATE = "share_group_types_spec:update"
SPEC_DELETE = "share_group_types_spec:delete"

_TYPE = "/share-group-types/{share_group_type_id}"
_SPECS = _TYPE + "/group-specs"

rules = [
    base.documented(CREATE, base.ADMIN, "Create a share group type.",
                    [("POST", "/share-group-types")]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER, "List share group types.",
                    [("GET", "/share-group-types?is_public=all")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER, "Show a share group type.",
                    [("GET", _TYPE)]),
    base.documented(DEFAULT, base.ADMIN_OR_PROJECT_READER,
                    "Show the default share group type.",
                    [("GET", "/share-group-types/default")]),
    base.documented(DELETE, base.ADMIN, "Delete a share group type.",
                    [("DELETE", _TYPE)]),
    base.documented(LIST_PROJECT_ACCESS, base.ADMIN,
                    "List the projects that may use a private share group type.",
                    [("GET", _TYPE + "/access")]),
    base.documented(ADD_PROJECT_ACCESS, base.ADMIN,
                    "Let a project use a private share group type.",
                    [("POST", _TYPE + "/action")]),
    base.documented(REMOVE_PROJECT_ACCESS, base.ADMIN,
                    "Stop a project from using a private share group type.",
                    [("POST", _TYPE + "/action")]),
    base.documented(SPEC_CREATE, base.ADMIN, "Set share group type specs.",
                    [("POST", _SPECS)]),
    base.documented(SPEC_INDEX, base.ADMIN, "List share group type specs.",
                    [("GET", _SPECS)]),
    base.documented(SPEC_SHOW, base.ADMIN, "Show a share group type spec.",
                    [("GET", _SPECS + "/{key}")]),
    base.documented(SPEC_UPDATE, base.ADMIN, "Update a share group type spec.",
                    [("PUT", _SPECS + "/{key}")]),
    base.documented(SPEC_DELETE, base.ADMIN, "Delete a share group type spec.",
                    [("DELETE", _SPECS + "/{key}")]),
]
