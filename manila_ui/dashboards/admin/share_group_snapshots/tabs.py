from horizon import tabs

from manila_ui.dashboards.project.share_group_snapshots import tabs as project_tabs


class AdminOverviewTab(project_tabs.OverviewTab):
    share_url = "horizon:admin:shares:detail"
    group_url = "horizon:admin:share_groups:detail"
    all_projects = True


class AdminGroupSnapshotDetailTabs(tabs.DetailTabsGroup):
    slug = "share_group_snapshot_details"
    tabs = (AdminOverviewTab,)
