"""Admin > Share > User Messages: every project's messages."""

PANEL = "user_messages"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.user_messages.panel.UserMessages"
