"""Project > Share > Share Group Snapshots (behind "enable_share_groups")."""

PANEL = "share_group_snapshots"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_group_snapshots.panel.ShareGroupSnapshots"
