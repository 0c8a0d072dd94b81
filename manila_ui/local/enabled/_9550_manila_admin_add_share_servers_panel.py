"""Admin > Share > Share Servers."""

PANEL = "share_servers"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_servers.panel.ShareServers"
