"""Project > Share > Share Backups (Manila 2.80+)."""

PANEL = "share_backups"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_backups.panel.ShareBackups"
