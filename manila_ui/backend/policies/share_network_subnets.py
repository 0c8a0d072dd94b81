"""Share network subnet rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_network_subnet:create"
DELETE = "share_network_subnet:delete"
SHOW = "share_network_subnet:show"
INDEX = "share_network_subnet:index"
UPDATE_METADATA = "share_network_subnet:update_metadata"
DELETE_METADATA = "share_network_subnet:delete_metadata"
GET_METADATA = "share_network_subnet:get_metadata"

_SUBNETS = "/share-networks/{share_network_id}/subnets"
_SUBNET = _SUBNETS + "/{share_network_subnet_id}"
_METADATA = _SUBNET + "/metadata"

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Create a new share network subnet.", [("POST", _SUBNETS)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete a share network subnet.", [("DELETE", _SUBNET)]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Shows a share network subnet.", [("GET", _SUBNET)]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "Get all share network subnets.", [("GET", _SUBNETS)]),
    base.documented(UPDATE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Update share network subnet metadata.",
                    [("PUT", _METADATA), ("POST", _METADATA + "/{key}"),
                     ("POST", _METADATA)]),
    base.documented(DELETE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete share network subnet metadata.",
                    [("DELETE", _METADATA + "/{key}")]),
    base.documented(GET_METADATA, base.ADMIN_OR_PROJECT_READER,
                    "Get share network subnet metadata.",
                    [("GET", _METADATA), ("GET", _METADATA + "/{key}")]),
]
