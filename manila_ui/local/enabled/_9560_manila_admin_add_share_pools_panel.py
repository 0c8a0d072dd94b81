"""Admin > Share > Pools: the storage pools and their capacity."""

PANEL = "share_pools"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_pools.panel.SharePools"
