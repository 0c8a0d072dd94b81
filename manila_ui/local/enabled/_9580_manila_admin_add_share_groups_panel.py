"""Admin > Share > Share Groups: every project's groups (behind
"enable_share_groups")."""

PANEL = "share_groups"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_groups.panel.ShareGroups"
