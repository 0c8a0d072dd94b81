"""Tabs of a share's detail page."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import messages as api_messages
from manila_ui.api import shares as api_shares


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/shares/_detail_overview.html"

    def get_export_locations(self, share):
        try:
            return api_shares.export_location_list(self.request, share.id)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve export locations."))
            return []

    def get_error_messages(self, share):
        # Only a share in error has something to explain; one call then.
        if not (share.status or "").startswith("error") and \
                not (share.status or "").endswith("_error"):
            return []
        try:
            return api_messages.message_list(self.request,
                                             resource_id=share.id, limit=5)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the share's messages."))
            return []

    def get_context_data(self, request):
        share = self.tab_group.kwargs["share"]
        locations = []
        if share.status not in ("creating", "deleting", "error"):
            locations = self.get_export_locations(share)
        return {
            "share": share,
            "export_locations": sorted(
                locations, key=lambda loc: (not loc.preferred, loc.path or "")),
            "error_messages": self.get_error_messages(share),
        }


class ShareDetailTabs(tabs.DetailTabsGroup):
    slug = "share_details"
    tabs = (OverviewTab,)
