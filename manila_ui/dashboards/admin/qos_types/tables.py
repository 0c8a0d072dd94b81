"""QoS types with their specs: one call for the whole page."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables
from horizon.utils import filters

from manila_ui.api import qos_types as api_qos_types
from manila_ui.dashboards import common_tables


class CreateQosType(tables.LinkAction):
    name = "create"
    verbose_name = _("Create QoS Type")
    url = "horizon:admin:qos_types:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "qos_type:create"),)


class _QosTypeLink(tables.LinkAction):
    classes = ("ajax-modal",)
    row_kind = common_tables.same_for_every_row  # the link is the row's id

    def get_link_url(self, qos_type):
        return reverse(self.url, args=(qos_type.id,))


class EditQosType(_QosTypeLink):
    name = "edit"
    verbose_name = _("Edit Description")
    url = "horizon:admin:qos_types:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "qos_type:update"),)


class ManageSpecs(_QosTypeLink):
    name = "specs"
    verbose_name = _("Manage Specs")
    url = "horizon:admin:qos_types:specs"
    # Adding or changing specs; removing one is its own rule, checked by Manila.
    policy_rules = (("share", "qos_type_specs:create"),)


class DeleteQosType(common_tables.RowApiCallMixin, tables.DeleteAction):
    policy_rules = (("share", "qos_type:delete"),)
    api_call = staticmethod(api_qos_types.qos_type_delete)
    failure_message = _("Unable to delete the QoS type.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete QoS Type", "Delete QoS Types", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Deleted QoS Type", "Deleted QoS Types", count)


def get_specs(qos_type):
    specs = qos_type.specs or {}
    if not specs:
        return "-"
    return format_html('<ul class="list-unstyled">{}</ul>', format_html_join(
        "", "<li><code>{}</code>={}</li>", sorted(specs.items())))


class QosTypesTable(common_tables.DataTable):
    name = tables.WrappingColumn("name", verbose_name=_("Name"))
    description = tables.WrappingColumn(lambda q: q.description or "-",
                                        verbose_name=_("Description"))
    specs = tables.Column(get_specs, verbose_name=_("Specs"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, qos_type):
        return qos_type.name

    class Meta:
        name = "qos_types"
        verbose_name = _("QoS Types")
        table_actions = (CreateQosType, DeleteQosType)
        row_actions = (ManageSpecs, EditQosType, DeleteQosType)
