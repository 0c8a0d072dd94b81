"""Views of Project > Share > Security Services (one page: one call)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import forms
from horizon import tables
from horizon import tabs

from manila_ui.api import security_services as api_services
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.security_services import forms as service_forms
from manila_ui.dashboards.project.security_services import tables as service_tables
from manila_ui.dashboards.project.security_services import tabs as service_tabs

INDEX = "horizon:project:security_services:index"


class ServiceLookup(common_views.ObjectLookup):
    fetch = staticmethod(api_services.security_service_get)
    url_kwarg = "service_id"
    fetch_error = _("Unable to retrieve the security service.")
    context_object_name = "service"


class SecurityServiceTableViewMixin(common_views.PagedListMixin):
    all_projects = False

    def get_services(self):
        filters = {key: value.strip() for key, value in self.get_filters().items()
                   if value and value.strip()}
        if "type" in filters:  # the labels users see name the values
            wanted = filters["type"].lower().replace(" ", "_")
            filters["type"] = {"ad": "active_directory"}.get(wanted, wanted)
        return self.fetch_page(api_services.security_service_list_paged,
                               _("Unable to retrieve security services."), filters,
                               all_projects=self.all_projects)


class IndexView(SecurityServiceTableViewMixin, tables.DataTableView):
    table_class = service_tables.SecurityServicesTable
    template_name = "project/security_services/index.html"
    page_title = _("Security Services")

    def get_data(self):
        return self.get_services()


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = service_forms.CreateForm
    policy_rules = service_tables.CreateSecurityService.policy_rules
    template_name = "project/security_services/create.html"
    modal_id = "create_security_service_modal"
    submit_label = _("Create")
    submit_url = reverse_lazy("horizon:project:security_services:create")
    success_url = reverse_lazy(INDEX)
    page_title = _("Create Security Service")


class UpdateView(ServiceLookup, common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = service_forms.UpdateForm
    policy_rules = service_tables.EditSecurityService.policy_rules
    template_name = "project/security_services/update.html"
    modal_id = "update_security_service_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:project:security_services:update"
    success_url = reverse_lazy(INDEX)
    page_title = _("Edit Security Service")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["kind"] = self.get_object().type or "ldap"
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["type_label"] = service_tables.get_type(self.get_object())
        return context

    def get_initial(self):
        service = self.get_object()
        initial = {"service_id": service.id}
        for key in ("name", "description") + service_forms.FIELD_KEYS:
            initial[key] = getattr(service, key, None) or ""
        return initial


class DetailView(ServiceLookup, common_views.TabbedDetailMixin, tabs.TabView):
    tab_group_class = service_tabs.SecurityServiceDetailTabs
    template_name = "horizon/common/_detail.html"
    page_title = "{{ service.name_or_id }}"
    index_url = INDEX
    table_class = service_tables.SecurityServicesTable
    network_url = "horizon:project:share_networks:detail"

    def get_tabs(self, request, *args, **kwargs):
        return super().get_tabs(request, *args, network_url=self.network_url, **kwargs)
