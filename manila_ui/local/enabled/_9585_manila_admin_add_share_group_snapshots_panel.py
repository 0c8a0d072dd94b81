"""Admin > Share > Share Group Snapshots: every project's group snapshots
(behind "enable_share_groups")."""

PANEL = "share_group_snapshots"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_group_snapshots.panel.ShareGroupSnapshots"
