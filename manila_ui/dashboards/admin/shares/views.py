"""Views of Admin > Share > Shares (the project ones, for all projects)."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables

from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.shares import forms as admin_forms
from manila_ui.dashboards.admin.shares import tables as admin_tables
from manila_ui.dashboards.project.shares import views as project_views

INDEX = "horizon:admin:shares:index"


class IndexView(project_views.ShareTableViewMixin, tables.DataTableView):
    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminSharesTable
    template_name = "admin/shares/index.html"
    page_title = _("Shares")
    all_projects = True

    def get_data(self):
        # One Keystone call for the page's project names, never one per row.
        return projects.name_projects(self.request, self.get_shares())


class DetailView(project_views.DetailView):
    index_url = INDEX
    table_class = admin_tables.AdminSharesTable
    all_projects = True

    def get_data(self):
        share = super().get_data()
        share.project_name = projects.project_name(self.request,
                                                   share.project_id)
        return share


class RecycleBinView(project_views.RecycleBinView):
    """Every project's shares in the recycle bin: one page (one call) and
    the projects' names (one Keystone call)."""

    table_class = admin_tables.AdminRecycleBinTable
    template_name = "admin/shares/recycle_bin.html"
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, super().get_data())


class ResetStatusView(project_views.ShareModalView):
    form_class = admin_forms.ResetStatusForm
    policy_rules = admin_tables.ResetShareStatus.policy_rules
    template_name = "admin/shares/reset_status.html"
    modal_id = "reset_share_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:shares:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Share Status")

    def get_initial(self):
        initial = super().get_initial()
        initial["status"] = self.get_object().status
        return initial


class MigrateView(project_views.ShareModalView):
    form_class = admin_forms.MigrateForm
    policy_rules = admin_tables.MigrateShare.policy_rules
    template_name = "admin/shares/migrate.html"
    modal_id = "migrate_share_modal"
    submit_label = _("Start Migration")
    submit_url_name = "horizon:admin:shares:migrate"
    success_url = reverse_lazy(INDEX)
    page_title = _("Migrate Share")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["share"] = self.get_object()
        return kwargs


class ResetTaskStateView(project_views.ShareModalView):
    form_class = admin_forms.ResetTaskStateForm
    policy_rules = admin_tables.ResetTaskState.policy_rules
    template_name = "admin/shares/reset_task_state.html"
    modal_id = "reset_share_task_state_modal"
    submit_label = _("Reset Task State")
    submit_url_name = "horizon:admin:shares:reset_task_state"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Task State")

    def get_initial(self):
        initial = super().get_initial()
        initial["task_state"] = self.get_object().task_state or ""
        return initial


class ManageView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = admin_forms.ManageShareForm
    policy_rules = admin_tables.ManageShare.policy_rules
    template_name = "admin/shares/manage.html"
    modal_id = "manage_share_modal"
    submit_label = _("Manage")
    submit_url = reverse_lazy("horizon:admin:shares:manage")
    success_url = reverse_lazy(INDEX)
    page_title = _("Manage Share")

    def get_success_url(self):
        return reverse(INDEX)
