"""Project > Share > Shares.

Horizon's landing page (Project > Overview) stays as it is; a cloud without compute,
whose Overview answers 403, makes Shares the landing page with the opt-in
``_9011_manila_project_shares_landing_page.py`` (``manila-ui enable --landing-page``).
"""

PANEL = "shares"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.shares.panel.Shares"
