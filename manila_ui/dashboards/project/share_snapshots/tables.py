"""The project's snapshots table: no API call per row; and a mountable
snapshot's access rules (2.32).

Share names (and whether each share may mount its snapshots) come from one
lookup per page (views.py); row actions decide from the row, the policy
file and the negotiated microversion.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import shares as api_shares
from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils

STATUS_CHOICES = (
    ("available", True),
    ("error", False),
    ("error_deleting", False),
    ("manage_error", False),
    ("unmanage_error", False),
)

STATUS_DISPLAY_CHOICES = (
    ("available", pgettext_lazy("Status of a snapshot", "Available")),
    ("creating", pgettext_lazy("Status of a snapshot", "Creating")),
    ("deleting", pgettext_lazy("Status of a snapshot", "Deleting")),
    ("error", pgettext_lazy("Status of a snapshot", "Error")),
    ("error_deleting",
     pgettext_lazy("Status of a snapshot", "Error deleting")),
    ("restoring", pgettext_lazy("Status of a snapshot", "Restoring")),
    ("manage_starting", pgettext_lazy("Status of a snapshot", "Managing")),
    ("manage_error",
     pgettext_lazy("Status of a snapshot", "Error managing")),
    ("unmanage_starting",
     pgettext_lazy("Status of a snapshot", "Unmanaging")),
    ("unmanage_error",
     pgettext_lazy("Status of a snapshot", "Error unmanaging")),
)

DELETABLE_STATUSES = ("available", "error")


class CreateSnapshot(tables.LinkAction):
    name = "create"
    verbose_name = _("Create Snapshot")
    url = "horizon:project:share_snapshots:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share:create_snapshot"),)


class CreateShareFromSnapshot(policy.ProjectTargetMixin, tables.LinkAction):
    name = "create_share"
    verbose_name = _("Create Share")
    url = "horizon:project:shares:create"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:create"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, snapshot):
        return "{}?{}".format(reverse(self.url),
                              urlencode({"snapshot_id": snapshot.id}))

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status == "available"


class EditSnapshot(policy.ProjectTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Snapshot")
    url = "horizon:project:share_snapshots:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share:snapshot_update"),)

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status in ("available", "error")


class UpdateSnapshotMetadata(policy.ProjectTargetMixin, tables.LinkAction):
    name = "update_metadata"
    verbose_name = _("Edit Metadata")
    url = "horizon:project:share_snapshots:update_metadata"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_snapshot:update_metadata"),)

    def allowed(self, request, snapshot=None):
        if not utils.supports(request, "snapshot_metadata"):
            return False
        return snapshot is None or snapshot.status in ("available", "error")


class DeleteSnapshot(policy.ProjectTargetMixin, common_tables.RowApiCallMixin, tables.DeleteAction):
    default_message_level = "info"
    policy_rules = (("share", "share:delete_snapshot"),)
    api_call = staticmethod(api_snapshots.snapshot_delete)
    failure_message = _("Unable to delete the snapshot.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Snapshot", "Delete Snapshots", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled deletion of Snapshot",
                             "Scheduled deletion of Snapshots", count)

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status in DELETABLE_STATUSES


class ManageSnapshotRules(policy.ProjectTargetMixin, tables.LinkAction):
    """Only on a snapshot whose share may mount it (``mountable``, set by
    the view's one share lookup, or by a polling row)."""

    name = "manage_rules"
    verbose_name = _("Manage Rules")
    url = "horizon:project:share_snapshots:rules"
    policy_rules = (("share", "share_snapshot:access_list"),)
    row_kind = common_tables.same_for_every_row

    def allowed(self, request, snapshot=None):
        return snapshot is not None and is_mountable(request, snapshot) \
            and snapshot.status == "available"

    def get_link_url(self, snapshot):
        return reverse(self.url, args=(snapshot.id,))


def is_mountable(request, snapshot):
    return utils.supports(request, "mountable_snapshots") and bool(
        getattr(snapshot, "mountable", False))


class SnapshotsFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "status", "share_id")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, snapshot_id):
        snapshot = api_snapshots.snapshot_get(request, snapshot_id)
        # The share's name is not in the snapshot; the poll keeps the id
        # rather than paying a lookup per poll.  Its last poll (the row
        # settled) asks the share whether it may mount the snapshot.
        if snapshot.status == "available" and utils.supports(request, "mountable_snapshots"):
            snapshot.mountable = _share_mounts_snapshots(request, snapshot)
        return snapshot


def _share_mounts_snapshots(request, snapshot):
    try:
        share = api_shares.share_get(request, snapshot.share_id)
    except Exception:
        return False
    return bool(share.mount_snapshot_support)


def get_size(snapshot):
    if snapshot.size is None:
        return "-"
    return format_lazy("{} {}", snapshot.size, _("GiB"))


def get_share(snapshot):
    return getattr(snapshot, "share_name", None) or snapshot.share_id or "-"


def get_share_link(snapshot):
    if not snapshot.share_id:
        return None
    return common_tables.reverse_id("horizon:project:shares:detail", snapshot.share_id)


class SnapshotsTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    server_sort = {"name": "name", "size": "size", "status": "status",
                   "created": "created_at"}

    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"),
        link="horizon:project:share_snapshots:detail")
    description = tables.WrappingColumn("description",
                                        verbose_name=_("Description"))
    size = tables.Column(get_size, verbose_name=_("Size"),
                         attrs={"data-type": "size"})
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=STATUS_CHOICES, display_choices=STATUS_DISPLAY_CHOICES)
    share = tables.WrappingColumn(get_share, verbose_name=_("Share"),
                                  link=get_share_link)
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime,
                                     filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, snapshot):
        return snapshot.name_or_id

    class Meta:
        name = "share_snapshots"
        verbose_name = _("Share Snapshots")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (SnapshotsFilterAction, CreateSnapshot,
                         DeleteSnapshot)
        row_actions = (CreateShareFromSnapshot, EditSnapshot,
                       UpdateSnapshotMetadata, ManageSnapshotRules, DeleteSnapshot)


# -- a mountable snapshot's access rules (2.32) ------------------------------------

RULE_STATE_CHOICES = (("active", True), ("error", False))
RULE_STATE_DISPLAY = (
    ("active", pgettext_lazy("State of an access rule", "Active")),
    ("error", pgettext_lazy("State of an access rule", "Error")),
    ("queued_to_apply", pgettext_lazy("State of an access rule", "Queued to apply")),
    ("applying", pgettext_lazy("State of an access rule", "Applying")),
    ("queued_to_deny", pgettext_lazy("State of an access rule", "Queued to deny")),
    ("denying", pgettext_lazy("State of an access rule", "Denying")),
)
RULE_LEAVING = ("queued_to_deny", "denying")


class SnapshotRulePolicyMixin(policy.TableObjectTargetMixin):
    """Policy checks run against the snapshot's project."""

    target_kwarg = "snapshot"


class AddSnapshotRule(SnapshotRulePolicyMixin, tables.LinkAction):
    name = "add_rule"
    verbose_name = _("Add Rule")
    url = "horizon:project:share_snapshots:rule_add"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_snapshot:allow_access"),)

    def get_link_url(self, datum=None):
        return reverse(self.url, args=(self.table.kwargs["snapshot_id"],))


class DeleteSnapshotRule(SnapshotRulePolicyMixin, tables.DeleteAction):
    help_text = _("Clients the rule admitted lose access to the snapshot.")
    policy_rules = (("share", "share_snapshot:deny_access"),)

    @staticmethod
    def action_present(count):
        return ngettext("Delete Rule", "Delete Rules", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled deletion of Rule",
                             "Scheduled deletion of Rules", count)

    def allowed(self, request, rule=None):
        return rule is None or rule.state not in RULE_LEAVING

    def delete(self, request, obj_id):
        try:
            api_snapshots.snapshot_deny(request, self.table.kwargs["snapshot_id"], obj_id)
        except Exception:
            exceptions.handle(request, _('Unable to delete rule "%s".') % obj_id,
                              escalate=True)


class SnapshotRuleRow(tables.Row):
    ajax = True

    def get_data(self, request, rule_id):
        # A 404 (the rule went after a deny) removes the row.
        return api_snapshots.snapshot_rule_get(
            request, self.table.kwargs["snapshot_id"], rule_id)


class SnapshotRulesTable(common_tables.DataTable):
    access_type = tables.Column("access_type", verbose_name=_("Type"))
    access_to = tables.Column("access_to", verbose_name=_("Access To"))
    state = tables.Column("state", verbose_name=_("State"), status=True,
                          status_choices=RULE_STATE_CHOICES,
                          display_choices=RULE_STATE_DISPLAY)

    def get_object_display(self, rule):
        return rule.name_or_id

    class Meta:
        name = "snapshot_rules"
        verbose_name = _("Access Rules (read-only access to the snapshot)")
        status_columns = ["state"]
        row_class = SnapshotRuleRow
        table_actions = (AddSnapshotRule, DeleteSnapshotRule)
        row_actions = (DeleteSnapshotRule,)
