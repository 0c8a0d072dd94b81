"""The project's share networks: one page in one call, no call per row.

A network's zones come from its embedded subnets (2.51); its status and
the capability to change it while in use from the same answer (2.63).

The tables of a network's detail page (its subnets, its security services
and, for admins, its share servers) are built from the data the page
already has (the network embeds its subnets): no call per row either.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import limits as api_limits
from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.share_quotas import tables as quota_tables

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

SERVER_STATUS_DISPLAY_CHOICES = (
    ("active", pgettext_lazy("Status of a share server", "Active")),
    ("inactive", pgettext_lazy("Status of a share server", "Inactive")),
    ("creating", pgettext_lazy("Status of a share server", "Creating")),
    ("deleting", pgettext_lazy("Status of a share server", "Deleting")),
    ("error", pgettext_lazy("Status of a share server", "Error")),
    ("manage_starting", pgettext_lazy("Status of a share server", "Managing")),
    ("manage_error", pgettext_lazy("Status of a share server", "Error managing")),
    ("unmanage_starting", pgettext_lazy("Status of a share server", "Unmanaging")),
    ("unmanage_error", pgettext_lazy("Status of a share server", "Error unmanaging")),
    ("network_change", pgettext_lazy("Status of a share server", "Changing network")),
)


class CreateShareNetwork(quota_tables.QuotaCreateAction):
    verbose_name = label = _("Create Share Network")
    url = "horizon:project:share_networks:create"
    policy_rules = (("share", "share_network:create"),)
    quota_error = _("Unable to retrieve share network quotas.")

    def quota_exhausted(self, request):
        return api_limits.tenant_absolute_limits(request).share_networks.exhausted


class EditShareNetwork(policy.ProjectTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Share Network")
    url = "horizon:project:share_networks:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_network:update"),)


class DeleteShareNetwork(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                         tables.DeleteAction):
    help_text = _("A share network in use by shares cannot be deleted, nor one "
                  "with several subnets: delete all but one of them first.")
    policy_rules = (("share", "share_network:delete"),)
    api_call = staticmethod(api_networks.share_network_delete)
    # Manila's reason (shares on it, several subnets...) is the message.
    failure_message = _("Unable to delete the share network.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Share Network", "Delete Share Networks", count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Share Network", "Deleted Share Networks", count)

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
    return common_tables.reverse_id("horizon:project:share_networks:detail", network.id)


class ShareNetworksTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
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


# -- a network's detail page ------------------------------------------------------

class NetworkTargetMixin(policy.TableObjectTargetMixin):
    """Policy checks against the network's project (the table's kwarg)."""

    target_kwarg = "share_network"


def _network_id(table):
    return table.kwargs["share_network"].id


# -- subnets -----------------------------------------------------------------------

class AddSubnet(NetworkTargetMixin, tables.LinkAction):
    name = "add_subnet"
    verbose_name = _("Add Subnet")
    url = "horizon:project:share_networks:add_subnet"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_network_subnet:create"),)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(_network_id(self.table),))

    def allowed(self, request, datum=None):
        return utils.supports(request, "share_network_subnets")


class EditSubnetMetadata(NetworkTargetMixin, tables.LinkAction):
    name = "edit_metadata"
    verbose_name = _("Edit Metadata")
    url = "horizon:project:share_networks:subnet_metadata"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_network_subnet:update_metadata"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, subnet):
        return reverse(self.url, args=(_network_id(self.table), subnet.id))

    def allowed(self, request, subnet=None):
        return utils.supports(request, "subnet_metadata")


class DeleteSubnet(NetworkTargetMixin, tables.DeleteAction):
    help_text = _("A subnet whose share servers hold shares cannot be deleted.")
    policy_rules = (("share", "share_network_subnet:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext("Delete Subnet", "Delete Subnets", count)

    @staticmethod
    def action_past(count):
        return ngettext("Deleted Subnet", "Deleted Subnets", count)

    def allowed(self, request, subnet=None):
        return utils.supports(request, "share_network_subnets")

    def delete(self, request, obj_id):
        try:
            api_networks.subnet_delete(request, _network_id(self.table), obj_id)
        except Exception:
            exceptions.handle(request, _("Unable to delete the subnet."), escalate=True)


def get_zone(subnet):
    return subnet.availability_zone or _("All zones (default)")


def get_metadata(subnet):
    return ", ".join(f"{k}={v}" for k, v in sorted((subnet.metadata or {}).items())) \
        or "-"


class SubnetsTable(common_tables.DataTable):
    zone = tables.Column(get_zone, verbose_name=_("Availability Zone"))
    neutron_net_id = tables.Column("neutron_net_id", verbose_name=_("Neutron Network"),
                                   empty_value="-")
    neutron_subnet_id = tables.Column("neutron_subnet_id",
                                      verbose_name=_("Neutron Subnet"), empty_value="-")
    cidr = tables.Column("cidr", verbose_name=_("CIDR"), empty_value="-")
    segmentation_id = tables.Column("segmentation_id", verbose_name=_("Segmentation ID"),
                                    empty_value="-")
    metadata = tables.WrappingColumn(get_metadata, verbose_name=_("Metadata"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_id(self, subnet):
        return subnet.id

    def get_object_display(self, subnet):
        return str(get_zone(subnet))

    class Meta:
        name = "subnets"
        verbose_name = _("Subnets")
        table_actions = (AddSubnet, DeleteSubnet)
        row_actions = (EditSubnetMetadata, DeleteSubnet)


# -- security services ----------------------------------------------------------------

class AddSecurityService(NetworkTargetMixin, tables.LinkAction):
    name = "add_security_service"
    verbose_name = _("Add Security Service")
    url = "horizon:project:share_networks:add_security_service"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_network:add_security_service"),)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(_network_id(self.table),))


class ReplaceSecurityService(NetworkTargetMixin, tables.LinkAction):
    name = "replace"
    verbose_name = _("Replace")
    url = "horizon:project:share_networks:replace_security_service"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_network:update_security_service"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, service):
        return "{}?{}".format(reverse(self.url, args=(_network_id(self.table),)),
                              urlencode({"current": service.id}))

    def allowed(self, request, service=None):
        return utils.supports(request, "share_network_security_service_update")


class RemoveSecurityService(NetworkTargetMixin, tables.DeleteAction):
    name = "remove"
    help_text = _("A network whose share servers use a service keeps it; replace it "
                  "by another one of its type instead.")
    policy_rules = (("share", "share_network:remove_security_service"),)

    @staticmethod
    def action_present(count):
        return ngettext("Remove Security Service", "Remove Security Services",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext("Removed Security Service", "Removed Security Services",
                             count)

    def delete(self, request, obj_id):
        try:
            api_networks.security_service_remove(request, _network_id(self.table), obj_id)
        except Exception:
            exceptions.handle(request, _("Unable to remove the security service."),
                              escalate=True)


def get_service_link(service):
    return common_tables.reverse_id("horizon:project:security_services:detail", service.id)


class NetworkSecurityServicesTable(common_tables.DataTable):
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_service_link)
    type = tables.Column("type", verbose_name=_("Type"))
    server = tables.Column("server", verbose_name=_("Server"), empty_value="-")
    domain = tables.Column("domain", verbose_name=_("Domain"), empty_value="-")

    def get_object_display(self, service):
        return service.name_or_id

    class Meta:
        name = "security_services"
        verbose_name = _("Security Services")
        table_actions = (AddSecurityService,)
        row_actions = (ReplaceSecurityService, RemoveSecurityService)


# -- share servers (admins) ---------------------------------------------------------------

def get_server_link(server):
    return common_tables.reverse_id("horizon:admin:share_servers:detail", server.id)


class NetworkShareServersTable(common_tables.DataTable):
    id = tables.Column("id", verbose_name=_("ID"), link=get_server_link)
    host = tables.Column("host", verbose_name=_("Host"))
    status = tables.Column("status", verbose_name=_("Status"),
                           display_choices=SERVER_STATUS_DISPLAY_CHOICES)
    subnets = tables.Column(lambda s: ", ".join(s.subnet_ids) or "-",
                            verbose_name=_("Subnets"))

    class Meta:
        name = "share_servers"
        verbose_name = _("Share Servers")
