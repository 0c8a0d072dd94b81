"""Views of Admin > Share > Services: one ``GET /services`` per page (Manila
does not page services); the Disable form finds its service in the same list."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables

from manila_ui.api import services as api_services
from manila_ui.dashboards import common_views
from manila_ui.dashboards.admin.share_services import forms as service_forms
from manila_ui.dashboards.admin.share_services import tables as service_tables

INDEX = "horizon:admin:share_services:index"


def find_service(request, service_id):
    return service_tables.find(api_services.service_list(request), service_id)


class IndexView(tables.DataTableView):
    table_class = service_tables.ServicesTable
    template_name = "admin/share_services/index.html"
    page_title = _("Services")

    def get_data(self):
        try:
            return api_services.service_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve services."))
            return []


class DisableView(common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = service_forms.DisableServiceForm
    policy_rules = service_tables.DisableService.policy_rules
    template_name = "admin/share_services/disable.html"
    modal_id = "disable_service_modal"
    submit_label = _("Disable")
    submit_url_name = "horizon:admin:share_services:disable"
    success_url = reverse_lazy(INDEX)
    page_title = _("Disable Service")
    fetch = staticmethod(find_service)
    url_kwarg = "service_id"
    fetch_error = _("Unable to retrieve the service.")
    context_object_name = "service"

    def get_initial(self):
        service = self.get_object()
        return {"host": service.host, "binary": service.binary}
