"""Views of Project › Share › Shares: the index, a share's page, create
and edit, the share actions' modals (resize, revert, metadata, transfers)
and the recycle bin."""

from django import shortcuts
from django.urls import reverse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import generic
from django.views.decorators.cache import never_cache
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs
from horizon.utils import memoized

from manila_ui.api import client as api_client
from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import limits as api_limits
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.shares import forms as share_forms
from manila_ui.dashboards.project.shares import tables as share_tables
from manila_ui.dashboards.project.shares import tabs as share_tabs
from manila_ui.dashboards.share_quotas import usage as quota_usage


class ShareLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_shares.share_get)
    url_kwarg = "share_id"
    fetch_error = _("Unable to retrieve share details.")
    context_object_name = "share"


class ShareTableViewMixin(common_views.PagedListMixin):
    """Loads one page of shares in one API call (admin passes all_projects)."""

    all_projects = False
    list_error = _("Unable to retrieve the share list.")

    def get_search_opts(self):
        filters = self.get_filters()
        if "status" in filters:  # Manila's statuses are lower case
            filters["status"] = filters["status"].strip().lower()
        if "name" in filters and api_client.supports(self.request,
                                                     "name_like_filters"):
            filters["name~"] = filters.pop("name")  # a substring match
        if "share_type" in filters:
            filters["share_type_id"] = self._share_type_id(
                filters.pop("share_type").strip())
        if "availability_zone" in filters:
            filters["availability_zone"] = \
                filters["availability_zone"].strip()
        return filters

    def _share_type_id(self, wanted):
        """Manila filters by type id; users type a name. One call, and
        only when this filter is in use."""
        try:
            for share_type in api_share_types.share_type_list(self.request):
                if wanted in (share_type.name, share_type.id):
                    return share_type.id
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share types."))
        return wanted  # an unknown type: Manila answers with no shares

    def get_shares(self):
        shares = self.fetch_page(api_shares.share_list_paged, self.list_error,
                                 self.get_search_opts(), sort=True,
                                 all_projects=self.all_projects)
        self._name_share_networks(shares)
        return shares

    def _name_share_networks(self, shares):
        # One call for the page, and only when a row has a share network
        # (DHSS=True shares): never one per row.
        if not any(share.share_network_id for share in shares):
            return
        try:
            names = api_shares.share_network_names(
                self.request, all_projects=self.all_projects)
        except Exception:
            # The column shows the ids instead: no message for a name.
            exceptions.handle(self.request, ignore=True)
            return
        for share in shares:
            share.share_network_name = names.get(share.share_network_id)


class IndexView(ShareTableViewMixin, tables.DataTableView):
    table_class = share_tables.SharesTable
    template_name = "project/shares/index.html"
    page_title = _("Shares")
    prefetch = (api_limits.tenant_absolute_limits.early,)  # the Create button's

    def get_data(self):
        return self.get_shares()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The /limits the Create button reads too (memoized): the charts and
        # the rows' Create Snapshot use it, no call of their own.
        limits = quota_usage.project_limits(self.request)
        context["share_usage_charts"] = quota_usage.charts(limits)
        self.get_table().quota_limits = limits
        return context


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = share_forms.CreateForm
    policy_rules = share_tables.CreateShare.policy_rules
    template_name = "project/shares/create.html"
    modal_id = "create_share_modal"
    submit_label = _("Create Share")
    submit_url = reverse_lazy("horizon:project:shares:create")
    success_url = reverse_lazy("horizon:project:shares:index")
    page_title = _("Create Share")

    def get_initial(self):
        initial = super().get_initial()
        # "Create Share" from a snapshot's row pre-selects it as the source.
        if self.request.GET.get("snapshot_id"):
            initial["snapshot_id"] = self.request.GET["snapshot_id"]
        # ... and from a share group's row, the group.
        if self.request.GET.get("share_group_id"):
            initial["share_group_id"] = self.request.GET["share_group_id"]
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve share quotas."))
        return context


class UpdateView(ShareLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = share_forms.UpdateForm
    policy_rules = share_tables.EditShare.policy_rules
    template_name = "project/shares/update.html"
    modal_id = "update_share_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:shares:update"
    success_url = reverse_lazy("horizon:project:shares:index")
    page_title = _("Edit Share")

    def get_initial(self):
        share = self.get_object()
        return {"share_id": share.id, "name": share.name or "",
                "description": share.description or "",
                "is_public": bool(share.is_public)}


class DetailView(ShareLookup, common_views.TabbedDetailMixin, tabs.TabbedTableView):
    tab_group_class = share_tabs.ShareDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ share.name_or_id }}"
    index_url = "horizon:project:shares:index"
    table_class = share_tables.SharesTable
    status_choices = share_tables.STATUS_DISPLAY_CHOICES
    all_projects = False

    @memoized.memoized_method
    def get_data(self):
        share = super().get_data()
        if share.share_network_id:  # one more call, DHSS=True shares only
            try:
                share.share_network_name = api_shares.share_network_names(
                    self.request, all_projects=self.all_projects).get(
                        share.share_network_id)
            except Exception:
                # The id is shown instead: no message for a name.
                exceptions.handle(self.request, ignore=True)
        return share


class ShareModalView(ShareLookup, common_views.ObjectModalMixin,
                     forms.ModalFormView):
    """A modal about one share: ``get_object`` loads it once per request."""

    success_url = reverse_lazy("horizon:project:shares:index")

    def get_initial(self):
        share = self.get_object()
        return {"share_id": share.id, "name": share.name_or_id}


class ResizeView(ShareModalView):
    form_class = share_forms.ResizeForm
    policy_rules = share_tables.ResizeShare.policy_rules
    template_name = "project/shares/resize.html"
    modal_id = "resize_share_modal"
    submit_label = _("Resize")
    submit_url_name = "horizon:project:shares:resize"
    page_title = _("Resize Share")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["usages"] = api_limits.tenant_absolute_limits(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve quotas."))
        return context

    def get_initial(self):
        initial = super().get_initial()
        size = self.get_object().size
        initial.update(orig_size=size, new_size=size)
        return initial


class RevertView(ShareModalView):
    form_class = share_forms.RevertForm
    policy_rules = share_tables.RevertShare.policy_rules
    template_name = "project/shares/revert.html"
    modal_id = "revert_share_modal"
    submit_label = _("Revert")
    submit_url_name = "horizon:project:shares:revert"
    page_title = _("Revert Share to Snapshot")

    @memoized.memoized_method
    def latest_snapshot(self):
        """Manila reverts only to the newest snapshot (one call)."""
        try:
            found = api_snapshots.snapshot_list(
                self.request, share_id=self.kwargs["share_id"], limit=1)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the share's snapshots."))
            return None
        return found[0] if found else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["snapshot"] = self.latest_snapshot()
        return context

    def get_initial(self):
        initial = super().get_initial()
        snapshot = self.latest_snapshot()
        initial["snapshot_id"] = snapshot.id if snapshot else ""
        return initial


class UpdateMetadataView(ShareModalView):
    form_class = share_forms.MetadataForm
    policy_rules = share_tables.UpdateMetadata.policy_rules
    template_name = "project/shares/update_metadata.html"
    modal_id = "update_share_metadata_modal"
    submit_label = _("Save")
    submit_url_name = "horizon:project:shares:update_metadata"
    page_title = _("Edit Share Metadata")

    def get_initial(self):
        initial = super().get_initial()
        initial["metadata"] = dict(self.get_object().metadata or {})
        return initial


class ExportLocationMetadataView(policy.PolicyCheckedView, ShareLookup, forms.ModalFormView):
    """Edit one export location's metadata (2.87): the share and the
    location's metadata, two calls; back to the share's export locations."""

    form_class = share_forms.ExportLocationMetadataForm
    policy_rules = (("share", "share_export_location:update_metadata"),)
    template_name = "project/shares/export_location_metadata.html"
    modal_id = "export_location_metadata_modal"
    submit_label = _("Save")
    page_title = _("Edit Export Location Metadata")

    @memoized.memoized_method
    def get_object(self):
        return self.lookup(self.get_success_url())

    def policy_object(self):
        return self.get_object()

    def get_initial(self):
        # From the list, as the tab reads it: Manila 23's GET of one
        # location's metadata fails its own response schema (HTTP 400).
        share_id, location_id = self.kwargs["share_id"], self.kwargs["export_location_id"]
        try:
            found = [loc for loc in api_shares.export_location_list(self.request, share_id)
                     if loc.id == location_id]
            if not found:
                raise api_exceptions.NotFound(message=f"Export location {location_id}")
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the metadata."),
                              redirect=self.get_success_url())
            raise
        return {"share_id": share_id, "export_location_id": location_id,
                "metadata": dict(found[0].metadata or {})}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["share"] = self.get_object()
        context["submit_url"] = reverse(
            "horizon:project:shares:export_location_metadata",
            args=(self.kwargs["share_id"], self.kwargs["export_location_id"]))
        return context

    def get_success_url(self):
        tab_group = share_tabs.ShareDetailTabs
        return "{}?{}={}__{}".format(
            reverse("horizon:project:shares:detail", args=(self.kwargs["share_id"],)),
            tab_group.param_name, tab_group.slug, share_tabs.ExportLocationsTab.slug)


@method_decorator(never_cache, name="dispatch")
class CreateTransferView(ShareModalView):
    """Answers the POST with the auth key itself, never in a URL, a
    message or a redirect: Manila shows it once and so do we."""

    form_class = share_forms.CreateTransferForm
    policy_rules = share_tables.CreateTransfer.policy_rules
    template_name = "project/shares/create_transfer.html"
    modal_id = "create_share_transfer_modal"
    submit_label = _("Create Transfer")
    submit_url_name = "horizon:project:shares:create_transfer"
    page_title = _("Create Share Transfer")

    def form_valid(self, form):
        transfer = form.handle(self.request, form.cleaned_data)
        if not transfer:
            return self.form_invalid(form)
        ajax = self.request.headers.get("x-requested-with") == "XMLHttpRequest"
        template = ("project/shares/_transfer_created.html" if ajax
                    else "project/shares/transfer_created.html")
        return shortcuts.render(self.request, template, {
            "transfer": transfer, "share": self.get_object(),
            "page_title": _("Share Transfer Created"), "hide": ajax,
            "modal_backdrop": self.modal_backdrop,
            "index_url": reverse("horizon:project:shares:index")})


class AcceptTransferView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = share_forms.AcceptTransferForm
    policy_rules = share_tables.AcceptTransfer.policy_rules
    template_name = "project/shares/accept_transfer.html"
    modal_id = "accept_share_transfer_modal"
    submit_label = _("Accept Transfer")
    submit_url = reverse_lazy("horizon:project:shares:accept_transfer")
    success_url = reverse_lazy("horizon:project:shares:index")
    page_title = _("Accept Share Transfer")


class PanelPathRedirect(generic.RedirectView):
    """``shares/<rest>`` to ``<this panel>/<rest>``, the query string kept:
    upstream's URLs (``/project/shares/<id>/``...) where this panel is the
    dashboard's default one, at ``/project/``."""

    def get_redirect_url(self, *args, rest="", **kwargs):
        url = reverse("horizon:project:shares:index") + rest
        query = self.request.META.get("QUERY_STRING", "")
        return f"{url}?{query}" if query else url


class RecycleBinView(common_views.PagedListMixin, tables.DataTableView):
    table_class = share_tables.RecycleBinTable
    template_name = "project/shares/recycle_bin.html"
    page_title = _("Recycle Bin")
    all_projects = False

    def get_data(self):
        return self.fetch_page(api_shares.share_list_paged,
                               _("Unable to retrieve the recycle bin."),
                               {"is_soft_deleted": True}, sort=True,
                               all_projects=self.all_projects)
