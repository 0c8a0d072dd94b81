"""Views of Admin > Share > Shares (the project ones, for all projects)."""

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables
from openstack_dashboard.api import keystone

from manila_ui.dashboards.admin.shares import tables as admin_tables
from manila_ui.dashboards.project.shares import views as project_views


class IndexView(project_views.ShareTableViewMixin, tables.DataTableView):
    table_class = admin_tables.AdminSharesTable
    template_name = "admin/shares/index.html"
    page_title = _("Shares")
    all_projects = True

    def get_data(self):
        shares = self.get_shares()
        if shares:
            names = self._project_names()
            for share in shares:
                share.project_name = names.get(share.project_id)
        return shares

    def _project_names(self):
        # One Keystone call per page, never one per row.
        try:
            projects, _more = keystone.tenant_list(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve project names."))
            return {}
        return {p.id: p.name for p in projects}


class DetailView(project_views.DetailView):
    index_url = "horizon:admin:shares:index"
    table_class = admin_tables.AdminSharesTable
