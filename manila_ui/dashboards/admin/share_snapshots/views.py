"""Views of Admin > Share > Share Snapshots."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables

from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.share_snapshots import forms as admin_forms
from manila_ui.dashboards.admin.share_snapshots import tables as admin_tables
from manila_ui.dashboards.admin.share_snapshots import tabs as admin_tabs
from manila_ui.dashboards.project.share_snapshots import views as project_views

INDEX = "horizon:admin:share_snapshots:index"


class IndexView(project_views.SnapshotTableViewMixin, tables.DataTableView):
    """Snapshots of all projects, named after shares of ALL projects."""

    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminSnapshotsTable
    template_name = "admin/share_snapshots/index.html"
    page_title = _("Share Snapshots")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_snapshots())


class DetailView(project_views.DetailView):
    tab_group_class = admin_tabs.AdminSnapshotDetailTabs
    index_url = INDEX
    table_class = admin_tables.AdminSnapshotsTable


class ResetStatusView(project_views.SnapshotModalView):
    form_class = admin_forms.ResetSnapshotStatusForm
    policy_rules = admin_tables.ResetSnapshotStatus.policy_rules
    template_name = "admin/share_snapshots/reset_status.html"
    modal_id = "reset_share_snapshot_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_snapshots:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Snapshot Status")

    def get_initial(self):
        snapshot = self.get_object()
        return {"snapshot_id": snapshot.id, "status": snapshot.status}


class ManageView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = admin_forms.ManageSnapshotForm
    policy_rules = admin_tables.ManageSnapshot.policy_rules
    template_name = "admin/share_snapshots/manage.html"
    modal_id = "manage_share_snapshot_modal"
    submit_label = _("Manage")
    submit_url = reverse_lazy("horizon:admin:share_snapshots:manage")
    success_url = reverse_lazy(INDEX)
    page_title = _("Manage Snapshot")
