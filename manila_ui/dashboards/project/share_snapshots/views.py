"""Views of Project > Share > Share Snapshots."""

from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs
from horizon.utils import memoized

from manila_ui.api import limits as api_limits
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
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
    """One page of snapshots and the names of their shares: two calls at
    most, side by side, whatever the number of snapshots and shares (the
    names usually cost none: api.shares.share_names_of)."""

    all_projects = False

    def get_search_opts(self):
        filters = self.get_filters()
        if "status" in filters:
            filters["status"] = filters["status"].strip().lower()
        if "share_id" in filters:
            filters["share_id"] = filters["share_id"].strip()
        return filters

    def get_snapshots(self):
        # The share listing a stale name map needs runs beside the list call.
        try:
            api_shares.start_share_names(
                self.request, all_projects=self.all_projects,
                detailed=utils.supports(self.request, "mountable_snapshots"))
        except Exception:
            # No message: the list call below meets the same trouble and says so.
            exceptions.handle(self.request, ignore=True)
        snapshots = self.fetch_page(
            api_snapshots.snapshot_list_paged,
            _("Unable to retrieve the snapshot list."), self.get_search_opts(),
            sort=True, all_projects=self.all_projects)
        if snapshots:
            self._name_shares(snapshots)
        return snapshots

    def _name_shares(self, snapshots):
        # Where snapshots may be mounted (2.32), the user's map of shares is
        # of the detail list: it also says which shares may mount theirs.
        mountable = utils.supports(self.request, "mountable_snapshots")
        ids = {s.share_id for s in snapshots}
        try:
            if mountable:
                shares = api_shares.shares_of(self.request, ids,
                                              all_projects=self.all_projects)
                names = {i: share.name_or_id for i, share in shares.items()}
            else:
                shares = {}
                names = api_shares.share_names_of(self.request, ids,
                                                  all_projects=self.all_projects)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share names."))
            return
        for snapshot in snapshots:
            snapshot.share_name = names.get(snapshot.share_id)
            share = shares.get(snapshot.share_id)
            snapshot.mountable = bool(share and share.mount_snapshot_support)


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
            # The dialog's one /limits (memoized: the form's check reads it too).
            usages = context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
            return context
        # The share of a share's own Create Snapshot is known: its size too.
        size = context["form"].share_sizes.get(self.kwargs.get("share_id"), 0)
        context["quota_exceeded"] = (not usages.can_create_snapshot
                                     or size > usages.snapshot_gigabytes.available)
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

    def get_tabs(self, request, *args, **kwargs):
        # Whether the snapshot may be mounted is its share's business: one
        # more call, only where Manila has mountable snapshots (2.32).
        snapshot = self.get_data()
        snapshot.mountable = False
        if utils.supports(request, "mountable_snapshots"):
            try:
                share = api_shares.share_get(request, snapshot.share_id)
                snapshot.mountable = bool(share.mount_snapshot_support)
            except Exception:
                exceptions.handle(request, _("Unable to retrieve the snapshot's share."))
        return super().get_tabs(request, *args, **kwargs)


# -- a mountable snapshot's access rules (2.32) ------------------------------------

class SnapshotRulesMixin(SnapshotLookup):
    def lookup_redirect_url(self):
        return reverse(INDEX)

    @memoized.memoized_method
    def get_object(self):
        return self.lookup(self.lookup_redirect_url())

    def rules_url(self):
        return reverse("horizon:project:share_snapshots:rules",
                       args=(self.kwargs["snapshot_id"],))


class ManageRulesView(policy.PolicyCheckedView, SnapshotRulesMixin, tables.DataTableView):
    """The rules page: the snapshot and its rules, two calls whatever the
    number of rules."""

    table_class = snap_tables.SnapshotRulesTable
    context_object_name = "table"  # Horizon's name for it, not the lookup's
    policy_rules = snap_tables.ManageSnapshotRules.policy_rules
    template_name = "project/share_snapshots/rules.html"
    page_title = _("Snapshot Access Rules: {{ snapshot.name_or_id }}")

    def policy_object(self):
        return self.get_object()

    def get_tables(self):
        # The table's actions check policy against the snapshot's project.
        self.kwargs["snapshot"] = self.get_object()
        return super().get_tables()

    def get_data(self):
        try:
            return api_snapshots.snapshot_rule_list(self.request,
                                                    self.kwargs["snapshot_id"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the access rules."))
            return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["snapshot"] = self.get_object()
        context["snapshot_url"] = reverse("horizon:project:share_snapshots:detail",
                                          args=(self.kwargs["snapshot_id"],))
        return context


class AddRuleView(SnapshotRulesMixin, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = snap_forms.AddSnapshotRuleForm
    policy_rules = snap_tables.AddSnapshotRule.policy_rules
    form_id = "add_snapshot_rule_form"
    template_name = "project/share_snapshots/rule_add.html"
    modal_id = "add_snapshot_rule_modal"
    modal_header = _("Add Rule")
    submit_label = _("Add Rule")
    submit_url_name = "horizon:project:share_snapshots:rule_add"
    page_title = _("Add Snapshot Rule")

    def get_success_url(self):
        return self.rules_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.rules_url()
        return context

    def get_initial(self):
        return {"snapshot_id": self.kwargs["snapshot_id"]}
