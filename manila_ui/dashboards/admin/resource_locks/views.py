"""Views of Admin > Share > Resource Locks."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.resource_locks import tables as admin_tables
from manila_ui.dashboards.project.resource_locks import views as project_views

INDEX = "horizon:admin:resource_locks:index"


class IndexView(project_views.LockTableViewMixin, tables.DataTableView):
    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminLocksTable
    template_name = "admin/resource_locks/index.html"
    page_title = _("Resource Locks")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_locks())


class DetailView(project_views.DetailView):
    index_url = INDEX
    table_class = admin_tables.AdminLocksTable
    resource_urls = admin_tables.RESOURCE_URLS


class UpdateView(project_views.UpdateView):
    policy_rules = admin_tables.AdminEditLock.policy_rules
    submit_url_name = "horizon:admin:resource_locks:update"
    success_url = reverse_lazy(INDEX)

    def lookup_redirect_url(self):
        return reverse(INDEX)
