"""Project > Share > Share Networks."""

PANEL = "share_networks"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_networks.panel.ShareNetworks"
