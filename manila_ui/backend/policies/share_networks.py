"""Share network rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_network:create"
SHOW = "share_network:show"
INDEX = "share_network:index"
DETAIL = "share_network:detail"
UPDATE = "share_network:update"
DELETE = "share_network:delete"
ADD_SECURITY_SERVICE = "share_network:add_security_service"
ADD_SECURITY_SERVICE_CHECK = "share_network:add_security_service_check"
REMOVE_SECURITY_SERVICE = "share_network:remove_security_service"
UPDATE_SECURITY_SERVICE = "share_network:update_security_service"
UPDATE_SECURITY_SERVICE_CHECK = "share_network:update_security_service_check"
RESET_STATUS = "share_network:reset_status"
GET_ALL = "share_network:get_all_share_networks"
SUBNET_CREATE_CHECK = "share_network:subnet_create_check"
SHOW_NETWORK_DETAILS = "share_network:show_network_details"

_NETWORK = "/share-networks/{share_network_id}"
_ACTION = [("POST", _NETWORK + "/action")]

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create share network.",
                    [("POST", "/share-networks")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER, "Get details of a share network.",
                    [("GET", _NETWORK)]),
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER, "List share networks.",
                    [("GET", "/share-networks?{query}")]),
    base.documented(DETAIL, base.ADMIN_OR_PROJECT_READER,
                    "List share networks with details.",
                    [("GET", "/share-networks/detail?{query}")]),
    base.documented(UPDATE, base.ADMIN_OR_PROJECT_MEMBER, "Update a share network.",
                    [("PUT", _NETWORK)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Delete a share network.",
                    [("DELETE", _NETWORK)]),
    base.documented(ADD_SECURITY_SERVICE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Add security service to share network.", _ACTION),
    base.documented(ADD_SECURITY_SERVICE_CHECK, base.ADMIN_OR_PROJECT_MEMBER,
                    "Check the feasibility of add security service to a share network.",
                    _ACTION),
    base.documented(REMOVE_SECURITY_SERVICE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Remove security service from share network.", _ACTION),
    base.documented(UPDATE_SECURITY_SERVICE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Update security service from share network.", _ACTION),
    base.documented(UPDATE_SECURITY_SERVICE_CHECK, base.ADMIN_OR_PROJECT_MEMBER,
                    "Check the feasibility of update a security service from share "
                    "network.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset share network`s status.", _ACTION),
    base.documented(GET_ALL, base.ADMIN, "Get share networks belonging to all projects.",
                    [("GET", "/share-networks?all_tenants=1"),
                     ("GET", "/share-networks/detail?all_tenants=1")]),
    base.documented(SUBNET_CREATE_CHECK, base.ADMIN_OR_PROJECT_MEMBER,
                    "Check the feasibility of create a new share network subnet for "
                    "share network.", _ACTION),
    base.documented(SHOW_NETWORK_DETAILS, base.ADMIN,
                    "Allow viewing network_type and segmentation_id of share networks "
                    "and share network subnets. Also allows filtering share networks by "
                    "these fields.",
                    [("GET", _NETWORK), ("GET", "/share-networks/detail?{query}"),
                     ("GET", _NETWORK + "/subnets"),
                     ("GET", _NETWORK + "/subnets/{share_network_subnet_id}")]),
]
