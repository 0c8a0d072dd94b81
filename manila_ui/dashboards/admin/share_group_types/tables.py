"""The share group types table: the types (one call) named with their share
types (one call); no call per row."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables

from manila_ui.api import share_group_types as api_group_types
from manila_ui.dashboards import common_tables
from manila_ui.dashboards.admin import type_access


class CreateShareGroupType(tables.LinkAction):
    name = "create"
    verbose_name = _("Create Share Group Type")
    url = "horizon:admin:share_group_types:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_group_type:create"),)


class UpdateGroupSpecs(tables.LinkAction):
    name = "update"
    verbose_name = _("Update Group Specs")
    url = "horizon:admin:share_group_types:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_group_types_spec:update"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, group_type):
        return reverse(self.url, args=(group_type.id,))


class ManageAccess(type_access.ManageAccess):
    url = "horizon:admin:share_group_types:manage_access"
    policy_rules = (("share", "share_group_type:list_project_access"),)


class DeleteShareGroupType(common_tables.RowApiCallMixin, tables.DeleteAction):
    help_text = _("A share group type in use by share groups cannot be deleted.")
    policy_rules = (("share", "share_group_type:delete"),)
    api_call = staticmethod(api_group_types.share_group_type_delete)
    failure_message = _("Unable to delete the share group type.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Group Type", "Delete Share Group Types",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Deleted Share Group Type", "Deleted Share Group Types",
                             count)


def get_visibility(group_type):
    return _("Public") if group_type.is_public else _("Private")


def get_share_types(group_type):
    names = getattr(group_type, "share_type_names", None)
    return ", ".join(names or group_type.share_types or []) or "-"


def get_specs(group_type):
    specs = group_type.group_specs or {}
    return ", ".join(f"{k}={v}" for k, v in sorted(specs.items())) or "-"


def get_default(group_type):
    return _("Yes") if group_type.is_default else _("No")


class ShareGroupTypesTable(common_tables.DataTable):
    name = tables.WrappingColumn("name", verbose_name=_("Name"))
    share_types = tables.WrappingColumn(get_share_types, verbose_name=_("Share Types"))
    group_specs = tables.WrappingColumn(get_specs, verbose_name=_("Group Specs"))
    visibility = tables.Column(get_visibility, verbose_name=_("Visibility"))
    is_default = tables.Column(get_default, verbose_name=_("Default"))

    def get_object_display(self, group_type):
        return group_type.name

    class Meta:
        name = "share_group_types"
        verbose_name = _("Share Group Types")
        table_actions = (CreateShareGroupType, DeleteShareGroupType)
        row_actions = (UpdateGroupSpecs, ManageAccess, DeleteShareGroupType)
