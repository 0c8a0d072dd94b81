"""Admin > Share > Share Instances."""

PANEL = "share_instances"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_instances.panel.ShareInstances"
