"""The tables of a share network's detail page: its subnets, its security
services, and (admins) its share servers.  They are built from the data
the page already has (the network embeds its subnets): no call per row."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters
from openstack_dashboard import policy

from manila_ui.api import share_networks as api_networks
from manila_ui.dashboards import utils


class NetworkTargetMixin(policy.PolicyTargetMixin):
    """Policy checks against the network's project (the table's kwarg)."""

    def get_policy_target(self, request, datum=None):
        network = self.table.kwargs.get("share_network")
        return {"project_id": getattr(network, "project_id", None)}


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

    def get_link_url(self, subnet):
        return reverse(self.url, args=(_network_id(self.table), subnet.id))

    def allowed(self, request, subnet=None):
        return utils.supports(request, "subnet_metadata")


class DeleteSubnet(NetworkTargetMixin, tables.DeleteAction):
    help_text = _("A subnet whose share servers hold shares cannot be deleted.")
    policy_rules = (("share", "share_network_subnet:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Subnet", "Delete Subnets", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Deleted Subnet", "Deleted Subnets", count)

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


class SubnetsTable(tables.DataTable):
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
        return ngettext_lazy("Remove Security Service", "Remove Security Services",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Removed Security Service", "Removed Security Services",
                             count)

    def delete(self, request, obj_id):
        try:
            api_networks.security_service_remove(request, _network_id(self.table), obj_id)
        except Exception:
            exceptions.handle(request, _("Unable to remove the security service."),
                              escalate=True)


def get_service_link(service):
    return reverse("horizon:project:security_services:detail", args=(service.id,))


class NetworkSecurityServicesTable(tables.DataTable):
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
    return reverse("horizon:admin:share_servers:detail", args=(server.id,))


class NetworkShareServersTable(tables.DataTable):
    id = tables.Column("id", verbose_name=_("ID"), link=get_server_link)
    host = tables.Column("host", verbose_name=_("Host"))
    status = tables.Column("status", verbose_name=_("Status"))
    subnets = tables.Column(lambda s: ", ".join(s.subnet_ids) or "-",
                            verbose_name=_("Subnets"))

    class Meta:
        name = "share_servers"
        verbose_name = _("Share Servers")
