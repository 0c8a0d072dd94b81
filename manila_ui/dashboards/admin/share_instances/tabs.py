"""A share instance's detail page: what it is and its export locations
(one more call)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import share_instances as api_instances
from manila_ui.dashboards.project.share_rules import tables as rule_tables
from manila_ui.dashboards.project.shares import tables as share_tables


class OverviewTab(tabs.Tab):
    name = _("Overview")
    slug = "overview"
    template_name = "admin/share_instances/_detail_overview.html"

    def get_context_data(self, request):
        instance = self.tab_group.kwargs["instance"]
        try:
            locations = api_instances.instance_export_locations(request, instance.id)
        except Exception:
            exceptions.handle(request, _("Unable to retrieve export locations."))
            locations = []
        locations = sorted(locations, key=lambda loc: (bool(loc.is_admin_only),
                                                       not loc.preferred, loc.path or ""))
        rules = instance.access_rules_status
        return {"instance": instance, "export_locations": locations,
                "status_label": dict(share_tables.STATUS_DISPLAY_CHOICES).get(
                    instance.status, instance.status),
                "rules_status_label": dict(rule_tables.STATE_DISPLAY).get(rules, rules)}


class ShareInstanceDetailTabs(tabs.DetailTabsGroup):
    slug = "share_instance_details"
    tabs = (OverviewTab,)
