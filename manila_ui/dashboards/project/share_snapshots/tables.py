"""The project's snapshots table: no API call per row.

Share names come from one lookup per page (views.py); row actions decide
from the row, the policy file and the negotiated microversion.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import tables
from horizon.utils import filters

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


class SnapshotsFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "status", "share_id")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, snapshot_id):
        snapshot = api_snapshots.snapshot_get(request, snapshot_id)
        # The share's name is not in the snapshot; the poll keeps the id
        # rather than paying a lookup per poll.
        return snapshot


def get_size(snapshot):
    if snapshot.size is None:
        return "-"
    return format_lazy("{} {}", snapshot.size, _("GiB"))


def get_share(snapshot):
    return getattr(snapshot, "share_name", None) or snapshot.share_id or "-"


def get_share_link(snapshot):
    if not snapshot.share_id:
        return None
    return reverse("horizon:project:shares:detail", args=(snapshot.share_id,))


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
                       UpdateSnapshotMetadata, DeleteSnapshot)
