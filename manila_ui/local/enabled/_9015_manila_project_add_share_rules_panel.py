"""Project > Share > a share's access rules (no navigation entry: reached
from a share)."""

PANEL = "share_rules"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_rules.panel.ShareRules"
