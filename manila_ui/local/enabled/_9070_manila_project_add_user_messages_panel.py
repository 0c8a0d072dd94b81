"""Project > Share > User Messages."""

PANEL = "user_messages"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.user_messages.panel.UserMessages"
