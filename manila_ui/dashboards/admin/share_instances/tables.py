"""Every share instance: one list call (Manila does not page them; the
table pages the answer); rows in a transitional status update in place."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables

from manila_ui.api import share_instances as api_instances
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards.project.shares import tables as share_tables

STATUS_CHOICES = (
    ("available", True),
    # Waiting for an admin's migration_complete / cancel: nothing to poll.
    ("migrating", True),
    ("migrating_to", True),
    ("error", False),
    ("error_deleting", False),
)


class ResetInstanceStatus(policy.CachedPolicyMixin, tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_instances:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_instance:reset_status"),)


class ForceDeleteInstance(common_tables.Dangerous, common_tables.RowApiCallMixin,
                          policy.CachedPolicyMixin, tables.BatchAction):
    name = "force_delete"
    help_text = _("Manila removes the instance whatever its status; a share's only "
                  "instance takes the share with it.")
    policy_rules = (("share", "share_instance:force_delete"),)
    api_call = staticmethod(api_instances.instance_force_delete)
    failure_message = _("Unable to force-delete the share instance.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Force Delete Share Instance",
                             "Force Delete Share Instances", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled force deletion of Share Instance",
                             "Scheduled force deletion of Share Instances", count)


class InstancesFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("status", "host")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, instance_id):
        return api_instances.instance_get(request, instance_id)


def get_share_link(instance):
    if not instance.share_id:
        return None
    return reverse("horizon:admin:shares:detail", args=(instance.share_id,))


def get_network_link(instance):
    if not instance.share_network_id:
        return None
    return reverse("horizon:admin:share_networks:detail",
                   args=(instance.share_network_id,))


def get_server_link(instance):
    if not instance.share_server_id:
        return None
    return reverse("horizon:admin:share_servers:detail", args=(instance.share_server_id,))


class ShareInstancesTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    id = tables.Column("id", verbose_name=_("ID"),
                       link="horizon:admin:share_instances:detail")
    share = tables.Column("share_id", verbose_name=_("Share"), link=get_share_link)
    host = tables.Column("host", verbose_name=_("Host"))
    status = tables.Column("status", verbose_name=_("Status"), status=True,
                           status_choices=STATUS_CHOICES,
                           display_choices=share_tables.STATUS_DISPLAY_CHOICES)
    replica_state = tables.Column(lambda i: i.replica_state or "-",
                                  verbose_name=_("Replica State"))
    availability_zone = tables.Column("availability_zone",
                                      verbose_name=_("Availability Zone"))
    network = tables.Column(lambda i: i.share_network_id or "-",
                            verbose_name=_("Share Network"), link=get_network_link)
    server = tables.Column(lambda i: i.share_server_id or "-",
                           verbose_name=_("Share Server"), link=get_server_link)

    def get_object_display(self, instance):
        return instance.id

    class Meta:
        name = "share_instances"
        verbose_name = _("Share Instances")
        status_columns = ["status"]
        row_class = UpdateRow
        table_actions = (InstancesFilterAction, ForceDeleteInstance)
        row_actions = (ResetInstanceStatus, ForceDeleteInstance)
