"""The share group detail page: the group, its shares and its group
snapshots (one list call each, whatever their number)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.dashboards.project.share_group_snapshots import tables as snap_tables
from manila_ui.dashboards.project.share_groups import tables as group_tables
from manila_ui.dashboards.project.shares import tables as share_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_groups/_detail_overview.html"
    share_url = "horizon:project:shares:detail"
    snapshot_url = "horizon:project:share_group_snapshots:detail"
    all_projects = False

    def _load(self, request, fetch, error):
        try:
            return fetch()
        except Exception:
            exceptions.handle(request, error)
            return []

    def get_context_data(self, request):
        group = self.tab_group.kwargs["share_group"]
        shares = self._load(request, lambda: api_shares.share_list_paged(
            request, search_opts={"share_group_id": group.id}, page_size=1000,
            sort_key="name", sort_dir="asc", all_projects=self.all_projects).items,
            _("Unable to retrieve the group's shares."))
        snapshots = self._load(request, lambda: api_group_snapshots.snapshot_list(
            request, share_group_id=group.id, all_projects=self.all_projects),
            _("Unable to retrieve group snapshots."))
        types = {t.id: t.name for t in self._load(
            request, lambda: api_share_types.share_type_list(request),
            _("Unable to retrieve share type names."))}
        # (object, its status translated) pairs: templates cannot look a label up.
        share_labels = dict(share_tables.STATUS_DISPLAY_CHOICES)
        snap_labels = dict(snap_tables.STATUS_DISPLAY_CHOICES)
        return {"share_group": group,
                "status_label": dict(group_tables.STATUS_DISPLAY_CHOICES).get(group.status),
                "shares": [(s, share_labels.get(s.status, s.status)) for s in shares],
                "snapshots": [(s, snap_labels.get(s.status, s.status)) for s in snapshots],
                "share_type_names": [types.get(i, i) for i in group.share_types or []],
                "share_url": self.share_url, "snapshot_url": self.snapshot_url}


class ShareGroupDetailTabs(tabs.DetailTabsGroup):
    slug = "share_group_details"
    tabs = (OverviewTab,)
