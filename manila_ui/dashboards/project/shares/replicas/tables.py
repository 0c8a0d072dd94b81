"""A share's replicas (2.56) on its detail page's Replicas tab: one list
call; create, promote, resync, delete; rows that are transitional or out of
sync update themselves."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables
from horizon.utils import filters

from manila_ui.api import share_replicas as api_replicas
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy

REPLICA_STATUS_CHOICES = (("available", True), ("error", False))
REPLICA_STATE_CHOICES = (("active", True), ("in_sync", True), ("error", False))


class _ReplicaAction(policy.TableObjectTargetMixin):
    target_kwarg = "share"
    states: tuple[str, ...] = ()

    def allowed(self, request, replica=None):
        return replica is None or (replica.status == "available"
                                   and replica.replica_state in self.states)


class CreateReplica(policy.TableObjectTargetMixin, tables.LinkAction):
    name = "create_replica"
    verbose_name = _("Create Replica")
    url = "horizon:project:shares:create_replica"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_replica:create"),)
    target_kwarg = "share"

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(self.table.kwargs["share"].id,))


class PromoteReplica(_ReplicaAction, common_tables.RowApiCallMixin, tables.BatchAction):
    name = "promote"
    policy_rules = (("share", "share_replica:promote"),)
    states = ("in_sync",)
    api_call = staticmethod(api_replicas.replica_promote)
    failure_message = _("Unable to promote the replica.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Promote Replica", "Promote Replicas", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Promoting Replica", "Promoting Replicas", count)


class ResyncReplica(PromoteReplica):
    name = "resync"
    policy_rules = (("share", "share_replica:resync"),)
    states = ("out_of_sync", "error")
    api_call = staticmethod(api_replicas.replica_resync)
    failure_message = _("Unable to resync the replica.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Resync Replica", "Resync Replicas", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Resyncing Replica", "Resyncing Replicas", count)


class DeleteReplica(_ReplicaAction, common_tables.RowApiCallMixin, tables.DeleteAction):
    help_text = _("The active replica cannot be deleted: promote another one first.")
    policy_rules = (("share", "share_replica:delete"),)
    states = ("in_sync", "out_of_sync", "error")
    api_call = staticmethod(api_replicas.replica_delete)
    failure_message = _("Unable to delete the replica.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Replica", "Delete Replicas", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled deletion of Replica",
                             "Scheduled deletion of Replicas", count)

    def allowed(self, request, replica=None):
        return replica is None or (replica.replica_state != "active" and
                                   replica.status in ("available", "error"))


class ForceDeleteReplica(common_tables.Dangerous, DeleteReplica):
    name = "force_delete"
    help_text = _("Manila removes the replica whatever its state, even when the back "
                  "end fails to (not the active one).")
    policy_rules = (("share", "share_replica:force_delete"),)
    api_call = staticmethod(api_replicas.replica_force_delete)
    failure_message = _("Unable to force-delete the replica.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Force Delete Replica", "Force Delete Replicas", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled forced deletion of Replica",
                             "Scheduled forced deletion of Replicas", count)

    def allowed(self, request, replica=None):
        return replica is None or replica.replica_state != "active"


class ResetReplicaState(policy.TableObjectTargetMixin, tables.LinkAction):
    name = "reset_replica_state"
    verbose_name = _("Reset Replica State")
    url = "horizon:admin:shares:reset_replica_state"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_replica:reset_replica_state"),)
    target_kwarg = "share"
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, replica):
        return reverse(self.url, args=(replica.id,))


class ReplicaRow(tables.Row):
    ajax = True

    def get_data(self, request, replica_id):
        return api_replicas.replica_get(request, replica_id)


class ReplicasTable(common_tables.DataTable):
    id = tables.Column("id", verbose_name=_("ID"))
    status = tables.Column("status", verbose_name=_("Status"), status=True,
                           status_choices=REPLICA_STATUS_CHOICES)
    replica_state = tables.Column("replica_state", verbose_name=_("Replica State"),
                                  status=True, status_choices=REPLICA_STATE_CHOICES)
    availability_zone = tables.Column("availability_zone",
                                      verbose_name=_("Availability Zone"))
    # Manila shows a replica's host to admins only (None to others).
    host = tables.Column(lambda replica: replica.host or "-", verbose_name=_("Host"))
    updated = tables.Column("updated_at", verbose_name=_("Updated"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, replica):
        return replica.id

    class Meta:
        # The tab's slug: Horizon posts a tab's table actions to the tab so named.
        name = "replicas"
        verbose_name = _("Replicas")
        status_columns = ["status", "replica_state"]
        row_class = ReplicaRow
        table_actions = (CreateReplica, DeleteReplica)
        row_actions = (PromoteReplica, ResyncReplica, ResetReplicaState, DeleteReplica,
                       ForceDeleteReplica)
