"""Views of Admin > Share > Share Backups (Manila's backups say nothing of
their project: the table names their shares)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin.share_backups import forms as admin_forms
from manila_ui.dashboards.admin.share_backups import tables as admin_tables
from manila_ui.dashboards.admin.share_backups import tabs as admin_tabs
from manila_ui.dashboards.project.share_backups import views as project_views

INDEX = "horizon:admin:share_backups:index"


class IndexView(project_views.BackupTableViewMixin, tables.DataTableView):
    """Backups of all projects, named after shares of ALL projects."""

    table_class = admin_tables.AdminBackupsTable
    template_name = "admin/share_backups/index.html"
    page_title = _("Share Backups")
    all_projects = True

    def get_data(self):
        return self.get_backups()


class DetailView(project_views.DetailView):
    tab_group_class = admin_tabs.AdminBackupDetailTabs
    index_url = INDEX
    table_class = admin_tables.AdminBackupsTable


class ResetStatusView(project_views.BackupModalView):
    form_class = admin_forms.ResetBackupStatusForm
    policy_rules = admin_tables.ResetBackupStatus.policy_rules
    template_name = "admin/share_backups/reset_status.html"
    modal_id = "reset_share_backup_status_modal"
    submit_label = _("Reset Status")
    submit_url_name = "horizon:admin:share_backups:reset_status"
    success_url = reverse_lazy(INDEX)
    page_title = _("Reset Backup Status")

    def get_initial(self):
        backup = self.get_object()
        return {"backup_id": backup.id, "status": backup.status}
