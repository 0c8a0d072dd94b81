"""The project's share backups: no API call per row.

Share names come from one lookup per page (views.py); a backup that is
being made, restored or deleted updates its row itself, with its progress.
Manila checks the backup rules against the caller's own project (a backup
view has no project): so do the actions.
"""

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import share_backups as api_backups
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import pagination
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils

STATUS_CHOICES = (
    ("available", True),
    ("error", False),
    ("error_deleting", False),
)

STATUS_DISPLAY_CHOICES = (
    ("available", pgettext_lazy("Status of a share backup", "Available")),
    ("creating", pgettext_lazy("Status of a share backup", "Backing up")),
    ("restoring", pgettext_lazy("Status of a share backup", "Restoring")),
    ("deleting", pgettext_lazy("Status of a share backup", "Deleting")),
    ("error", pgettext_lazy("Status of a share backup", "Error")),
    ("error_deleting", pgettext_lazy("Status of a share backup", "Error deleting")),
)

DELETABLE_STATUSES = ("available", "error")
# Shares a backup may be taken of, or restored into (Manila's rule).
BACKABLE_SHARE_STATUSES = ("available",)


class _BackupsFeature:
    """Actions that exist only where Manila has share backups (2.80)."""

    def allowed(self, request, datum=None):
        return utils.supports(request, "share_backups")


class CreateBackup(_BackupsFeature, tables.LinkAction):
    name = "create"
    verbose_name = _("Create Backup")
    url = "horizon:project:share_backups:create"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_backup:create"),)


class CreateBackupOfShare(policy.ProjectTargetMixin, tables.LinkAction):
    """A share's row (Project > Shares) or its detail page: back it up."""

    name = "create_backup"
    verbose_name = _("Create Backup")
    url = "horizon:project:share_backups:create_for_share"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_backup:create"),)
    row_kind = common_tables.same_for_every_row  # the link is the row's id

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))

    def allowed(self, request, share=None):
        if not utils.supports(request, "share_backups"):
            return False
        return share is None or (share.status in BACKABLE_SHARE_STATUSES
                                 and not getattr(share, "is_soft_deleted", False))


class EditBackup(policy.CachedPolicyMixin, tables.LinkAction):
    name = "edit"
    verbose_name = _("Edit Backup")
    url = "horizon:project:share_backups:update"
    classes = ("ajax-modal", "btn-edit")
    policy_rules = (("share", "share_backup:update"),)


class RestoreBackup(policy.CachedPolicyMixin, tables.LinkAction):
    name = "restore"
    verbose_name = _("Restore Backup")
    url = "horizon:project:share_backups:restore"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_backup:restore"),)

    def allowed(self, request, backup=None):
        return backup is None or backup.status == "available"


class DeleteBackup(policy.CachedPolicyMixin, common_tables.RowApiCallMixin,
                   tables.DeleteAction):
    default_message_level = "info"
    policy_rules = (("share", "share_backup:delete"),)
    api_call = staticmethod(api_backups.backup_delete)
    failure_message = _("Unable to delete the backup.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Delete Backup", "Delete Backups", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Scheduled deletion of Backup",
                             "Scheduled deletion of Backups", count)

    def allowed(self, request, backup=None):
        return backup is None or backup.status in DELETABLE_STATUSES


class BackupsFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "status", "share_id")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, backup_id):
        backup = api_backups.backup_get(request, backup_id)
        # The share's name is not in the backup: one more call for the
        # polled row, so that the row keeps showing it.
        try:
            backup.share_name = api_shares.share_get(request, backup.share_id).name
        except Exception:
            exceptions.handle(request, ignore=True)   # the id shows instead
        return backup


def get_size(backup):
    if backup.size is None:
        return "-"
    return format_lazy("{} {}", backup.size, _("GiB"))


def get_share(backup):
    return getattr(backup, "share_name", None) or backup.share_id or "-"


def get_share_link(backup):
    if not backup.share_id:
        return None
    return reverse("horizon:project:shares:detail", args=(backup.share_id,))


def get_progress(backup):
    """How far a running backup or restore is, e.g. "50%"; "-" when none runs."""
    value = {"creating": backup.progress,
             "restoring": backup.restore_progress}.get(backup.status)
    return f"{value}%" if value not in (None, "") else "-"


class BackupsTable(pagination.OffsetPagedTableMixin, common_tables.DataTable):
    server_sort = {"name": "name", "size": "size", "status": "status",
                   "created": "created_at"}

    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:project:share_backups:detail")
    description = tables.WrappingColumn("description", verbose_name=_("Description"))
    size = tables.Column(get_size, verbose_name=_("Size"), attrs={"data-type": "size"})
    status = tables.Column("status", verbose_name=_("Status"), status=True,
                           status_choices=STATUS_CHOICES,
                           display_choices=STATUS_DISPLAY_CHOICES)
    progress = tables.Column(get_progress, verbose_name=_("Progress"))
    share = tables.WrappingColumn(get_share, verbose_name=_("Share"), link=get_share_link)
    backup_type = tables.Column(lambda b: b.backup_type or "-",
                                verbose_name=_("Backup Type"))
    created = tables.Column("created_at", verbose_name=_("Created"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, backup):
        return backup.name_or_id

    class Meta:
        name = "share_backups"
        verbose_name = _("Share Backups")
        status_columns = ["status"]
        row_class = UpdateRow
        pagination_param = pagination.OFFSET_PARAM
        prev_pagination_param = pagination.OFFSET_PARAM
        table_actions = (BackupsFilterAction, CreateBackup, DeleteBackup)
        row_actions = (RestoreBackup, EditBackup, DeleteBackup)
