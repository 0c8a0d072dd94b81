"""Project > Share > Shares, also the Project dashboard's landing page.

A cloud whose catalog has only Keystone and Manila has no compute, so
Horizon's default landing panel (Overview) would answer 403.
"""

PANEL = "shares"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"
DEFAULT_PANEL = "shares"

ADD_PANEL = "manila_ui.dashboards.project.shares.panel.Shares"
