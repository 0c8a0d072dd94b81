"""Every project's share backups, with the admin's reset status."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards import policy
from manila_ui.dashboards.project.share_backups import tables as project_tables


class ResetBackupStatus(policy.CachedPolicyMixin, tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_backups:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_backup:reset_status"),)


class AdminDeleteBackup(project_tables.DeleteBackup):
    pass


def get_share_link(backup):
    if not backup.share_id:
        return None
    return reverse("horizon:admin:shares:detail", args=(backup.share_id,))


class AdminBackupsTable(project_tables.BackupsTable):
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:admin:share_backups:detail")
    share = tables.WrappingColumn(project_tables.get_share, verbose_name=_("Share"),
                                  link=get_share_link)
    host = tables.Column(lambda backup: backup.host or "-", verbose_name=_("Host"))

    class Meta(project_tables.BackupsTable.Meta):
        name = "share_backups"
        verbose_name = _("Share Backups")
        columns = ("name", "size", "status", "progress", "share", "backup_type", "host",
                   "created")
        table_actions = (project_tables.BackupsFilterAction, AdminDeleteBackup)
        row_actions = (ResetBackupStatus, AdminDeleteBackup)
