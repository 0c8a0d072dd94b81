"""Admin > Share > Share Group Types (behind "enable_share_groups")."""

PANEL = "share_group_types"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_group_types.panel.ShareGroupTypes"
