from horizon import tabs

from manila_ui.dashboards.project.share_groups import tabs as project_tabs


class AdminOverviewTab(project_tabs.OverviewTab):
    share_url = "horizon:admin:shares:detail"
    snapshot_url = "horizon:admin:share_group_snapshots:detail"
    all_projects = True


class AdminShareGroupDetailTabs(tabs.DetailTabsGroup):
    slug = "share_group_details"
    tabs = (AdminOverviewTab,)
