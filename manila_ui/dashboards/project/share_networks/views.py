"""Views of Project > Share > Share Networks.

Index: one page of networks (one call) + the quota for the Create button
(one ``/limits``), whatever the number of networks.  The name and
description filters go to Manila as ``name~``/``description~`` (2.36),
which it matches as plain substrings; before 2.36, as exact values.
"""

from django import shortcuts
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon import tables
from horizon import tabs
from horizon import workflows
from horizon.utils import memoized

from manila_ui.api import limits as api_limits
from manila_ui.api import security_services as api_services
from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_networks import forms as network_forms
from manila_ui.dashboards.project.share_networks import tables as network_tables
from manila_ui.dashboards.project.share_networks import tabs as network_tabs
from manila_ui.dashboards.project.share_networks import workflows as network_workflows

INDEX = "horizon:project:share_networks:index"
DETAIL = "horizon:project:share_networks:detail"


class NetworkLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_networks.share_network_get)
    url_kwarg = "network_id"
    fetch_error = _("Unable to retrieve the share network.")
    context_object_name = "network"


class ShareNetworkTableViewMixin(common_views.PagedListMixin):
    all_projects = False

    def get_search_opts(self):
        filters = {key: value for key, value in self.get_filters().items() if value}
        like = utils.supports(self.request, "name_like_filters")
        for key in ("name", "description"):
            if key in filters and like:
                filters[f"{key}~"] = filters.pop(key)
        return filters

    def get_networks(self):
        return self.fetch_page(api_networks.share_network_list_paged,
                               _("Unable to retrieve share networks."),
                               self.get_search_opts(), all_projects=self.all_projects)


class IndexView(ShareNetworkTableViewMixin, tables.DataTableView):
    table_class = network_tables.ShareNetworksTable
    template_name = "project/share_networks/index.html"
    page_title = _("Share Networks")
    prefetch = (api_limits.tenant_absolute_limits.early,)  # the Create button's

    def get_data(self):
        return self.get_networks()


class CreateView(policy.PolicyCheckedView, workflows.WorkflowView):
    workflow_class = network_workflows.CreateShareNetwork
    policy_rules = network_tables.CreateShareNetwork.policy_rules
    template_name = "project/share_networks/create.html"
    page_title = _("Create Share Network")


class NetworkModalView(NetworkLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    """A form about one network; back to its detail page afterwards (or
    to the check page when the back ends are still being asked)."""

    def lookup_redirect_url(self):
        return reverse(INDEX)

    def get_success_url(self):
        return reverse(DETAIL, args=(self.kwargs["network_id"],))

    def get_success_url_from_handled(self, handled):
        form = getattr(self, "_form", None)
        return getattr(form, "next_url", None) or self.get_success_url()

    def get_form(self, form_class=None):
        self._form = super().get_form(form_class)
        return self._form

    def get_initial(self):
        return {"network_id": self.kwargs["network_id"]}


class UpdateView(NetworkModalView):
    form_class = network_forms.UpdateForm
    policy_rules = network_tables.EditShareNetwork.policy_rules
    template_name = "project/share_networks/update.html"
    modal_id = "update_share_network_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:share_networks:update"
    page_title = _("Edit Share Network")

    def get_success_url(self):
        return reverse(INDEX)

    def get_initial(self):
        network = self.get_object()
        return {"network_id": network.id, "name": network.name or "",
                "description": network.description or ""}


class AddSubnetView(NetworkModalView):
    form_class = network_forms.AddSubnetForm
    policy_rules = network_tables.AddSubnet.policy_rules
    template_name = "project/share_networks/add_subnet.html"
    modal_id = "add_subnet_modal"
    submit_label = _("Add Subnet")
    submit_url_name = "horizon:project:share_networks:add_subnet"
    page_title = _("Add Subnet")


class SubnetMetadataView(NetworkModalView):
    form_class = network_forms.SubnetMetadataForm
    policy_rules = network_tables.EditSubnetMetadata.policy_rules
    template_name = "project/share_networks/subnet_metadata.html"
    modal_id = "subnet_metadata_modal"
    submit_label = _("Save")
    page_title = _("Edit Subnet Metadata")

    def policy_object(self):
        # The form never needs the network itself: checked against the
        # user's project rather than at the cost of one more call.
        return None

    @memoized.memoized_method
    def get_subnet(self):
        try:
            return api_networks.subnet_get(self.request, self.kwargs["network_id"],
                                           self.kwargs["subnet_id"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the subnet."),
                              redirect=self.get_success_url())
            raise

    def get_context_data(self, **kwargs):
        context = forms.ModalFormView.get_context_data(self, **kwargs)
        context["submit_url"] = reverse(
            "horizon:project:share_networks:subnet_metadata",
            args=(self.kwargs["network_id"], self.kwargs["subnet_id"]))
        return context

    def get_initial(self):
        return {"network_id": self.kwargs["network_id"],
                "subnet_id": self.kwargs["subnet_id"],
                "metadata": dict(self.get_subnet().metadata or {})}


class AddSecurityServiceView(NetworkModalView):
    form_class = network_forms.AddSecurityServiceForm
    policy_rules = network_tables.AddSecurityService.policy_rules
    template_name = "project/share_networks/add_security_service.html"
    modal_id = "add_security_service_modal"
    submit_label = _("Add")
    submit_url_name = "horizon:project:share_networks:add_security_service"
    page_title = _("Add Security Service")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        try:
            kwargs["attached"] = api_services.security_service_list(
                self.request, self.kwargs["network_id"])
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the network's security services."))
        return kwargs


class ReplaceSecurityServiceView(NetworkModalView):
    form_class = network_forms.ReplaceSecurityServiceForm
    policy_rules = network_tables.ReplaceSecurityService.policy_rules
    template_name = "project/share_networks/replace_security_service.html"
    modal_id = "replace_security_service_modal"
    submit_label = _("Replace")
    submit_url_name = "horizon:project:share_networks:replace_security_service"
    page_title = _("Replace Security Service")

    def _current_id(self):
        return self.request.GET.get("current") or self.request.POST.get("current_id", "")

    @memoized.memoized_method
    def get_current(self):
        try:
            return api_services.security_service_get(self.request, self._current_id())
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the security service."),
                              redirect=self.get_success_url())
            raise

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["current"] = self.get_current()
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["current"] = self.get_current()
        context["submit_url"] += f"?current={self._current_id()}"
        return context

    def get_initial(self):
        return {"network_id": self.kwargs["network_id"], "current_id": self._current_id()}


class DetailView(NetworkLookup, common_views.TabbedDetailMixin, tabs.TabbedTableView):
    tab_group_class = network_tabs.ShareNetworkDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ network.name_or_id }}"
    index_url = INDEX
    table_class = network_tables.ShareNetworksTable
    tab_object_name = "share_network"


class CheckView(policy.PolicyCheckedView, forms.ModalFormView):
    """Where a checked change waits for the back ends (2.63 security
    services, 2.70 subnets): each visit asks Manila once (the check is
    asynchronous); when they agree, Apply makes the change."""

    form_class = network_forms.ApplyCheckedChangeForm
    template_name = "project/share_networks/check.html"
    modal_id = "share_network_check_modal"
    submit_label = _("Apply")
    page_title = _("Checking the Share Servers")
    OPERATIONS = ("add", "update", "subnet")
    # Automatic visits while the answer is pending (about a minute): some
    # back ends never answer (Manila 23's own check fails on the share
    # service), so the page then leaves it to the user.
    MAX_POLLS = 30

    def _params(self):
        # The URL carries the change, for the page and for Apply alike.
        source = self.request.GET
        params = {key: source.get(key) or None for key in (
            "op", "new", "current", "availability_zone", "neutron_net_id",
            "neutron_subnet_id")}
        if params["op"] not in self.OPERATIONS:
            params["op"] = None
        return params

    @property
    def policy_rules(self):
        """The rules of the change being checked (the form that started it)."""
        forms_of = {"add": network_tables.AddSecurityService,
                    "update": network_tables.ReplaceSecurityService,
                    "subnet": network_tables.AddSubnet}
        return forms_of.get(self._params()["op"],
                            network_tables.EditShareNetwork).policy_rules

    def get_success_url(self):
        return reverse(DETAIL, args=(self.kwargs["network_id"],))

    def _polls(self):
        try:
            return max(0, int(self.request.GET.get("n", 0)))
        except ValueError:
            return 0

    @memoized.memoized_method
    def check(self):
        params, network_id = self._params(), self.kwargs["network_id"]
        # "Start over" asks the back ends again (Manila's reset_operation).
        reset = self.request.method == "GET" and self.request.GET.get("reset") == "1"
        try:
            if params["op"] == "add":
                return api_networks.security_service_add_check(
                    self.request, network_id, params["new"] or "", reset=reset)
            if params["op"] == "update":
                return api_networks.security_service_update_check(
                    self.request, network_id, params["current"] or "", params["new"] or "",
                    reset=reset)
            if params["op"] == "subnet":
                return api_networks.subnet_create_check(
                    self.request, network_id,
                    availability_zone=params["availability_zone"],
                    neutron_net_id=params["neutron_net_id"],
                    neutron_subnet_id=params["neutron_subnet_id"], reset=reset)
        except network_forms.REFUSALS as exc:
            common_forms.refused(self, None, exc)
        except Exception:
            exceptions.handle(self.request, _("Unable to check the change."))
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["check"] = self.check()
        params = {k: v for k, v in self._params().items() if v}
        polls = self._polls()
        context["params"] = params
        context["submit_url"] = f"{self.request.path}?{urlencode(params)}"
        context["again_url"] = f"{self.request.path}?{urlencode({**params, 'n': polls + 1})}"
        context["reset_url"] = f"{self.request.path}?{urlencode({**params, 'reset': 1})}"
        context["keep_polling"] = polls < self.MAX_POLLS
        context["network_url"] = self.get_success_url()
        return context

    def form_valid(self, form):
        params, network_id = self._params(), self.kwargs["network_id"]
        check = self.check()
        if check is None or check.compatible is not True:
            messages.warning(self.request, _("The share servers have not agreed to the "
                                             "change yet."))
            return shortcuts.redirect(f"{self.request.path}?"
                                      f"{urlencode({k: v for k, v in params.items() if v})}")
        try:
            if params["op"] == "add":
                api_networks.security_service_add(self.request, network_id, params["new"])
            elif params["op"] == "update":
                api_networks.security_service_update(self.request, network_id,
                                                     params["current"], params["new"])
            else:
                api_networks.subnet_create(
                    self.request, network_id,
                    availability_zone=params["availability_zone"],
                    neutron_net_id=params["neutron_net_id"],
                    neutron_subnet_id=params["neutron_subnet_id"])
        except network_forms.REFUSALS as exc:
            common_forms.refused(self, None, exc)
            return shortcuts.redirect(self.get_success_url())
        except Exception:
            exceptions.handle(self.request, _("Unable to apply the change."))
            return shortcuts.redirect(self.get_success_url())
        messages.success(self.request, _("The change is applied: the network and its "
                                         "share servers follow it now."))
        response = shortcuts.redirect(self.get_success_url())
        response["X-Horizon-Location"] = self.get_success_url()
        return response
