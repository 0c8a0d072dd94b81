"""Admin > Share > Share Backups: every project's backups (Manila 2.80+)."""

PANEL = "share_backups"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_backups.panel.ShareBackups"
