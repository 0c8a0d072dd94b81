"""Views of Admin > Share > Share Group Snapshots."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables

from manila_ui.dashboards import common_views
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.share_group_snapshots import forms as admin_forms
from manila_ui.dashboards.admin.share_group_snapshots import tables as admin_tables
from manila_ui.dashboards.admin.share_group_snapshots import tabs as admin_tabs
from manila_ui.dashboards.project.share_group_snapshots import views as project_views

INDEX = "horizon:admin:share_group_snapshots:index"


class IndexView(project_views.GroupSnapshotTableViewMixin, tables.DataTableView):
    """Group snapshots of all projects: the page, the group names and the
    project names (three calls, whatever the number of snapshots)."""

    prefetch = (projects.prefetch,)  # the project names, with the list
    table_class = admin_tables.AdminGroupSnapshotsTable
    template_name = "admin/share_group_snapshots/index.html"
    page_title = _("Share Group Snapshots")
    all_projects = True

    def get_data(self):
        return projects.name_projects(self.request, self.get_snapshots())


class DetailView(project_views.DetailView):
    tab_group_class = admin_tabs.AdminGroupSnapshotDetailTabs
    index_url = INDEX
    table_class = admin_tables.AdminGroupSnapshotsTable


class ResetStatusView(project_views.GroupSnapshotLookup, common_views.ObjectModalMixin,
                      forms.ModalFormView):
    form_class = admin_forms.ResetGroupSnapshotStatusForm
    policy_rules = admin_tables.ResetGroupSnapshotStatus.policy_rules
    template_name = "admin/share_group_snapshots/reset_status.html"
    modal_id = "reset_share_group_snapshot_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_group_snapshots:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Share Group Snapshot Status")

    def get_initial(self):
        snapshot = self.get_object()
        return {"share_group_snapshot_id": snapshot.id, "status": snapshot.status}
