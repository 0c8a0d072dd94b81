"""Views of Admin > Share > Share Networks (the project ones, all projects)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.share_networks import forms as admin_forms
from manila_ui.dashboards.admin.share_networks import tables as admin_tables
from manila_ui.dashboards.project.share_networks import views as project_views

INDEX = "horizon:admin:share_networks:index"


class IndexView(project_views.ShareNetworkTableViewMixin, tables.DataTableView):
    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminShareNetworksTable
    template_name = "admin/share_networks/index.html"
    page_title = _("Share Networks")
    all_projects = True

    def get_search_opts(self):
        filters = super().get_search_opts()
        if filters.get("project_id"):
            filters["project_id"] = filters["project_id"].strip()
        return filters

    def get_data(self):
        return projects.name_projects(self.request, self.get_networks())


class DetailView(project_views.DetailView):
    index_url = INDEX
    table_class = admin_tables.AdminShareNetworksTable


class ResetStatusView(project_views.NetworkModalView):
    form_class = admin_forms.ResetStatusForm
    policy_rules = admin_tables.ResetShareNetworkStatus.policy_rules
    template_name = "admin/share_networks/reset_status.html"
    modal_id = "reset_share_network_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_networks:reset_status"
    page_title = _("Reset Share Network Status")

    def get_success_url(self):
        return reverse(INDEX)

    def get_initial(self):
        network = self.get_object()
        return {"network_id": network.id, "status": network.status or "active"}
