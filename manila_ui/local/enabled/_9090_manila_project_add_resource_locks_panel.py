"""Project > Share > Resource Locks (upstream's /project/resource_locks/)."""

PANEL = "resource_locks"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.resource_locks.panel.ResourceLocks"
