"""Share instance, snapshot instance and instance export location rules
(names and defaults as in Manila 23; all admin)."""

from __future__ import annotations

from manila_ui.backend.policies import base

INDEX = "share_instance:index"
SHOW = "share_instance:show"
FORCE_DELETE = "share_instance:force_delete"
RESET_STATUS = "share_instance:reset_status"
EL_INDEX = "share_instance_export_location:index"
EL_SHOW = "share_instance_export_location:show"
SNAPSHOT_SHOW = "share_snapshot_instance:show"
SNAPSHOT_INDEX = "share_snapshot_instance:index"
SNAPSHOT_DETAIL = "share_snapshot_instance:detail"
SNAPSHOT_RESET_STATUS = "share_snapshot_instance:reset_status"

_INSTANCE = "/share_instances/{share_instance_id}"
_SNAPSHOT = "/snapshot-instances/{snapshot_instance_id}"

rules = [
    base.documented(INDEX, base.ADMIN, "Get all share instances.",
                    [("GET", "/share_instances"), ("GET", "/share_instances?{query}"),
                     ("GET", "/shares/{share_id}/instances")]),
    base.documented(SHOW, base.ADMIN, "Get details of a share instance.",
                    [("GET", _INSTANCE)]),
    base.documented(FORCE_DELETE, base.ADMIN, "Force delete a share instance.",
                    [("POST", _INSTANCE + "/action")]),
    base.documented(RESET_STATUS, base.ADMIN, "Reset share instance's status.",
                    [("POST", _INSTANCE + "/action")]),
    base.documented(EL_INDEX, base.ADMIN,
                    "Return data about the requested export location.",
                    [("GET", _INSTANCE + "/export_locations")]),
    base.documented(EL_SHOW, base.ADMIN,
                    "Return data about the requested export location.",
                    [("GET", _INSTANCE + "/export_locations/{export_location_id}")]),
    base.documented(SNAPSHOT_SHOW, base.ADMIN, "Get share snapshot instance.",
                    [("GET", _SNAPSHOT)]),
    base.documented(SNAPSHOT_INDEX, base.ADMIN, "Get all share snapshot instances.",
                    [("GET", "/snapshot-instances"),
                     ("GET", "/snapshot-instances?snapshot_id={snapshot_id}")]),
    base.documented(SNAPSHOT_DETAIL, base.ADMIN,
                    "Get details of share snapshot instances.",
                    [("GET", "/snapshot-instances/detail"),
                     ("GET", "/snapshot-instances/detail?snapshot_id={snapshot_id}")]),
    base.documented(SNAPSHOT_RESET_STATUS, base.ADMIN,
                    "Reset share snapshot instance's status.",
                    [("POST", _SNAPSHOT + "/action")]),
]
