"""Tabs of a share network's detail page.

The page costs the network's GET (its subnets embedded) alone: Subnets,
Security Services (one list) and the admins' Share Servers (one list) load
on their first click (``preload = False``), as a share's Export Locations
do; their tables were most of the page's rendering.
"""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import security_services as api_services
from manila_ui.api import share_servers as api_servers
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.share_networks import tables as network_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/share_networks/_detail_overview.html"

    def get_context_data(self, request):
        network = self.tab_group.kwargs["share_network"]
        labels = dict(network_tables.STATUS_DISPLAY_CHOICES)
        return {"network": network, "status_label": labels.get(network.status, network.status)}


class _OnClickTableTab(tabs.TableTab):
    template_name = "horizon/common/_detail_table.html"
    preload = False  # loaded (one ajax GET) when the user first opens it


class SubnetsTab(_OnClickTableTab):
    name = _("Subnets")
    slug = "subnets"
    table_classes = (network_tables.SubnetsTable,)

    def get_subnets_data(self):
        return self.tab_group.kwargs["share_network"].subnets


class SecurityServicesTab(_OnClickTableTab):
    name = _("Security Services")
    slug = "security_services"
    table_classes = (network_tables.NetworkSecurityServicesTable,)

    def get_security_services_data(self):
        network = self.tab_group.kwargs["share_network"]
        try:
            return api_services.security_service_list(self.request, network.id)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the network's security services."))
            return []


class ShareServersTab(_OnClickTableTab):
    name = _("Share Servers")
    slug = "share_servers"
    table_classes = (network_tables.NetworkShareServersTable,)

    def allowed(self, request):
        return policy.allows(request, "share_server:index")

    def get_share_servers_data(self):
        network = self.tab_group.kwargs["share_network"]
        try:
            return api_servers.share_server_list(
                self.request, {"share_network_id": network.id})
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share servers."))
            return []


class ShareNetworkDetailTabs(tabs.DetailTabsGroup):
    slug = "share_network_details"
    tabs = (OverviewTab, SubnetsTab, SecurityServicesTab, ShareServersTab)
