"""Export location rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "share_export_location:index"
SHOW = "share_export_location:show"
UPDATE_METADATA = "share_export_location:update_metadata"
DELETE_METADATA = "share_export_location:delete_metadata"
GET_METADATA = "share_export_location:get_metadata"
UPDATE_ADMIN_ONLY_METADATA = "share_export_location:update_admin_only_metadata"

_METADATA = "/shares/{share_id}/export_locations/{export_location_id}/metadata"

rules = [
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "List the export locations of a share.",
                    [("GET", "/shares/{share_id}/export_locations")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show an export location of a share.",
                    [("GET", "/shares/{share_id}/export_locations/"
                             "{export_location_id}")]),
    base.documented(UPDATE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Set or replace export location metadata.",
                    [("PUT", _METADATA), ("POST", _METADATA + "/{key}"),
                     ("POST", _METADATA)]),
    base.documented(DELETE_METADATA, base.ADMIN_OR_PROJECT_MEMBER,
                    "Delete an export location metadata item.",
                    [("DELETE", _METADATA + "/{key}")]),
    base.documented(GET_METADATA, base.ADMIN_OR_PROJECT_READER,
                    "Show export location metadata.",
                    [("GET", _METADATA), ("GET", _METADATA + "/{key}")]),
    base.documented(UPDATE_ADMIN_ONLY_METADATA, base.ADMIN,
                    "Set the admin-only metadata keys of an export location.",
                    [("PUT", _METADATA)]),
]
