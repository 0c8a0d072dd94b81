"""The snapshot detail page: the overview (no call beyond the snapshot
and, where snapshots may be mounted, its share), and a mountable
snapshot's export locations with mount commands (one call, on first
click)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import mount
from manila_ui.dashboards.project.share_snapshots import tables as snap_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_snapshots/_detail_overview.html"
    share_detail_url = "horizon:project:shares:detail"

    def get_context_data(self, request):
        snapshot = self.tab_group.kwargs["snapshot"]
        return {"snapshot": snapshot,
                "status_label": dict(snap_tables.STATUS_DISPLAY_CHOICES).get(snapshot.status),
                "metadata": sorted((snapshot.metadata or {}).items()),
                "share_detail_url": self.share_detail_url}


class ExportLocationsTab(tabs.Tab):
    name = _("Export Locations")
    slug = "export_locations"
    template_name = "project/share_snapshots/_detail_export_locations.html"
    preload = False
    rules_url = "horizon:project:share_snapshots:rules"

    def allowed(self, request):
        return bool(getattr(self.tab_group.kwargs["snapshot"], "mountable", False))

    def get_context_data(self, request):
        snapshot = self.tab_group.kwargs["snapshot"]
        locations = []
        if snapshot.status == "available":
            try:
                locations = api_snapshots.snapshot_export_locations(request, snapshot.id)
            except Exception:
                exceptions.handle(request, _("Unable to retrieve export locations."))
        locations = sorted(locations, key=lambda loc: (bool(loc.is_admin_only),
                                                       loc.path or ""))
        return {"snapshot": snapshot, "rules_url": self.rules_url, "exports": [
            mount.export_view(snapshot.share_proto, loc.path or "",
                              share_name=snapshot.name,
                              is_admin_only=bool(loc.is_admin_only))
            for loc in locations]}


class SnapshotDetailTabs(tabs.DetailTabsGroup):
    slug = "snapshot_details"
    tabs = (OverviewTab, ExportLocationsTab)
