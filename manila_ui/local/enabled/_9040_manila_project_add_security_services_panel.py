"""Project > Share > Security Services."""

PANEL = "security_services"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.security_services.panel.SecurityServices"
