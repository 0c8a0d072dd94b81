"""The recycle bin (2.69): soft-deleted shares, restorable until Manila
purges them at ``scheduled_to_be_deleted_at``."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards.project.shares import actions as share_actions
from manila_ui.dashboards.project.shares import tables as share_tables


class RestoreShare(share_actions.SharePolicyTargetMixin, common_tables.RowApiCallMixin,
                   tables.BatchAction):
    name = "restore"
    policy_rules = (("share", "share:restore"),)
    api_call = staticmethod(api_share_actions.share_restore)
    failure_message = _("Unable to restore the share.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Restore Share", "Restore Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Restored share", "Restored shares", count)


class DeleteForever(share_tables.DeleteShare):
    help_text = _("The share is deleted now, with all its data, instead of "
                  "when the recycle bin is purged.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Share Now", "Delete Shares Now", count)


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


class RecycleBinTable(pagination.OffsetPagedTableMixin, tables.DataTable):
    server_sort = {"name": "name", "size": "size"}

    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=share_tables.get_detail_link)
    size = tables.Column(share_tables.get_size, verbose_name=_("Size"))
    status = tables.Column(
        "status", verbose_name=_("Status"), status=True,
        status_choices=share_tables.STATUS_CHOICES,
        display_choices=share_tables.STATUS_DISPLAY_CHOICES)
    protocol = tables.Column("share_proto", verbose_name=_("Protocol"))
    share_type = tables.Column(share_tables.get_share_type,
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
