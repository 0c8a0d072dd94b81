"""The project's shares table: no API call per row, ever.

Row actions decide from the row's own fields and local policy; the only
table-level call is the quota for the Create button, one ``/limits`` per page
(memoized on the request).
"""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import limits as api_limits
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import utils
from manila_ui.dashboards.project.share_rules import tables as rule_tables
from manila_ui.dashboards.project.shares import actions as share_actions

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

DELETABLE_STATUSES = share_actions.DELETABLE_STATUSES
EDITABLE_STATUSES = ("available", "inactive", "error")

VISIBILITY_DISPLAY = {True: _("Public"), False: _("Private")}


SharePolicyTargetMixin = share_actions.SharePolicyTargetMixin


class CreateShare(common_tables.QuotaCreateAction):
    verbose_name = label = _("Create Share")
    url = "horizon:project:shares:create"
    policy_rules = (("share", "share:create"),)
    quota_error = _("Unable to retrieve share quotas.")

    def quota_exhausted(self, request):
        return not api_limits.tenant_absolute_limits(request).can_create_share


class EditShare(SharePolicyTargetMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Share")
    url = "horizon:project:shares:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share:update"),)

    def allowed(self, request, share=None):
        return share is None or share.status in EDITABLE_STATUSES


class DeleteShare(SharePolicyTargetMixin, tables.DeleteAction):
    help_text = _("Deleted shares are not recoverable: all data stored in "
                  "the share is removed.")
    default_message_level = "info"
    policy_rules = (("share", "share:delete"),)

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share", "Delete Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled deletion of Share",
                             "Scheduled deletion of Shares", count)

    def allowed(self, request, share=None):
        return share is None or share.status in DELETABLE_STATUSES

    def delete(self, request, obj_id):
        try:
            api_shares.share_delete(request, obj_id)
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
    return reverse("horizon:project:shares:detail", args=(share.id,))


def get_share_network(share):
    if not share.share_network_id:
        return "-"
    return getattr(share, "share_network_name", None) or share.share_network_id


class SharesTable(pagination.OffsetPagedTableMixin, tables.DataTable):
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
        table_actions = (SharesFilterAction, CreateShare,
                         share_actions.AcceptTransfer,
                         share_actions.RecycleBinLink,
                         share_actions.SoftDeleteShare, DeleteShare)
        # Other panels add their row actions here (e.g. Manage Rules).
        row_actions = (EditShare, rule_tables.ManageRules, share_actions.ResizeShare,
                       share_actions.CreateSnapshot,
                       share_actions.RevertShare,
                       share_actions.UpdateMetadata,
                       share_actions.CreateTransfer,
                       share_actions.CancelTransfer,
                       share_actions.SoftDeleteShare, DeleteShare)
