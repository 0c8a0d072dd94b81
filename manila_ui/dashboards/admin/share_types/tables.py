"""Share types, and the pools with the squash modes they honour (one call
each for the whole page)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from horizon import exceptions
from horizon import tables

from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import type_access

SQUASH_SPEC = "squash_support"
SHOWN_APART = ("driver_handles_share_servers", SQUASH_SPEC)
# The extra spec naming a QoS type (2.94); set among the other extra specs.
QOS_SPEC = "default_qos_type"


def spec_is_true(value):
    text = str(value or "").lower().replace("<is>", "").strip()
    return text in ("true", "1", "yes", "on", "t", "y")


class CreateShareType(tables.LinkAction):
    name = "create"
    verbose_name = _("Create Share Type")
    url = "horizon:admin:share_types:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_type:create"),)


class EditExtraSpecs(tables.LinkAction):
    name = "extra_specs"
    verbose_name = _("Edit Extra Specs")
    url = "horizon:admin:share_types:extra_specs"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_types_extra_spec:create"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, share_type):
        return reverse(self.url, args=(share_type.id,))


class UpdateShareType(tables.LinkAction):
    """Rename, describe or change the visibility of a type (2.50)."""

    name = "update"
    verbose_name = _("Edit Share Type")
    url = "horizon:admin:share_types:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_type:update"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, share_type):
        return reverse(self.url, args=(share_type.id,))

    def allowed(self, request, share_type=None):
        return utils.supports(request, "share_type_update")


class ManageAccess(type_access.ManageAccess):
    url = "horizon:admin:share_types:manage_access"
    policy_rules = (("share", "share_type:list_project_access"),)


class ShareTypesFilterAction(common_tables.ServerFilterAction):
    """Manila filters by extra spec (2.43, exact values); the name filter
    applies to the one list Manila returns (it has no name filter)."""

    filter_choices = (("name", _("Name contains"), True),
                      ("extra_specs", _("Extra spec (key=value)"), True))


class DeleteShareType(tables.DeleteAction):
    policy_rules = (("share", "share_type:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext("Delete Share Type", "Delete Share Types", count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Share Type", "Deleted Share Types", count)

    def delete(self, request, obj_id):
        try:
            api_share_types.share_type_delete(request, obj_id)
        except Exception:
            exceptions.handle(request, _('Unable to delete share type "%s".') % obj_id,
                              escalate=True)


def get_visibility(share_type):
    return _("Public") if share_type.is_public else _("Private")


def get_dhss(share_type):
    return _("Yes") if share_type.driver_handles_share_servers else _("No")


def get_default(share_type):
    """Manila's default type (2.46); unknown before."""
    if share_type.is_default is None:
        return "-"
    return _("Yes") if share_type.is_default else _("No")


def get_squash(share_type):
    return _("Yes") if spec_is_true((share_type.extra_specs or {}).get(SQUASH_SPEC)) \
        else _("No")


def get_qos_type(share_type):
    """The QoS type the type names (2.94): its name, as the view found it."""
    wanted = (share_type.extra_specs or {}).get(QOS_SPEC)
    if not wanted:
        return "-"
    return getattr(share_type, "qos_type_name", None) or wanted


def get_other_specs(share_type):
    other = {k: v for k, v in (share_type.extra_specs or {}).items()
             if k not in SHOWN_APART and k != QOS_SPEC}
    if not other:
        return "-"
    return format_html('<ul class="list-unstyled">{}</ul>', format_html_join(
        "", "<li><code>{}</code>={}</li>", sorted(other.items())))


class ShareTypesTable(common_tables.DataTable):
    name = tables.Column("name", verbose_name=_("Name"))
    description = tables.Column("description", verbose_name=_("Description"))
    visibility = tables.Column(get_visibility, verbose_name=_("Visibility"))
    is_default = tables.Column(get_default, verbose_name=_("Default"))
    dhss = tables.Column(get_dhss, verbose_name=_("Share Servers (DHSS)"))
    squash = tables.Column(get_squash, verbose_name=_("Squash Support"))
    qos_type = tables.Column(get_qos_type, verbose_name=_("QoS Type"))
    extra_specs = tables.Column(get_other_specs, verbose_name=_("Other Extra Specs"))

    def get_object_display(self, share_type):
        return share_type.name

    class Meta:
        name = "share_types"
        verbose_name = _("Share Types")
        table_actions = (ShareTypesFilterAction, CreateShareType, DeleteShareType)
        row_actions = (UpdateShareType, EditExtraSpecs, ManageAccess, DeleteShareType)


def get_protocols(pool):
    return ", ".join(pool.protocols) or "-"


def get_pool_squash(pool):
    caps = pool.capabilities or {}
    if not caps.get(SQUASH_SPEC):
        return _("No")
    return ", ".join(caps.get("squash_modes") or []) or _("Yes")


class PoolsTable(common_tables.DataTable):
    name = tables.Column("name", verbose_name=_("Pool"))
    backend = tables.Column(
        lambda pool: (pool.capabilities or {}).get("share_backend_name") or pool.backend,
        verbose_name=_("Back End"))
    protocols = tables.Column(get_protocols, verbose_name=_("Protocols"))
    squash = tables.Column(get_pool_squash, verbose_name=_("Squash Modes"))

    def get_object_id(self, pool):
        return pool.name

    class Meta:
        name = "pools"
        verbose_name = _("Pools (the share types' squash_support lands shares "
                         "only on pools with squash modes)")
