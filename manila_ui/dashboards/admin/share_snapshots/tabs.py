from horizon import tabs

from manila_ui.dashboards.project.share_snapshots import tabs as project_tabs


class AdminOverviewTab(project_tabs.OverviewTab):
    share_detail_url = "horizon:admin:shares:detail"


class AdminSnapshotDetailTabs(tabs.DetailTabsGroup):
    slug = "snapshot_details"
    tabs = (AdminOverviewTab, project_tabs.ExportLocationsTab)
