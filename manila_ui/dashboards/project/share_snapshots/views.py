"""Views of Project > Share > Share Snapshots."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs

from manila_ui.api import limits as api_limits
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.share_snapshots import forms as snap_forms
from manila_ui.dashboards.project.share_snapshots import tables as snap_tables
from manila_ui.dashboards.project.share_snapshots import tabs as snap_tabs
from manila_ui.dashboards.project.shares import views as share_views

INDEX = "horizon:project:share_snapshots:index"


class SnapshotLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_snapshots.snapshot_get)
    url_kwarg = "snapshot_id"
    fetch_error = _("Unable to retrieve snapshot details.")
    context_object_name = "snapshot"


class SnapshotTableViewMixin(common_views.PagedListMixin):
    """One page of snapshots + one lookup of share names: two calls,
    whatever the number of snapshots."""

    all_projects = False

    def get_search_opts(self):
        filters = self.get_filters()
        if "status" in filters:
            filters["status"] = filters["status"].strip().lower()
        if "share_id" in filters:
            filters["share_id"] = filters["share_id"].strip()
        return filters

    def get_snapshots(self):
        snapshots = self.fetch_page(
            api_snapshots.snapshot_list_paged,
            _("Unable to retrieve the snapshot list."), self.get_search_opts(),
            sort=True, all_projects=self.all_projects)
        if snapshots:
            self._name_shares(snapshots)
        return snapshots

    def _name_shares(self, snapshots):
        try:
            names = api_shares.share_names(self.request,
                                           all_projects=self.all_projects)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share names."))
            return
        for snapshot in snapshots:
            snapshot.share_name = names.get(snapshot.share_id)


class IndexView(SnapshotTableViewMixin, tables.DataTableView):
    table_class = snap_tables.SnapshotsTable
    template_name = "project/share_snapshots/index.html"
    page_title = _("Share Snapshots")

    def get_data(self):
        return self.get_snapshots()


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = snap_forms.CreateSnapshotForm
    policy_rules = snap_tables.CreateSnapshot.policy_rules
    template_name = "project/share_snapshots/create.html"
    modal_id = "create_share_snapshot_modal"
    submit_label = _("Create Snapshot")
    submit_url = reverse_lazy("horizon:project:share_snapshots:create")
    success_url = reverse_lazy(INDEX)
    page_title = _("Create Share Snapshot")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
        return context


class CreateForShareView(share_views.ShareLookup, common_views.ObjectModalMixin, CreateView):
    """From a share's row: the share is given by the URL."""

    submit_url_name = "horizon:project:share_snapshots:create_for_share"

    def lookup_redirect_url(self):
        return reverse("horizon:project:shares:index")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["share"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"share_id": self.kwargs["share_id"]}


class SnapshotModalView(SnapshotLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    success_url = reverse_lazy(INDEX)


class UpdateView(SnapshotModalView):
    form_class = snap_forms.UpdateSnapshotForm
    policy_rules = snap_tables.EditSnapshot.policy_rules
    template_name = "project/share_snapshots/update.html"
    modal_id = "update_share_snapshot_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:share_snapshots:update"
    page_title = _("Edit Snapshot")

    def get_initial(self):
        snapshot = self.get_object()
        return {"snapshot_id": snapshot.id, "name": snapshot.name or "",
                "description": snapshot.description or ""}


class UpdateMetadataView(SnapshotModalView):
    form_class = snap_forms.SnapshotMetadataForm
    policy_rules = snap_tables.UpdateSnapshotMetadata.policy_rules
    template_name = "project/share_snapshots/update_metadata.html"
    modal_id = "update_share_snapshot_metadata_modal"
    submit_label = _("Save")
    submit_url_name = "horizon:project:share_snapshots:update_metadata"
    page_title = _("Edit Snapshot Metadata")

    def get_initial(self):
        snapshot = self.get_object()
        return {"snapshot_id": snapshot.id,
                "metadata": dict(snapshot.metadata or {})}


class DetailView(SnapshotLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = snap_tabs.SnapshotDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ snapshot.name_or_id }}"
    index_url = INDEX
    table_class = snap_tables.SnapshotsTable
    status_choices = snap_tables.STATUS_DISPLAY_CHOICES
