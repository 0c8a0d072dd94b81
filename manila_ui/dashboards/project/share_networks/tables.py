"""The project's share networks: one page in one call, no call per row.

A network's zones come from its embedded subnets (2.51); its status and
the capability to change it while in use from the same answer (2.63).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import tables
from horizon.utils import filters
from openstack_dashboard import policy

from manila_ui.api import limits as api_limits
from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination

STATUS_CHOICES = (
    ("active", True),
    ("error", False),
)

STATUS_DISPLAY_CHOICES = (
    ("active", pgettext_lazy("Status of a share network", "Active")),
    ("error", pgettext_lazy("Status of a share network", "Error")),
    ("network_change",
     pgettext_lazy("Status of a share network", "Changing network")),
)


class NetworkPolicyTargetMixin(policy.PolicyTargetMixin):
    policy_target_attrs = (("project_id", "project_id"),)


class CreateShareNetwork(common_tables.QuotaCreateAction):
    verbose_name = label = _("Create Share Network")
    url = "horizon:project:share_networks:create"
    policy_rules = (("share", "share_network:create"),)
    quota_error = _("Unable to retrieve share network quotas.")

    def quota_exhausted(self, request):
        return api_limits.tenant_absolute_limits(request).share_networks.exhausted


class EditShareNetwork(NetworkPolicyTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Share Network")
    url = "horizon:project:share_networks:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_network:update"),)


class DeleteShareNetwork(NetworkPolicyTargetMixin, common_tables.RowApiCallMixin,
                         tables.DeleteAction):
    help_text = _("A share network in use by shares cannot be deleted, nor one "
                  "with several subnets: delete all but one of them first.")
    policy_rules = (("share", "share_network:delete"),)
    api_call = staticmethod(api_networks.share_network_delete)
    # Manila's reason (shares on it, several subnets...) is the message.
    failure_message = _("Unable to delete the share network.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Network", "Delete Share Networks", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Deleted Share Network", "Deleted Share Networks", count)

    def allowed(self, request, network=None):
        return network is None or network.status != "network_change"


class ShareNetworksFilterAction(common_tables.ServerFilterAction):
    """Manila matches ``name~`` and ``description~`` as plain substrings
    (nothing the user types is a pattern, here or there)."""

    filter_choices = (
        ("name", _("Name contains"), True),
        ("description", _("Description contains"), True),
    )


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, network_id):
        return api_networks.share_network_get(request, network_id)


def get_status(network):
    # Before 2.63 Manila has no network status: a network is simply usable.
    return network.status or "active"


def get_zones(network):
    zones = network.availability_zones
    return ", ".join(str(_("All zones")) if zone is None else zone for zone in zones) \
        or "-"


def get_detail_link(network):
    return reverse("horizon:project:share_networks:detail", args=(network.id,))


class ShareNetworksTable(pagination.OffsetPagedTableMixin, tables.DataTable):
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_detail_link)
    description = tables.WrappingColumn("description", verbose_name=_("Description"))
    zones = tables.Column(get_zones, verbose_name=_("Availability Zones"))
    status = tables.Column(get_status, verbose_name=_("Status"), status=True,
                           status_choices=STATUS_CHOICES,
                           display_choices=STATUS_DISPLAY_CHOICES)
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, network):
        return network.name_or_id

    class Meta:
        name = "share_networks"
        verbose_name = _("Share Networks")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (ShareNetworksFilterAction, CreateShareNetwork,
                         DeleteShareNetwork)
        row_actions = (EditShareNetwork, DeleteShareNetwork)
