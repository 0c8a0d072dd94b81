"""Admin > Share > Resource Locks: every project's locks (upstream's
/admin/resource_locks/)."""

PANEL = "resource_locks"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.resource_locks.panel.ResourceLocks"
