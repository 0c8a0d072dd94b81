"""Share replica and replica export location rules (names and defaults as
in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

CREATE = "share_replica:create"
GET_ALL = "share_replica:get_all"
SHOW = "share_replica:show"
DELETE = "share_replica:delete"
FORCE_DELETE = "share_replica:force_delete"
PROMOTE = "share_replica:promote"
RESYNC = "share_replica:resync"
RESET_REPLICA_STATE = "share_replica:reset_replica_state"
RESET_STATUS = "share_replica:reset_status"
UPDATE_METADATA = "share_replica:update_metadata"
DELETE_METADATA = "share_replica:delete_metadata"
GET_METADATA = "share_replica:get_metadata"
EL_INDEX = "share_replica_export_location:index"
EL_SHOW = "share_replica_export_location:show"

_REPLICA = "/share-replicas/{share_replica_id}"
_ACTION = [("POST", _REPLICA + "/action")]
_METADATA = _REPLICA + "/metadata"

rules = [
    base.documented(CREATE, base.ADMIN_OR_PROJECT_MEMBER, "Create share replica.",
                    [("POST", "/share-replicas")]),
    base.documented(GET_ALL, base.ADMIN_OR_PROJECT_READER, "Get all share replicas.",
                    [("GET", "/share-replicas"), ("GET", "/share-replicas/detail"),
                     ("GET", "/share-replicas/detail?share_id={share_id}")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Get details of a share replica.", [("GET", _REPLICA)]),
    base.documented(DELETE, base.ADMIN_OR_PROJECT_MEMBER, "Delete a share replica.",
                    [("DELETE", _REPLICA)]),
    base.documented(FORCE_DELETE, base.ADMIN, "Force delete a share replica.", _ACTION),
    base.documented(PROMOTE, base.ADMIN_OR_PROJECT_MEMBER,
                    "Promote a non-active share replica to active.", _ACTION),
    base.documented(RESYNC, base.ADMIN, "Resync a share replica that is out of sync.",
                    _ACTION),
    base.documented(RESET_REPLICA_STATE, base.ADMIN,
                    "Reset share replica's replica_state attribute.", _ACTION),
    base.documented(RESET_STATUS, base.ADMIN, "Reset share replica's status.", _ACTION),
    base.documented(UPDATE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Update replica metadata.",
                    [("PUT", _METADATA), ("POST", _METADATA + "/{key}"),
                     ("POST", _METADATA)]),
    base.documented(DELETE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete replica metadata.", [("DELETE", _METADATA + "/{key}")]),
    base.documented(GET_METADATA, base.ADMIN_OR_PROJECT_MEMBER, "Get replica metadata.",
                    [("GET", _METADATA), ("GET", _METADATA + "/{key}")]),
    base.documented(EL_INDEX, base.ADMIN_OR_PROJECT_READER,
                    "Get all export locations of a given share replica.",
                    [("GET", _REPLICA + "/export-locations")]),
    base.documented(EL_SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Get details about the requested share replica export location.",
                    [("GET", _REPLICA + "/export-locations/{export_location_id}")]),
]
