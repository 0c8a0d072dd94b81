"""A share server's detail page: what it is, its addresses and driver
details (never a password), and the shares it holds (one more call)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import share_servers as api_servers
from manila_ui.dashboards.admin.share_servers import tables as server_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "admin/share_servers/_detail_overview.html"

    def get_context_data(self, request):
        server = self.tab_group.kwargs["server"]
        labels = dict(server_tables.STATUS_DISPLAY_CHOICES)
        return {"server": server, "addresses": server.addresses,
                "status_label": labels.get(server.status, server.status),
                "details": sorted((server.backend_details or {}).items())}


class SharesTab(tabs.TableTab):
    name = _("Shares")
    slug = "shares"
    table_classes = (server_tables.ServerSharesTable,)
    template_name = "horizon/common/_detail_table.html"
    preload = True

    def get_server_shares_data(self):
        server = self.tab_group.kwargs["server"]
        try:
            return api_servers.shares_on(self.request, server.id)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the server's shares."))
            return []


class ShareServerDetailTabs(tabs.DetailTabsGroup):
    slug = "share_server_details"
    tabs = (OverviewTab, SharesTab)
