"""The backup detail page of Admin > Share Backups."""

from manila_ui.dashboards.project.share_backups import tabs as project_tabs


class AdminOverviewTab(project_tabs.OverviewTab):
    share_detail_url = "horizon:admin:shares:detail"


class AdminBackupDetailTabs(project_tabs.BackupDetailTabs):
    tabs = (AdminOverviewTab,)
