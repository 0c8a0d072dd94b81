"""Views of Admin > Share > User Messages."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.user_messages import tables as admin_tables
from manila_ui.dashboards.project.user_messages import views as project_views


class IndexView(project_views.MessageTableViewMixin, tables.DataTableView):
    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminMessagesTable
    template_name = "admin/user_messages/index.html"
    page_title = _("User Messages")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_messages())


class DetailView(project_views.DetailView):
    index_url = "horizon:admin:user_messages:index"
    table_class = admin_tables.AdminMessagesTable
    resource_urls = admin_tables.RESOURCE_URLS
