"""Admin > Share > Share Types: the types (one call) and the pools (one
call), create, edit extra specs, delete."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables

from manila_ui.api import pools as api_pools
from manila_ui.api import qos_types as api_qos_types
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin.share_types import forms as type_forms
from manila_ui.dashboards.admin.share_types import tables as type_tables

INDEX = reverse_lazy("horizon:admin:share_types:index")


class IndexView(tables.MultiTableView):
    table_classes = (type_tables.ShareTypesTable, type_tables.PoolsTable)
    template_name = "admin/share_types/index.html"
    page_title = _("Share Types")

    def get_share_types_data(self):
        try:
            found = sorted(api_share_types.share_type_list(self.request),
                           key=lambda t: t.name or "")
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share types."))
            return []
        return self._name_qos_types(found)

    def _name_qos_types(self, share_types):
        """The QoS types the types name (by name or id): one list, only
        when a type names one."""
        if not any((t.extra_specs or {}).get(type_tables.QOS_SPEC) for t in share_types) \
                or not utils.supports(self.request, "qos_types"):
            return share_types
        try:
            names = api_qos_types.qos_type_names(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve QoS types."))
            return share_types
        for share_type in share_types:
            wanted = (share_type.extra_specs or {}).get(type_tables.QOS_SPEC)
            if wanted:
                share_type.qos_type_name = names.get(
                    wanted, _("%s (no such QoS type)") % wanted)
        return share_types

    def get_pools_data(self):
        try:
            return api_pools.pool_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the pools."))
            return []


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = type_forms.CreateShareTypeForm
    policy_rules = type_tables.CreateShareType.policy_rules
    form_id = "create_share_type_form"
    template_name = "admin/share_types/create.html"
    modal_id = "create_share_type_modal"
    modal_header = _("Create Share Type")
    submit_label = _("Create Share Type")
    submit_url = reverse_lazy("horizon:admin:share_types:create")
    success_url = INDEX
    page_title = _("Create Share Type")


class ExtraSpecsView(common_views.ObjectModalMixin, forms.ModalFormView):
    form_class = type_forms.ExtraSpecsForm
    policy_rules = type_tables.EditExtraSpecs.policy_rules
    form_id = "extra_specs_form"
    template_name = "admin/share_types/extra_specs.html"
    modal_id = "extra_specs_modal"
    modal_header = _("Edit Extra Specs")
    submit_label = _("Save Changes")
    submit_url_name = "horizon:admin:share_types:extra_specs"
    success_url = INDEX
    page_title = _("Edit Extra Specs")
    fetch = staticmethod(api_share_types.share_type_get)
    url_kwarg = "type_id"
    fetch_error = _("Unable to retrieve the share type.")
    context_object_name = "share_type"

    def get_initial(self):
        share_type = self.get_object()
        specs = dict(share_type.extra_specs or {})
        return {"type_id": share_type.id, "current_specs": specs,
                "squash_support": type_tables.spec_is_true(
                    specs.get(type_tables.SQUASH_SPEC)),
                "extra_specs": {k: v for k, v in specs.items()
                                if k not in type_tables.SHOWN_APART}}
