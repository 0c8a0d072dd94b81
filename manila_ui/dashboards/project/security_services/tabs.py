"""The detail page of a security service: its fields (never a password)
and the share networks that use it (one more call)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import security_services as api_services
from manila_ui.dashboards.project.security_services import tables as service_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "project/security_services/_detail_overview.html"

    def _networks(self, service):
        try:
            found = api_services.security_service_list_paged(
                self.request, search_opts={"id": service.id}, page_size=1,
                all_projects=self.request.user.is_superuser)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve its share networks."))
            return []
        ids = found.items[0].share_networks if found.items else []
        url = self.tab_group.kwargs["network_url"]
        return [(network_id, reverse(url, args=(network_id,))) for network_id in ids or []]

    def get_context_data(self, request):
        service = self.tab_group.kwargs["service"]
        return {"service": service, "type_label": service_tables.get_type(service),
                "networks": self._networks(service)}


class SecurityServiceDetailTabs(tabs.DetailTabsGroup):
    slug = "security_service_details"
    tabs = (OverviewTab,)
