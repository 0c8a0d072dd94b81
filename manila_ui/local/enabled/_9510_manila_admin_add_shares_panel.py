"""Admin > Share > Shares: every project's shares."""

PANEL = "shares"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.shares.panel.Shares"
