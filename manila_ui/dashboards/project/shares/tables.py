"""The project's shares table, its actions, and the recycle bin's table.

No API call per row, ever: every ``allowed()`` decides from the row's own
fields, the local policy file and the negotiated microversion, so a page of
N rows costs the same as a page of one. Policy names are Manila's own. The
only table-level call is the quota for the Create button, one ``/limits``
per page (memoized on the request).
"""

from typing import Any

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import limits as api_limits
from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import shares as api_shares
from manila_ui.api import transfers as api_transfers
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.resource_locks import tables as lock_tables
from manila_ui.dashboards.project.share_backups import tables as backup_tables
from manila_ui.dashboards.project.share_rules import tables as rule_tables
from manila_ui.dashboards.share_quotas import tables as quota_tables

# Manila's share statuses: True = settled and fine, False = settled in an
# error, absent = in progress (the row polls until it settles).
STATUS_CHOICES = (
    ("available", True),
    ("inactive", True),
    # Waits for the receiving project, which may take days: do not poll.
    ("awaiting_transfer", True),
    ("error", False),
    ("error_deleting", False),
    ("error_deferred_deleting", False),
    ("extending_error", False),
    ("shrinking_error", False),
    ("shrinking_possible_data_loss_error", False),
    ("manage_error", False),
    ("unmanage_error", False),
    ("unmanaged", False),
    ("reverting_error", False),
    ("backup_restoring_error", False),
)

STATUS_DISPLAY_CHOICES = (
    ("available", pgettext_lazy("Current status of share", "Available")),
    ("inactive", pgettext_lazy("Current status of share", "Inactive")),
    ("creating", pgettext_lazy("Current status of share", "Creating")),
    ("creating_from_snapshot",
     pgettext_lazy("Current status of share", "Creating from snapshot")),
    ("deleting", pgettext_lazy("Current status of share", "Deleting")),
    ("deferred_deleting",
     pgettext_lazy("Current status of share", "Deleting (deferred)")),
    ("error", pgettext_lazy("Current status of share", "Error")),
    ("error_deleting",
     pgettext_lazy("Current status of share", "Error deleting")),
    ("error_deferred_deleting",
     pgettext_lazy("Current status of share", "Error deleting (deferred)")),
    ("extending", pgettext_lazy("Current status of share", "Extending")),
    ("extending_error",
     pgettext_lazy("Current status of share", "Error extending")),
    ("shrinking", pgettext_lazy("Current status of share", "Shrinking")),
    ("shrinking_error",
     pgettext_lazy("Current status of share", "Error shrinking")),
    ("shrinking_possible_data_loss_error",
     pgettext_lazy("Current status of share",
                   "Error shrinking (possible data loss)")),
    ("manage_starting", pgettext_lazy("Current status of share", "Managing")),
    ("manage_error", pgettext_lazy("Current status of share", "Error managing")),
    ("unmanage_starting",
     pgettext_lazy("Current status of share", "Unmanaging")),
    ("manage_error_unmanage_starting",
     pgettext_lazy("Current status of share", "Unmanaging")),
    ("unmanage_error",
     pgettext_lazy("Current status of share", "Error unmanaging")),
    ("unmanaged", pgettext_lazy("Current status of share", "Unmanaged")),
    ("reverting", pgettext_lazy("Current status of share", "Reverting")),
    ("reverting_error",
     pgettext_lazy("Current status of share", "Error reverting")),
    ("migrating", pgettext_lazy("Current status of share", "Migrating")),
    ("migrating_to", pgettext_lazy("Current status of share", "Migrating")),
    ("replication_change",
     pgettext_lazy("Current status of share", "Changing replica")),
    ("awaiting_transfer",
     pgettext_lazy("Current status of share", "Awaiting transfer")),
    ("backup_creating",
     pgettext_lazy("Current status of share", "Backing up")),
    ("backup_restoring",
     pgettext_lazy("Current status of share", "Restoring backup")),
    ("backup_restoring_error",
     pgettext_lazy("Current status of share", "Error restoring backup")),
    ("ensuring", pgettext_lazy("Current status of share", "Ensuring")),
    ("server_migrating",
     pgettext_lazy("Current status of share", "Server migrating")),
    ("server_migrating_to",
     pgettext_lazy("Current status of share", "Server migrating")),
)

# Manila extends, shrinks, reverts, snapshots and transfers only these.
SETTLED = ("available",)
# Manila refuses to delete a share in any other status (without force).
DELETABLE_STATUSES = ("available", "error", "inactive")
EDITABLE_STATUSES = ("available", "inactive", "error")

VISIBILITY_DISPLAY = {True: _("Public"), False: _("Private")}


class CreateShare(quota_tables.QuotaCreateAction):
    verbose_name = label = _("Create Share")
    url = "horizon:project:shares:create"
    policy_rules = (("share", "share:create"),)
    quota_error = _("Unable to retrieve share quotas.")

    def quota_exhausted(self, request):
        return not api_limits.tenant_absolute_limits(request).can_create_share


class EditShare(policy.ProjectTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Share")
    url = "horizon:project:shares:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share:update"),)

    def allowed(self, request, share=None):
        return share is None or share.status in EDITABLE_STATUSES


class DeleteShare(policy.ProjectTargetMixin, tables.DeleteAction):
    help_text = _("Deleted shares are not recoverable: all data stored in "
                  "the share is removed.")
    default_message_level = "info"
    policy_rules = (("share", "share:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext("Delete Share", "Delete Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled deletion of Share",
                             "Scheduled deletion of Shares", count)

    def allowed(self, request, share=None):
        return share is None or share.status in DELETABLE_STATUSES

    def delete(self, request, obj_id):
        # A share of a group is deleted with its group's id (Manila asks).
        share = self.table.get_object_by_id(obj_id) if self.table.data else None
        try:
            api_shares.share_delete(request, obj_id,
                                    getattr(share, "share_group_id", None))
        except Exception:
            # Keep Manila's reason (e.g. the share still has snapshots);
            # escalate so the batch counts it as failed, without a 2nd message.
            exceptions.handle(request,
                              _('Unable to delete share "%s".')
                              % self._display(obj_id), escalate=True)

    def _display(self, obj_id):
        try:
            return self.table.get_object_display(
                self.table.get_object_by_id(obj_id))
        except Exception:
            return obj_id


class _ShareAction(policy.ProjectTargetMixin):
    """Checks a named microversion feature and the row's status."""

    feature = None
    statuses = SETTLED

    def allowed(self, request, share=None):
        if self.feature and not utils.supports(request, self.feature):
            return False
        return share is None or share.status in self.statuses


class _ShareLink(_ShareAction, tables.LinkAction):
    classes = ("ajax-modal",)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))


class ResizeShare(_ShareLink):
    name = "resize"
    verbose_name = _("Resize Share")
    url = "horizon:project:shares:resize"
    classes = ("ajax-modal", "btn-resize")
    # Extend is the common case; the form offers shrinking only where
    # share:shrink allows it too.
    policy_rules = (("share", "share:extend"),)


class CreateSnapshot(_ShareLink):
    name = "create_snapshot"
    verbose_name = label = _("Create Snapshot")
    url = "horizon:project:share_snapshots:create_for_share"
    policy_rules = (("share", "share:create_snapshot"),)

    def allowed(self, request, share=None):
        if share is not None and share.snapshot_support is False:
            return False
        return super().allowed(request, share)

    def update(self, request: Any, share: Any) -> None:
        # Per row, from the /limits the index view already read (the table
        # carries it): no call here. Without it (detail header, row update)
        # the action stays open and Manila's refusal shows on the form.
        fits = self.row_kind(request, share)
        if fits is not None:
            quota_tables.show_quota(self, not fits)

    def row_kind(self, request: Any, share: Any) -> bool | None:
        limits = getattr(self.table, "quota_limits", None)
        return None if limits is None else snapshot_fits(limits, share)


def snapshot_fits(limits: api_limits.Limits, share: Any) -> bool:
    """Whether the project's snapshot quotas hold one more snapshot of
    ``share`` (Manila counts a snapshot's size as the share's)."""
    room = limits.snapshot_gigabytes.available
    return not limits.snapshots.exhausted and room >= (share.size or 0)


class RevertShare(_ShareLink):
    name = "revert"
    verbose_name = _("Revert to Snapshot")
    url = "horizon:project:shares:revert"
    feature = "revert_to_snapshot"
    policy_rules = (("share", "share:revert_to_snapshot"),)

    def allowed(self, request, share=None):
        # Only types with the revert_to_snapshot_support capability.
        if share is not None and not share.revert_to_snapshot_support:
            return False
        return super().allowed(request, share)


class UpdateMetadata(_ShareLink):
    name = "update_metadata"
    verbose_name = _("Edit Metadata")
    url = "horizon:project:shares:update_metadata"
    policy_rules = (("share", "share:update_share_metadata"),)
    statuses = ("available", "error", "inactive", "extending_error",
                "shrinking_error", "reverting_error", "manage_error")


class CreateTransfer(_ShareLink):
    name = "create_transfer"
    verbose_name = _("Create Transfer")
    url = "horizon:project:shares:create_transfer"
    feature = "share_transfers"
    policy_rules = (("share", "share_transfer:create"),)

    def allowed(self, request, share=None):
        # Manila transfers DHSS=False shares only (no share network).
        if share is not None and share.share_network_id:
            return False
        return super().allowed(request, share)


class CancelTransfer(common_tables.Dangerous, policy.ProjectTargetMixin, tables.BatchAction):
    name = "cancel_transfer"
    feature = "share_transfers"
    policy_rules = (("share", "share_transfer:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext("Cancel Transfer", "Cancel Transfers", count)

    @staticmethod
    def action_past(count):
        return ngettext("Cancelled transfer of share",
                             "Cancelled transfers of shares", count)

    def allowed(self, request, share=None):
        if not utils.supports(request, self.feature):
            return False
        return share is not None and share.status == "awaiting_transfer"

    def action(self, request, obj_id):
        # One list call per clicked share (the transfer id is not on the
        # share), in the POST only, never while rendering the table.
        try:
            for transfer in api_transfers.transfer_list(request,
                                                        resource_id=obj_id):
                api_transfers.transfer_delete(request, transfer.id)
        except Exception:
            exceptions.handle(request, _("Unable to cancel the transfer."),
                              escalate=True)


class AcceptTransfer(tables.LinkAction):
    name = "accept_transfer"
    verbose_name = _("Accept Transfer")
    url = "horizon:project:shares:accept_transfer"
    classes = ("ajax-modal",)
    icon = "exchange"
    policy_rules = (("share", "share_transfer:accept"),)

    def allowed(self, request, datum=None):
        return utils.supports(request, "share_transfers")


class RecycleBinLink(tables.LinkAction):
    name = "recycle_bin"
    verbose_name = _("Recycle Bin")
    url = "horizon:project:shares:recycle_bin"
    icon = "trash"
    policy_rules = (("share", "share:get_all"),)

    def allowed(self, request, datum=None):
        return utils.supports(request, "soft_delete")


class SoftDeleteShare(common_tables.Dangerous, policy.ProjectTargetMixin,
                      common_tables.RowApiCallMixin, tables.BatchAction):
    name = "soft_delete"
    help_text = _("Shares in the recycle bin can be restored until Manila "
                  "purges them.")
    policy_rules = (("share", "share:soft_delete"),)
    api_call = staticmethod(api_share_actions.share_soft_delete)
    failure_message = _("Unable to move the share to the recycle bin.")

    @staticmethod
    def action_present(count):
        return ngettext("Move Share to Recycle Bin",
                             "Move Shares to Recycle Bin", count)

    @staticmethod
    def action_past(count):
        return ngettext("Moved to the recycle bin: share",
                             "Moved to the recycle bin: shares", count)

    def allowed(self, request, share=None):
        if not utils.supports(request, "soft_delete"):
            return False
        return share is None or \
            share.status in DELETABLE_STATUSES


class SharesFilterAction(common_tables.ServerFilterAction):
    # Only filters Manila itself applies (it ignores unknown ones silently):
    # the type by name or id; the availability zone from 2.97 only.
    filter_choices = common_tables.exact_filters(
        "name", "status", "share_type", "availability_zone")

    def get_select_options(self):
        options = super().get_select_options() or []
        request = getattr(self.table, "request", None)
        if request is None or not utils.supports(request, "az_list_filter"):
            options = [o for o in options if o[0] != "availability_zone"]
        return options


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, share_id):
        # No message on failure: Horizon answers the poll with the error's
        # status, and a 404 (the share is gone after a delete) removes the
        # row, which is the expected end of a deletion, not an error.
        share = api_shares.share_get(request, share_id)
        if share.share_network_id:
            try:
                names = api_shares.share_network_names(request)
                share.share_network_name = names.get(share.share_network_id)
            except Exception:
                # The id is shown instead; no message on a poll.
                exceptions.handle(request, ignore=True)
        return share


def get_size(share):
    if share.size is None:
        return "-"
    return format_lazy("{} {}", share.size, _("GiB"))


def get_visibility(share):
    return VISIBILITY_DISPLAY.get(bool(share.is_public))


def get_share_type(share):
    return share.type_name or "-"


def get_detail_link(share):
    return common_tables.reverse_id("horizon:project:shares:detail", share.id)


def get_share_network(share):
    if not share.share_network_id:
        return "-"
    return getattr(share, "share_network_name", None) or share.share_network_id


class SharesTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    # Column -> Manila sort key: the headers sort the whole list, on the
    # server (not just the rows of this page).
    server_sort = {"name": "name", "size": "size", "status": "status",
                   "protocol": "share_proto",
                   "availability_zone": "availability_zone",
                   "created": "created_at"}

    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"), link=get_detail_link)
    size = tables.Column(get_size, verbose_name=_("Size"),
                         attrs={"data-type": "size"})
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=STATUS_CHOICES, display_choices=STATUS_DISPLAY_CHOICES)
    protocol = tables.Column("share_proto", verbose_name=_("Protocol"))
    share_type = tables.Column(get_share_type, verbose_name=_("Type"))
    availability_zone = tables.Column("availability_zone",
                                      verbose_name=_("Availability Zone"))
    visibility = tables.Column(get_visibility, verbose_name=_("Visibility"))
    share_network = tables.Column(get_share_network,
                                  verbose_name=_("Share Network"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime,
                                     filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    # The project's /limits (api.limits.Limits), set by the index view for
    # its rows' quota checks; None elsewhere, where no call is made for it.
    quota_limits = None

    def get_object_display(self, share):
        return share.name_or_id

    class Meta:
        name = "shares"
        verbose_name = _("Shares")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (SharesFilterAction, CreateShare, AcceptTransfer,
                         RecycleBinLink, SoftDeleteShare, DeleteShare)
        # Other panels add their row actions here (e.g. Manage Rules).
        row_actions = (EditShare, rule_tables.ManageRules, ResizeShare,
                       CreateSnapshot, backup_tables.CreateBackupOfShare,
                       RevertShare, UpdateMetadata,
                       CreateTransfer, CancelTransfer, lock_tables.LockResource,
                       SoftDeleteShare, DeleteShare)


# -- the recycle bin (2.69): soft-deleted shares, restorable until Manila ----------
# -- purges them at scheduled_to_be_deleted_at ------------------------------------

class RestoreShare(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                   tables.BatchAction):
    name = "restore"
    policy_rules = (("share", "share:restore"),)
    api_call = staticmethod(api_share_actions.share_restore)
    failure_message = _("Unable to restore the share.")

    @staticmethod
    def action_present(count):
        return ngettext("Restore Share", "Restore Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext("Restored share", "Restored shares", count)


class DeleteForever(DeleteShare):
    help_text = _("The share is deleted now, with all its data, instead of "
                  "when the recycle bin is purged.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Share Now", "Delete Shares Now", count)


class RecycledRow(tables.Row):
    ajax = True

    def get_data(self, request, share_id):
        share = api_shares.share_get(request, share_id)
        if not share.is_soft_deleted:
            # Restored elsewhere: it left the bin, so does the row.
            raise exceptions.NotFound()
        return share


def get_purge_time(share):
    return share.scheduled_to_be_deleted_at


class RecycleBinTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    server_sort = {"name": "name", "size": "size"}

    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_detail_link)
    size = tables.Column(get_size, verbose_name=_("Size"))
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=STATUS_CHOICES,
        display_choices=STATUS_DISPLAY_CHOICES)
    protocol = tables.Column("share_proto", verbose_name=_("Protocol"))
    share_type = tables.Column(get_share_type,
                               verbose_name=_("Type"))
    purge = tables.Column(get_purge_time,
                          verbose_name=_("Deleted for good at"),
                          filters=(filters.parse_isotime,))

    def get_object_display(self, share):
        return share.name_or_id

    class Meta:
        name = "recycle_bin"
        verbose_name = _("Shares in the Recycle Bin")
        status_columns = ["status"]
        row_class = RecycledRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (RestoreShare, DeleteForever)
        row_actions = (RestoreShare, DeleteForever)
