"""Admin > Share > Share Types."""

PANEL = "share_types"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_types.panel.ShareTypes"
