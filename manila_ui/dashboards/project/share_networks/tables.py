"""The project's share networks: one page in one call, no call per row.

A network's zones come from its embedded subnets (2.51); its status and
the capability to change it while in use from the same answer (2.63).
"""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters
from openstack_dashboard import policy

from manila_ui.api import limits as api_limits
from manila_ui.api import share_networks as api_networks
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


class CreateShareNetwork(tables.LinkAction):
    name = "create"
    verbose_name = _("Create Share Network")
    url = "horizon:project:share_networks:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_network:create"),)
    ajax = True

    def __init__(self, attrs=None, **kwargs):
        kwargs["preempt"] = True
        super().__init__(attrs, **kwargs)

    def allowed(self, request, datum=None):
        # One /limits per page (memoized on the request).
        try:
            usage = api_limits.tenant_absolute_limits(request).share_networks
        except Exception:
            exceptions.handle(request, _("Unable to retrieve share network quotas."))
            return True
        classes = [c for c in self.classes if c != "disabled"]
        if usage.exhausted:
            classes.append("disabled")
            self.verbose_name = format_lazy("{} {}", _("Create Share Network"),
                                            _("(Quota exceeded)"))
        else:
            self.verbose_name = _("Create Share Network")
        self.classes = classes
        return True

    def single(self, table, request, object_id=None):
        from django.http import HttpResponse

        self.allowed(request, None)
        return HttpResponse(self.render(is_table_action=True))


class EditShareNetwork(NetworkPolicyTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Share Network")
    url = "horizon:project:share_networks:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_network:update"),)


class DeleteShareNetwork(NetworkPolicyTargetMixin, tables.DeleteAction):
    help_text = _("A share network in use by shares cannot be deleted, nor one "
                  "with several subnets: delete all but one of them first.")
    policy_rules = (("share", "share_network:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Network", "Delete Share Networks", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Deleted Share Network", "Deleted Share Networks", count)

    def allowed(self, request, network=None):
        return network is None or network.status != "network_change"

    def delete(self, request, obj_id):
        try:
            api_networks.share_network_delete(request, obj_id)
        except Exception:
            # Manila's reason (shares on it, several subnets...) is the message.
            exceptions.handle(request, _("Unable to delete the share network."),
                              escalate=True)


class ShareNetworksFilterAction(tables.FilterAction):
    """Server-side: Manila matches ``name~`` and ``description~`` as plain
    substrings (nothing the user types is a pattern, here or there)."""

    filter_type = "server"
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
