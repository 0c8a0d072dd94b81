"""The snapshot detail page: one tab, no call beyond the snapshot itself."""

from django.utils.translation import gettext_lazy as _
from horizon import tabs


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_snapshots/_detail_overview.html"
    share_detail_url = "horizon:project:shares:detail"

    def get_context_data(self, request):
        snapshot = self.tab_group.kwargs["snapshot"]
        return {"snapshot": snapshot,
                "metadata": sorted((snapshot.metadata or {}).items()),
                "share_detail_url": self.share_detail_url}


class SnapshotDetailTabs(tabs.DetailTabsGroup):
    slug = "snapshot_details"
    tabs = (OverviewTab,)
