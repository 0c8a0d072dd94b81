"""Project > Share > Share Groups (OPENSTACK_MANILA_FEATURES["enable_share_groups"]
hides it, at request time: enabled files load before Django's settings)."""

PANEL = "share_groups"
PANEL_DASHBOARD = "project"
PANEL_GROUP = "share"

ADD_PANEL = "manila_ui.dashboards.project.share_groups.panel.ShareGroups"
