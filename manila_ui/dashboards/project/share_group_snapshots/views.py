"""Views of Project > Share > Share Group Snapshots."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon import tables
from horizon import tabs

from manila_ui.api import limits as api_limits
from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.api import share_groups as api_groups
from manila_ui.dashboards import common_views
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_group_snapshots import forms as snap_forms
from manila_ui.dashboards.project.share_group_snapshots import tables as snap_tables
from manila_ui.dashboards.project.share_group_snapshots import tabs as snap_tabs
from manila_ui.dashboards.project.share_groups import tables as group_tables
from manila_ui.dashboards.project.share_groups import views as group_views

INDEX = "horizon:project:share_group_snapshots:index"


class GroupSnapshotLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_group_snapshots.snapshot_get)
    url_kwarg = "share_group_snapshot_id"
    fetch_error = _("Unable to retrieve share group snapshot details.")
    context_object_name = "share_group_snapshot"


class GroupSnapshotTableViewMixin(common_views.PagedListMixin):
    """One page of group snapshots + one lookup of group names: two calls,
    whatever the number of snapshots."""

    all_projects = False

    def get_snapshots(self):
        if not utils.supports(self.request, "share_groups"):
            messages.info(self.request, _("Share groups need Manila API 2.55 or newer."))
            return []
        filters = {key: value.strip() for key, value in self.get_filters().items()}
        if "status" in filters:
            filters["status"] = filters["status"].lower()
        snapshots = self.fetch_page(api_group_snapshots.snapshot_list_paged,
                                    _("Unable to retrieve the share group snapshot list."),
                                    filters, sort=True, all_projects=self.all_projects)
        if snapshots:
            try:
                names = api_groups.share_group_names(self.request,
                                                     all_projects=self.all_projects)
            except Exception:
                exceptions.handle(self.request, _("Unable to retrieve share group names."))
                names = {}
            for snapshot in snapshots:
                snapshot.share_group_name = names.get(snapshot.share_group_id)
        return snapshots


class IndexView(GroupSnapshotTableViewMixin, tables.DataTableView):
    table_class = snap_tables.GroupSnapshotsTable
    template_name = "project/share_group_snapshots/index.html"
    page_title = _("Share Group Snapshots")

    def get_data(self):
        return self.get_snapshots()


class CreateView(group_views.ShareGroupLookup, common_views.ObjectModalMixin,
                 forms.ModalFormView):
    """A snapshot of the group the URL names (its row's action)."""

    form_class = snap_forms.CreateGroupSnapshotForm
    policy_rules = group_tables.CreateGroupSnapshot.policy_rules
    template_name = "project/share_group_snapshots/create.html"
    modal_id = "create_share_group_snapshot_modal"
    submit_label = _("Create Share Group Snapshot")
    submit_url_name = "horizon:project:share_group_snapshots:create"
    success_url = reverse_lazy(INDEX)
    page_title = _("Create Share Group Snapshot")

    def lookup_redirect_url(self):
        return reverse("horizon:project:share_groups:index")

    def get_initial(self):
        return {"share_group_id": self.kwargs["share_group_id"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share group snapshot quotas."))
        return context


class UpdateView(GroupSnapshotLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = snap_forms.UpdateGroupSnapshotForm
    policy_rules = snap_tables.EditGroupSnapshot.policy_rules
    template_name = "project/share_group_snapshots/update.html"
    modal_id = "update_share_group_snapshot_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:share_group_snapshots:update"
    success_url = reverse_lazy(INDEX)
    page_title = _("Edit Share Group Snapshot")

    def get_initial(self):
        snapshot = self.get_object()
        return {"share_group_snapshot_id": snapshot.id, "name": snapshot.name or "",
                "description": snapshot.description or ""}


class DetailView(GroupSnapshotLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = snap_tabs.GroupSnapshotDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ share_group_snapshot.name_or_id }}"
    index_url = INDEX
    table_class = snap_tables.GroupSnapshotsTable
    status_choices = snap_tables.STATUS_DISPLAY_CHOICES
