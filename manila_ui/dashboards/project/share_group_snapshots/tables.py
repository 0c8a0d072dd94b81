"""The project's share group snapshots table: no API call per row (group
names come from one lookup per page, views.py)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import tables
from horizon.utils import filters

from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy

STATUS_CHOICES = (
    ("available", True),
    ("error", False),
    ("error_deleting", False),
)

STATUS_DISPLAY_CHOICES = (
    ("available", pgettext_lazy("Status of a share group snapshot", "Available")),
    ("creating", pgettext_lazy("Status of a share group snapshot", "Creating")),
    ("deleting", pgettext_lazy("Status of a share group snapshot", "Deleting")),
    ("error", pgettext_lazy("Status of a share group snapshot", "Error")),
    ("error_deleting",
     pgettext_lazy("Status of a share group snapshot", "Error deleting")),
)

DELETABLE_STATUSES = ("available", "error")


class CreateGroupFromSnapshot(policy.ProjectTargetMixin, tables.LinkAction):
    name = "create_share_group"
    verbose_name = _("Create Share Group")
    url = "horizon:project:share_groups:create"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_group:create"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, snapshot):
        return "{}?{}".format(reverse(self.url), urlencode({"snapshot_id": snapshot.id}))

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status == "available"


class EditGroupSnapshot(policy.ProjectTargetMixin, tables.LinkAction):
    name = "update"
    verbose_name = _("Edit Share Group Snapshot")
    url = "horizon:project:share_group_snapshots:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_group_snapshot:update"),)


class DeleteGroupSnapshot(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                          tables.DeleteAction):
    default_message_level = "info"
    policy_rules = (("share", "share_group_snapshot:delete"),)
    api_call = staticmethod(api_group_snapshots.snapshot_delete)
    failure_message = _("Unable to delete the share group snapshot.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Group Snapshot",
                             "Delete Share Group Snapshots", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled deletion of Share Group Snapshot",
                             "Scheduled deletion of Share Group Snapshots", count)

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status in DELETABLE_STATUSES


class GroupSnapshotsFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "status", "share_group_id")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, snapshot_id):
        return api_group_snapshots.snapshot_get(request, snapshot_id)


def get_group(snapshot):
    return getattr(snapshot, "share_group_name", None) or snapshot.share_group_id or "-"


def get_group_link(snapshot, url="horizon:project:share_groups:detail"):
    return reverse(url, args=(snapshot.share_group_id,)) if snapshot.share_group_id \
        else None


def get_members(snapshot):
    return len(snapshot.members or [])


class GroupSnapshotsTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    server_sort = {"name": "name", "status": "status", "created": "created_at"}

    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:project:share_group_snapshots:detail")
    description = tables.WrappingColumn("description", verbose_name=_("Description"))
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=STATUS_CHOICES, display_choices=STATUS_DISPLAY_CHOICES)
    share_group = tables.WrappingColumn(get_group, verbose_name=_("Share Group"),
                                        link=get_group_link)
    members = tables.Column(get_members, verbose_name=_("Shares"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, snapshot):
        return snapshot.name_or_id

    class Meta:
        name = "share_group_snapshots"
        verbose_name = _("Share Group Snapshots")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (GroupSnapshotsFilterAction, DeleteGroupSnapshot)
        row_actions = (CreateGroupFromSnapshot, EditGroupSnapshot, DeleteGroupSnapshot)
