"""Export location rules (names and defaults as in Manila 23)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "share_export_location:index"
SHOW = "share_export_location:show"

rules = [
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "List the export locations of a share.",
                    [("GET", "/shares/{share_id}/export_locations")]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show an export location of a share.",
                    [("GET", "/shares/{share_id}/export_locations/"
                             "{export_location_id}")]),
]
