"""Admin > Share > Security Services: every project's."""

PANEL = "security_services"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.security_services.panel.SecurityServices"
