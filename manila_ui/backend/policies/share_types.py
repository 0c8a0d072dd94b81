"""Share type rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_type:create"
UPDATE = "share_type:update"
SHOW = "share_type:show"
INDEX = "share_type:index"
DEFAULT = "share_type:default"
DELETE = "share_type:delete"
LIST_PROJECT_ACCESS = "share_type:list_project_access"
ADD_PROJECT_ACCESS = "share_type:add_project_access"
REMOVE_PROJECT_ACCESS = "share_type:remove_project_access"
EXTRA_SPEC_INDEX = "share_types_extra_spec:index"
EXTRA_SPEC_SHOW = "share_types_extra_spec:show"
EXTRA_SPEC_CREATE = "share_types_extra_spec:create"
EXTRA_SPEC_UPDATE = "share_types_extra_spec:update"
EXTRA_SPEC_DELETE = "share_types_extra_spec:delete"

_TYPE = "/types/{share_type_id}"
_SPECS = "/types/{share_type_id}/extra_specs"

rules = [
    base.documented(CREATE, base.ADMIN, "Create a share type.", [("POST", "/types")]),
    base.documented(UPDATE, base.ADMIN, "Update a share type.", [("PUT", _TYPE)]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER, "Show a share type.",
                    [("GET", _TYPE)]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER, "List share types.",
                    [("GET", "/types?is_public=all")]),
    base.documented(DEFAULT, base.ADMIN_OR_PROJECT_READER,
                    "Show the default share type.", [("GET", "/types/default")]),
    base.documented(DELETE, base.ADMIN, "Delete a share type.", [("DELETE", _TYPE)]),
    base.documented(LIST_PROJECT_ACCESS, base.ADMIN,
                    "List the projects that may use a private share type.",
                    [("GET", _TYPE + "/os-share-type-access"),
                     ("GET", _TYPE + "/share_type_access")]),
    base.documented(ADD_PROJECT_ACCESS, base.ADMIN,
                    "Let a project use a private share type.",
                    [("POST", _TYPE + "/action")]),
    base.documented(REMOVE_PROJECT_ACCESS, base.ADMIN,
                    "Stop a project from using a private share type.",
                    [("POST", _TYPE + "/action")]),
    base.documented(EXTRA_SPEC_INDEX, base.ADMIN, "List share type extra specs.",
                    [("GET", _SPECS)]),
    base.documented(EXTRA_SPEC_SHOW, base.ADMIN, "Show a share type extra spec.",
                    [("GET", _SPECS + "/{key}")]),
    base.documented(EXTRA_SPEC_CREATE, base.ADMIN, "Set share type extra specs.",
                    [("POST", _SPECS)]),
    base.documented(EXTRA_SPEC_UPDATE, base.ADMIN,
                    "Update a share type extra spec.", [("PUT", _SPECS + "/{key}")]),
    base.documented(EXTRA_SPEC_DELETE, base.ADMIN,
                    "Delete a share type extra spec.",
                    [("DELETE", _SPECS + "/{key}")]),
]
