"""Tabs of a share network's detail page.

The page costs: the network (its subnets embedded), its security services
(one list), and for admins its share servers (one list).
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


class SubnetsTab(tabs.TableTab):
    name = _("Subnets")
    slug = "subnets"
    table_classes = (network_tables.SubnetsTable,)
    template_name = "horizon/common/_detail_table.html"
    preload = True

    def get_subnets_data(self):
        return self.tab_group.kwargs["share_network"].subnets


class SecurityServicesTab(tabs.TableTab):
    name = _("Security Services")
    slug = "security_services"
    table_classes = (network_tables.NetworkSecurityServicesTable,)
    template_name = "horizon/common/_detail_table.html"
    preload = True

    def get_security_services_data(self):
        network = self.tab_group.kwargs["share_network"]
        try:
            return api_services.security_service_list(self.request, network.id)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the network's security services."))
            return []


class ShareServersTab(tabs.TableTab):
    name = _("Share Servers")
    slug = "share_servers"
    table_classes = (network_tables.NetworkShareServersTable,)
    template_name = "horizon/common/_detail_table.html"
    preload = True

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
