"""Admin > Share > Share Networks: every project's."""

PANEL = "share_networks"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_networks.panel.ShareNetworks"
