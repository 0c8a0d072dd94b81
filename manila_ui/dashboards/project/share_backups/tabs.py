"""The backup detail page: one tab, no call beyond the backup itself."""

from django.utils.translation import gettext_lazy as _
from horizon import tabs

from manila_ui.dashboards.project.share_backups import tables as backup_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_backups/_detail_overview.html"
    share_detail_url = "horizon:project:shares:detail"

    def get_context_data(self, request):
        backup = self.tab_group.kwargs["backup"]
        return {"backup": backup, "progress": backup_tables.get_progress(backup),
                "status_label": dict(backup_tables.STATUS_DISPLAY_CHOICES).get(backup.status),
                "share_detail_url": self.share_detail_url}


class BackupDetailTabs(tabs.DetailTabsGroup):
    slug = "backup_details"
    tabs = (OverviewTab,)
