"""Admin > Share > Share Snapshots: every project's snapshots."""

PANEL = "share_snapshots"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_snapshots.panel.ShareSnapshots"
