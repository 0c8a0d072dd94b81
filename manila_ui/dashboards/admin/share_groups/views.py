"""Views of Admin > Share > Share Groups."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables

from manila_ui.dashboards import common_views
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.share_groups import forms as admin_forms
from manila_ui.dashboards.admin.share_groups import tables as admin_tables
from manila_ui.dashboards.admin.share_groups import tabs as admin_tabs
from manila_ui.dashboards.project.share_groups import views as project_views

INDEX = "horizon:admin:share_groups:index"


class IndexView(project_views.ShareGroupTableViewMixin, tables.DataTableView):
    """Groups of all projects: the group page, the type names and the
    project names (three calls, whatever the number of groups)."""

    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminShareGroupsTable
    template_name = "admin/share_groups/index.html"
    page_title = _("Share Groups")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_groups())


class DetailView(project_views.DetailView):
    tab_group_class = admin_tabs.AdminShareGroupDetailTabs
    index_url = INDEX
    table_class = admin_tables.AdminShareGroupsTable


class ResetStatusView(project_views.ShareGroupLookup, common_views.ObjectModalMixin,
                      forms.ModalFormView):
    form_class = admin_forms.ResetShareGroupStatusForm
    policy_rules = admin_tables.ResetShareGroupStatus.policy_rules
    template_name = "admin/share_groups/reset_status.html"
    modal_id = "reset_share_group_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_groups:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Share Group Status")

    def get_initial(self):
        group = self.get_object()
        return {"share_group_id": group.id, "status": group.status}
