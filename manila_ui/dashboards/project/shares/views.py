"""Views of Project > Share > Shares."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from horizon import tabs
from horizon.utils import memoized

from manila_ui.api import client as api_client
from manila_ui.api import limits as api_limits
from manila_ui.api import share_types as api_share_types
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_views
from manila_ui.dashboards.project import share_usage
from manila_ui.dashboards.project.shares import forms as share_forms
from manila_ui.dashboards.project.shares import tables as share_tables
from manila_ui.dashboards.project.shares import tabs as share_tabs


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

    def get_data(self):
        return self.get_shares()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The /limits the Create button reads too (memoized): the charts and
        # the rows' Create Snapshot use it, no call of their own.
        limits = share_usage.project_limits(self.request)
        context["share_usage_charts"] = share_usage.charts(limits)
        self.get_table().quota_limits = limits
        return context


class CreateView(forms.ModalFormView):
    form_class = share_forms.CreateForm
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


class DetailView(ShareLookup, common_views.TabbedDetailMixin, tabs.TabView):
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
