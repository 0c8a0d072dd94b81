"""Admin > Share > QoS Types (Manila 2.94+)."""

PANEL = "qos_types"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.qos_types.panel.QosTypes"
