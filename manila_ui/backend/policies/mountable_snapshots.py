"""Export locations of mountable snapshots and of their instances (names
and defaults as in Manila 23; the access rules are ``share_snapshot:``
rules, in snapshots.py)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "share_snapshot_export_location:index"
SHOW = "share_snapshot_export_location:show"
INSTANCE_INDEX = "share_snapshot_instance_export_location:index"
INSTANCE_SHOW = "share_snapshot_instance_export_location:show"

_LOCATIONS = "/snapshots/{snapshot_id}/export-locations"
_INSTANCE_LOCATIONS = "/snapshot-instances/{snapshot_instance_id}/export-locations"

rules = [
    base.documented(INDEX, base.ADMIN_OR_PROJECT_READER,
                    "List the export locations of a snapshot.", [("GET", _LOCATIONS)]),
    base.documented(SHOW, base.ADMIN_OR_PROJECT_READER,
                    "Show an export location of a snapshot.",
                    [("GET", _LOCATIONS + "/{export_location_id}")]),
    base.documented(INSTANCE_INDEX, base.ADMIN,
                    "List the export locations of a snapshot instance.",
                    [("GET", _INSTANCE_LOCATIONS)]),
    base.documented(INSTANCE_SHOW, base.ADMIN,
                    "Show an export location of a snapshot instance.",
                    [("GET", _INSTANCE_LOCATIONS + "/{export_location_id}")]),
]
