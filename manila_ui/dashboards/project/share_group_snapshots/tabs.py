"""The share group snapshot detail page: its members, named after their
shares (one lookup of share names, whatever the number of members)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import shares as api_shares
from manila_ui.dashboards.project.share_group_snapshots import tables as snap_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_group_snapshots/_detail_overview.html"
    share_url = "horizon:project:shares:detail"
    group_url = "horizon:project:share_groups:detail"
    all_projects = False

    def get_context_data(self, request):
        snapshot = self.tab_group.kwargs["share_group_snapshot"]
        try:
            names = api_shares.share_names_of(
                request, {m.get("share_id") for m in snapshot.members or []},
                all_projects=self.all_projects)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share names."))
            names = {}
        members = [{"id": m.get("id"), "size": m.get("size"), "share_id": m.get("share_id"),
                    "share_name": names.get(m.get("share_id")) or m.get("share_id")}
                   for m in snapshot.members or []]
        return {"share_group_snapshot": snapshot, "members": members,
                "status_label": dict(snap_tables.STATUS_DISPLAY_CHOICES).get(snapshot.status),
                "share_url": self.share_url, "group_url": self.group_url}


class GroupSnapshotDetailTabs(tabs.DetailTabsGroup):
    slug = "share_group_snapshot_details"
    tabs = (OverviewTab,)
