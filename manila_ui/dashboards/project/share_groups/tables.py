"""The project's share groups table: no API call per row.

Share type names come from one lookup per page (views.py); row actions
decide from the row, the policy file and the negotiated microversion.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import tables
from horizon.utils import filters

from manila_ui.api import limits as api_limits
from manila_ui.api import share_groups as api_groups
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards.share_quotas import tables as quota_tables

STATUS_CHOICES = (
    ("available", True),
    ("error", False),
    ("error_deleting", False),
)

STATUS_DISPLAY_CHOICES = (
    ("available", pgettext_lazy("Status of a share group", "Available")),
    ("creating", pgettext_lazy("Status of a share group", "Creating")),
    ("deleting", pgettext_lazy("Status of a share group", "Deleting")),
    ("error", pgettext_lazy("Status of a share group", "Error")),
    ("error_deleting", pgettext_lazy("Status of a share group", "Error deleting")),
)

# Manila deletes a group in these statuses (once it holds no shares and no
# group snapshots: it says so when asked).
DELETABLE_STATUSES = ("available", "error")


class CreateShareGroup(quota_tables.QuotaCreateAction):
    verbose_name = label = _("Create Share Group")
    url = "horizon:project:share_groups:create"
    policy_rules = (("share", "share_group:create"),)
    quota_error = _("Unable to retrieve share group quotas.")

    def quota_exhausted(self, request):
        return api_limits.tenant_absolute_limits(request).share_groups.exhausted


class CreateShareInGroup(policy.ProjectTargetMixin, tables.LinkAction):
    name = "create_share"
    verbose_name = _("Create Share")
    url = "horizon:project:shares:create"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:create"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, group):
        return "{}?{}".format(reverse(self.url), urlencode({"share_group_id": group.id}))

    def allowed(self, request, group=None):
        return group is None or group.status == "available"


class CreateGroupSnapshot(policy.ProjectTargetMixin, tables.LinkAction):
    name = "create_snapshot"
    verbose_name = _("Create Share Group Snapshot")
    url = "horizon:project:share_group_snapshots:create"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_group_snapshot:create"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, group):
        return reverse(self.url, args=(group.id,))

    def allowed(self, request, group=None):
        return group is None or group.status == "available"


class EditShareGroup(policy.ProjectTargetMixin, tables.LinkAction):
    name = "update"
    verbose_name = _("Edit Share Group")
    url = "horizon:project:share_groups:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_group:update"),)


class DeleteShareGroup(policy.ProjectTargetMixin, common_tables.RowApiCallMixin,
                       tables.DeleteAction):
    help_text = _("A share group is deleted once its shares and group snapshots "
                  "are gone.")
    default_message_level = "info"
    policy_rules = (("share", "share_group:delete"),)
    api_call = staticmethod(api_groups.share_group_delete)
    failure_message = _("Unable to delete the share group.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Group", "Delete Share Groups", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled deletion of Share Group",
                             "Scheduled deletion of Share Groups", count)

    def allowed(self, request, group=None):
        return group is None or group.status in DELETABLE_STATUSES


class ShareGroupsFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "status")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, group_id):
        # The share type names are not in the group: the poll keeps what the
        # row shows rather than paying a lookup per poll.
        return api_groups.share_group_get(request, group_id)


def get_share_types(group):
    names = getattr(group, "share_type_names", None)
    return ", ".join(names or group.share_types or []) or "-"


class ShareGroupsTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    server_sort = {"name": "name", "status": "status", "created": "created_at"}

    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:project:share_groups:detail")
    description = tables.WrappingColumn("description", verbose_name=_("Description"))
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=STATUS_CHOICES, display_choices=STATUS_DISPLAY_CHOICES)
    availability_zone = tables.Column("availability_zone",
                                      verbose_name=_("Availability Zone"))
    share_types = tables.WrappingColumn(get_share_types, verbose_name=_("Share Types"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, group):
        return group.name_or_id

    class Meta:
        name = "share_groups"
        verbose_name = _("Share Groups")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (ShareGroupsFilterAction, CreateShareGroup, DeleteShareGroup)
        row_actions = (CreateShareInGroup, CreateGroupSnapshot, EditShareGroup,
                       DeleteShareGroup)
