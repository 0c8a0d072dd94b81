"""Admin > Share > QoS Types: the list (one call), create, edit the
description, manage the specs, delete."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables

from manila_ui.api import qos_types as api_qos_types
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin.qos_types import forms as qos_forms
from manila_ui.dashboards.admin.qos_types import tables as qos_tables

INDEX = reverse_lazy("horizon:admin:qos_types:index")


class IndexView(tables.DataTableView):
    table_class = qos_tables.QosTypesTable
    template_name = "admin/qos_types/index.html"
    page_title = _("QoS Types")

    def get_data(self):
        try:
            return api_qos_types.qos_type_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve QoS types."))
            return []


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = qos_forms.CreateQosTypeForm
    policy_rules = qos_tables.CreateQosType.policy_rules
    template_name = "admin/qos_types/create.html"
    modal_id = "create_qos_type_modal"
    submit_label = _("Create QoS Type")
    submit_url = reverse_lazy("horizon:admin:qos_types:create")
    success_url = INDEX
    page_title = _("Create QoS Type")


class QosTypeModalView(common_views.ObjectModalMixin, forms.ModalFormView):
    success_url = INDEX
    fetch = staticmethod(api_qos_types.qos_type_get)
    url_kwarg = "qos_type_id"
    fetch_error = _("Unable to retrieve the QoS type.")
    context_object_name = "qos_type"


class UpdateView(QosTypeModalView):
    form_class = qos_forms.UpdateQosTypeForm
    policy_rules = qos_tables.EditQosType.policy_rules
    template_name = "admin/qos_types/update.html"
    modal_id = "update_qos_type_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:admin:qos_types:update"
    page_title = _("Edit QoS Type")

    def get_initial(self):
        qos_type = self.get_object()
        return {"qos_type_id": qos_type.id, "description": qos_type.description or ""}


class SpecsView(QosTypeModalView):
    form_class = qos_forms.QosSpecsForm
    policy_rules = qos_tables.ManageSpecs.policy_rules
    template_name = "admin/qos_types/specs.html"
    modal_id = "qos_type_specs_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:admin:qos_types:specs"
    page_title = _("Manage QoS Type Specs")

    def get_initial(self):
        qos_type = self.get_object()
        return {"qos_type_id": qos_type.id, "specs": dict(qos_type.specs or {})}
