"""Views of Project > Share > Share Backups."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs

from manila_ui.api import limits as api_limits
from manila_ui.api import share_backups as api_backups
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.share_backups import forms as backup_forms
from manila_ui.dashboards.project.share_backups import tables as backup_tables
from manila_ui.dashboards.project.share_backups import tabs as backup_tabs
from manila_ui.dashboards.project.shares import views as share_views

INDEX = "horizon:project:share_backups:index"


class BackupLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_backups.backup_get)
    url_kwarg = "backup_id"
    fetch_error = _("Unable to retrieve the backup.")
    context_object_name = "backup"


class BackupTableViewMixin(common_views.PagedListMixin):
    """One page of backups + one lookup of share names: two calls,
    whatever the number of backups."""

    all_projects = False

    def get_search_opts(self):
        filters = self.get_filters()
        for key in ("status", "share_id"):
            if key in filters:
                filters[key] = filters[key].strip()
        if "status" in filters:
            filters["status"] = filters["status"].lower()
        return filters

    def get_backups(self):
        backups = self.fetch_page(
            api_backups.backup_list_paged, _("Unable to retrieve the backup list."),
            self.get_search_opts(), sort=True, all_projects=self.all_projects)
        if backups:
            try:
                names = api_shares.share_names_of(
                    self.request, {b.share_id for b in backups},
                    all_projects=self.all_projects)
            except Exception:
                exceptions.handle(self.request, _("Unable to retrieve share names."))
                names = {}
            for backup in backups:
                backup.share_name = names.get(backup.share_id)
        return backups


class IndexView(BackupTableViewMixin, tables.DataTableView):
    table_class = backup_tables.BackupsTable
    template_name = "project/share_backups/index.html"
    page_title = _("Share Backups")

    def get_data(self):
        return self.get_backups()


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = backup_forms.CreateBackupForm
    policy_rules = backup_tables.CreateBackup.policy_rules
    template_name = "project/share_backups/create.html"
    modal_id = "create_share_backup_modal"
    submit_label = _("Create Backup")
    submit_url = reverse_lazy("horizon:project:share_backups:create")
    success_url = reverse_lazy(INDEX)
    page_title = _("Create Share Backup")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
        return context


class CreateForShareView(share_views.ShareLookup, common_views.ObjectModalMixin,
                         CreateView):
    """From a share's row or detail page: the share is given by the URL."""

    submit_url_name = "horizon:project:share_backups:create_for_share"

    def lookup_redirect_url(self):
        return reverse("horizon:project:shares:index")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["share"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"share_id": self.kwargs["share_id"]}


class BackupModalView(BackupLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    success_url = reverse_lazy(INDEX)


class UpdateView(BackupModalView):
    form_class = backup_forms.UpdateBackupForm
    policy_rules = backup_tables.EditBackup.policy_rules
    template_name = "project/share_backups/update.html"
    modal_id = "update_share_backup_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:share_backups:update"
    page_title = _("Edit Backup")

    def get_initial(self):
        backup = self.get_object()
        return {"backup_id": backup.id, "name": backup.name or "",
                "description": backup.description or ""}


class RestoreView(BackupModalView):
    form_class = backup_forms.RestoreBackupForm
    policy_rules = backup_tables.RestoreBackup.policy_rules
    template_name = "project/share_backups/restore.html"
    modal_id = "restore_share_backup_modal"
    submit_label = _("Restore")
    submit_url_name = "horizon:project:share_backups:restore"
    page_title = _("Restore Backup")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["backup"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"backup_id": self.get_object().id}


class DetailView(BackupLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = backup_tabs.BackupDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ backup.name_or_id }}"
    index_url = INDEX
    table_class = backup_tables.BackupsTable
    status_choices = backup_tables.STATUS_DISPLAY_CHOICES
