"""Admin > Share > Share Quotas, and the share quota pieces of Horizon's own
quota pages: the "Share" step of Identity > Projects > Modify Quotas, the
"Share Quotas" tab and the "Share" step of Admin > Defaults."""

PANEL = "share_quotas"
PANEL_DASHBOARD = "admin"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.admin.share_quotas.panel.ShareQuotas"

EXTRA_STEPS = {
    "openstack_dashboard.dashboards.identity.projects.workflows.UpdateQuota": (
        "manila_ui.dashboards.identity.projects.workflows.UpdateShareQuota",
    ),
    "openstack_dashboard.dashboards.admin.defaults.workflows.UpdateDefaultQuotas": (
        "manila_ui.dashboards.admin.defaults.workflows.UpdateDefaultShareQuotas",
    ),
}
EXTRA_TABS = {
    "openstack_dashboard.dashboards.admin.defaults.tabs.DefaultsTabs": (
        "manila_ui.dashboards.admin.defaults.tabs.ShareQuotasTab",
    ),
}
