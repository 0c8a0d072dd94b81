"""Admin > Share > Services: enable, disable, ensure shares."""

PANEL = "share_services"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_services.panel.ShareServices"
