"""QoS type and QoS type spec rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "qos_type:create"
UPDATE = "qos_type:update"
SHOW = "qos_type:show"
INDEX = "qos_type:index"
DELETE = "qos_type:delete"
SPECS_CREATE = "qos_type_specs:create"
SPECS_INDEX = "qos_type_specs:index"
SPECS_SHOW = "qos_type_specs:show"
SPECS_UPDATE = "qos_type_specs:update"
SPECS_DELETE = "qos_type_specs:delete"

_TYPE = "/qos-types/{qos_type_id}"
_SPECS = _TYPE + "/specs"

rules = [
    base.documented(CREATE, base.ADMIN, "Create qos type.", [("POST", "/qos-types")]),
    base.documented(UPDATE, base.ADMIN, "Update qos type.", [("PUT", _TYPE)]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER, "Get qos type.", [("GET", _TYPE)]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER, "List qos types.",
                    [("GET", "/qos-types"), ("GET", "/qos-types?{query}")]),
    base.documented(DELETE, base.ADMIN, "Delete qos type.", [("DELETE", _TYPE)]),
    base.documented(SPECS_CREATE, base.ADMIN, "Create qos type spec.", [("POST", _SPECS)]),
    base.documented(SPECS_INDEX, base.ADMIN, "Get qos type specs of a given qos type.",
                    [("GET", _SPECS)]),
    base.documented(SPECS_SHOW, base.ADMIN, "Get details of a qos type spec.",
                    [("GET", _SPECS + "/{key}")]),
    base.documented(SPECS_UPDATE, base.ADMIN, "Update qos type spec.",
                    [("PUT", _SPECS + "/{key}")]),
    base.documented(SPECS_DELETE, base.ADMIN, "Delete qos type spec.",
                    [("DELETE", _SPECS + "/{key}")]),
]
