"""Admin > Share > Share Types: the types (one call, filtered by name or
extra spec) and the pools (one call); create, edit (2.50), edit extra
specs, manage the projects of a private type, delete."""

from django import shortcuts
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages
from horizon import tables

from manila_ui.api import pools as api_pools
from manila_ui.api import qos_types as api_qos_types
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import type_access
from manila_ui.dashboards.admin.share_types import forms as type_forms
from manila_ui.dashboards.admin.share_types import tables as type_tables

INDEX = reverse_lazy("horizon:admin:share_types:index")
TYPES_TABLE = type_tables.ShareTypesTable.Meta.name


class IndexView(tables.MultiTableView):
    table_classes = (type_tables.ShareTypesTable, type_tables.PoolsTable)
    template_name = "admin/share_types/index.html"
    page_title = _("Share Types")

    def post(self, request, *args, **kwargs):
        # A changed server filter (Horizon's DataTableView does this for
        # one table; here the types table is one of two).
        table = self.get_tables().get(TYPES_TABLE)
        if table is not None and self.handle_server_filter(request, table):
            return shortcuts.redirect(INDEX)
        return super().post(request, *args, **kwargs)

    def _filter(self):
        """(field, value) of the types table's filter; value "" when none."""
        table = self.get_tables().get(TYPES_TABLE)
        if table is None or table._meta._filter_action is None:
            return None, ""
        self.update_server_filter_action(self.request, table)
        return table.get_filter_field(), table.get_filter_string().strip()

    def get_share_types_data(self):
        field, value = self._filter()
        wanted = {}
        if value and field == "extra_specs":
            key, equals, spec = value.partition("=")
            if not equals or not key.strip():
                messages.warning(self.request, _("Filter by extra spec as key=value."))
                return []
            wanted = {key.strip(): spec.strip()}
        try:
            if wanted and utils.supports(self.request, "share_type_extra_specs_filter"):
                found = api_share_types.share_type_list_filtered(self.request, wanted)
            else:
                found = [t for t in api_share_types.share_type_list(self.request)
                         if all((t.extra_specs or {}).get(k) == v for k, v in wanted.items())]
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share types."))
            return []
        if value and field == "name":
            found = [t for t in found if value.lower() in (t.name or "").lower()]
        return self._name_qos_types(sorted(found, key=lambda t: t.name or ""))

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


class ShareTypeModalView(common_views.ObjectModalMixin, forms.ModalFormView):
    success_url = INDEX
    fetch = staticmethod(api_share_types.share_type_get)
    url_kwarg = "type_id"
    fetch_error = _("Unable to retrieve the share type.")
    context_object_name = "share_type"


class UpdateView(ShareTypeModalView):
    form_class = type_forms.UpdateShareTypeForm
    policy_rules = type_tables.UpdateShareType.policy_rules
    form_id = "update_share_type_form"
    template_name = "admin/share_types/update.html"
    modal_id = "update_share_type_modal"
    modal_header = _("Edit Share Type")
    submit_label = _("Save Changes")
    submit_url_name = "horizon:admin:share_types:update"
    page_title = _("Edit Share Type")

    def get_initial(self):
        share_type = self.get_object()
        return {"type_id": share_type.id, "name": share_type.name,
                "description": share_type.description or "",
                "is_public": share_type.is_public}


class ManageAccessView(type_access.ManageAccessViewMixin, ShareTypeModalView):
    """The type, the projects given it and Keystone's projects: two Manila
    calls and one Keystone call."""

    form_class = type_forms.ManageAccessForm
    policy_rules = type_tables.ManageAccess.policy_rules
    form_id = "manage_share_type_access_form"
    template_name = "admin/share_types/manage_access.html"
    modal_id = "manage_share_type_access_modal"
    modal_header = _("Manage Share Type Access")
    submit_url_name = "horizon:admin:share_types:manage_access"
    page_title = _("Manage Share Type Access")
    access_list = staticmethod(api_share_types.share_type_access_list)  # type: ignore[assignment]

