"""Views of Admin > Share > Security Services."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.security_services import tables as admin_tables
from manila_ui.dashboards.project.security_services import views as project_views


class IndexView(project_views.SecurityServiceTableViewMixin, tables.DataTableView):
    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminSecurityServicesTable
    template_name = "admin/security_services/index.html"
    page_title = _("Security Services")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_services())


class DetailView(project_views.DetailView):
    index_url = "horizon:admin:security_services:index"
    table_class = admin_tables.AdminSecurityServicesTable
    network_url = "horizon:admin:share_networks:detail"
