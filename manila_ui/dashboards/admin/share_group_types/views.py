"""Admin > Share > Share Group Types: the types and their share types' names
(two calls), create, edit group specs, manage access, delete."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables

from manila_ui.api import share_group_types as api_group_types
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_views
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import type_access
from manila_ui.dashboards.admin.share_group_types import forms as type_forms
from manila_ui.dashboards.admin.share_group_types import tables as type_tables

INDEX = reverse_lazy("horizon:admin:share_group_types:index")


class IndexView(tables.DataTableView):
    table_class = type_tables.ShareGroupTypesTable
    template_name = "admin/share_group_types/index.html"
    page_title = _("Share Group Types")

    def get_data(self):
        try:
            group_types = api_group_types.share_group_type_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve share group types."))
            return []
        if group_types:
            try:
                names = {t.id: t.name
                         for t in api_share_types.share_type_list(self.request)}
            except Exception:
                exceptions.handle(self.request, _("Unable to retrieve share types."))
                names = {}
            for group_type in group_types:
                group_type.share_type_names = [names.get(i, i)
                                               for i in group_type.share_types or []]
        return sorted(group_types, key=lambda t: t.name or "")


class CreateView(policy.PolicyCheckedView, forms.ModalFormView):
    form_class = type_forms.CreateShareGroupTypeForm
    policy_rules = type_tables.CreateShareGroupType.policy_rules
    template_name = "admin/share_group_types/create.html"
    modal_id = "create_share_group_type_modal"
    submit_label = _("Create Share Group Type")
    submit_url = reverse_lazy("horizon:admin:share_group_types:create")
    success_url = INDEX
    page_title = _("Create Share Group Type")


class GroupTypeModalView(common_views.ObjectModalMixin, forms.ModalFormView):
    success_url = INDEX
    fetch = staticmethod(api_group_types.share_group_type_get)
    url_kwarg = "share_group_type_id"
    fetch_error = _("Unable to retrieve the share group type.")
    context_object_name = "share_group_type"


class UpdateSpecsView(GroupTypeModalView):
    form_class = type_forms.GroupSpecsForm
    policy_rules = type_tables.UpdateGroupSpecs.policy_rules
    template_name = "admin/share_group_types/update.html"
    modal_id = "update_share_group_type_modal"
    submit_label = _("Save Changes")
    submit_url_name = "horizon:admin:share_group_types:update"
    page_title = _("Update Group Specs")

    def get_initial(self):
        group_type = self.get_object()
        return {"share_group_type_id": group_type.id,
                "group_specs": dict(group_type.group_specs or {})}


class ManageAccessView(type_access.ManageAccessViewMixin, GroupTypeModalView):
    """The type, the projects given it and Keystone's projects: three calls."""

    form_class = type_forms.ManageAccessForm
    policy_rules = type_tables.ManageAccess.policy_rules
    template_name = "admin/share_group_types/manage_access.html"
    modal_id = "manage_share_group_type_access_modal"
    submit_url_name = "horizon:admin:share_group_types:manage_access"
    page_title = _("Manage Share Group Type Access")

    def access_list(self, request, the_type):
        return api_group_types.share_group_type_access_list(request, the_type.id)

