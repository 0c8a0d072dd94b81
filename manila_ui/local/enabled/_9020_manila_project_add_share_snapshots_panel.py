"""Project > Share > Share Snapshots."""

PANEL = "share_snapshots"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_snapshots.panel.ShareSnapshots"
