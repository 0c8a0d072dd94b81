"""Every project's shares: the project table plus project, host, task and
the admin actions (reset status, force delete, manage, unmanage, migrate,
complete or cancel a migration, reset the task state)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from horizon import exceptions
from horizon import tables

from manila_ui.api import share_actions as api_share_actions
from manila_ui.api import share_migration as api_migration
from manila_ui.api import shares as api_shares
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.shares import tables as project_tables

# Manila unmanages a share in these statuses (and never one on a share
# server through this form: that needs DHSS=True unmanage, 2.49).
UNMANAGEABLE_STATUSES = ("available", "error", "inactive", "manage_error")


class AdminSharesFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("name", "project_id", "status",
                                                 "host")


class AdminDeleteShare(project_tables.DeleteShare):
    pass


class ManageShare(tables.LinkAction):
    name = "manage"
    verbose_name = _("Manage Share")
    url = "horizon:admin:shares:manage"
    classes = ("ajax-modal",)
    icon = "plus"
    policy_rules = (("share", "share:manage"),)


class ResetShareStatus(policy.ProjectTargetMixin,
                       tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:shares:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:reset_status"),)

    def allowed(self, request, share=None):
        # Manila refuses it for a share in the recycle bin.
        return share is None or not share.is_soft_deleted


class ForceDeleteShare(policy.ProjectTargetMixin,
                       common_tables.RowApiCallMixin, tables.DeleteAction):
    name = "force_delete"
    help_text = _("Deletes the share whatever its status, even when the "
                  "back end fails to.")
    default_message_level = "info"
    policy_rules = (("share", "share:force_delete"),)
    api_call = staticmethod(api_share_actions.share_force_delete)
    failure_message = _("Unable to force-delete the share.")

    @staticmethod
    def action_present(count):
        return ngettext("Force Delete Share", "Force Delete Shares",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled forced deletion of Share",
                             "Scheduled forced deletion of Shares", count)


class UnmanageShare(common_tables.Dangerous,
                    policy.ProjectTargetMixin,
                    common_tables.RowApiCallMixin, tables.BatchAction):
    name = "unmanage"
    help_text = _("Manila forgets the share; its data stays on the back "
                  "end.")
    policy_rules = (("share", "share:unmanage"),)
    api_call = staticmethod(api_share_actions.share_unmanage)
    failure_message = _("Unable to unmanage the share.")

    @staticmethod
    def action_present(count):
        return ngettext("Unmanage Share", "Unmanage Shares", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled unmanaging of Share",
                             "Scheduled unmanaging of Shares", count)

    def allowed(self, request, share=None):
        if share is None:
            return True
        # A share on a share server may leave it from 2.49 (the server is
        # then kept: see Admin > Share Servers).
        return (share.status in UNMANAGEABLE_STATUSES and not share.is_soft_deleted
                and (not share.share_server_id
                     or utils.supports(request, "share_server_manage")))


def migration_offered(request):
    return utils.migration_enabled() and utils.supports(request, "share_migration")


class _MigrationAction(policy.ProjectTargetMixin):
    task_states: tuple[str, ...] = ()

    def allowed(self, request, share=None):
        return migration_offered(request) and (
            share is None or share.task_state in self.task_states)


class MigrateShare(_MigrationAction, tables.LinkAction):
    name = "migrate"
    verbose_name = _("Migrate Share")
    url = "horizon:admin:shares:migrate"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:migration_start"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))

    def allowed(self, request, share=None):
        # Manila migrates an available share with no task running, no
        # replicas and no group.
        return migration_offered(request) and (
            share is None or (share.status == "available" and not share.has_replicas
                              and not share.share_group_id
                              and share.task_state not in api_migration.COPYING
                              and share.task_state not in api_migration.PHASE1_DONE))


class CompleteMigration(_MigrationAction, common_tables.RowApiCallMixin,
                        tables.BatchAction):
    name = "migration_complete"
    policy_rules = (("share", "share:migration_complete"),)
    task_states = api_migration.PHASE1_DONE
    api_call = staticmethod(api_migration.migration_complete)
    failure_message = _("Unable to complete the migration.")

    @staticmethod
    def action_present(count):
        return ngettext("Complete Migration", "Complete Migrations", count)

    @staticmethod
    def action_past(count):
        return ngettext("Completing Migration", "Completing Migrations", count)


class CancelMigration(common_tables.Dangerous, CompleteMigration):
    name = "migration_cancel"
    policy_rules = (("share", "share:migration_cancel"),)
    task_states = api_migration.CANCELLABLE
    api_call = staticmethod(api_migration.migration_cancel)
    failure_message = _("Unable to cancel the migration.")

    @staticmethod
    def action_present(count):
        return ngettext("Cancel Migration", "Cancel Migrations", count)

    @staticmethod
    def action_past(count):
        return ngettext("Cancelling Migration", "Cancelling Migrations", count)


class ResetTaskState(policy.ProjectTargetMixin, tables.LinkAction):
    name = "reset_task_state"
    verbose_name = _("Reset Task State")
    url = "horizon:admin:shares:reset_task_state"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:reset_task_state"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, share):
        return reverse(self.url, args=(share.id,))

    def allowed(self, request, share=None):
        return share is None or bool(share.task_state)


class AdminUpdateRow(project_tables.UpdateRow):
    def get_data(self, request, share_id):
        share = api_shares.share_get(request, share_id)
        share.project_name = projects.project_name(request, share.project_id)
        share.migration_progress = None
        if share.task_state in api_migration.COPYING:
            # One more call while a migration copies: the row's progress bar.
            try:
                share.migration_progress = api_migration.migration_progress(
                    request, share_id).get("total_progress")
            except Exception:
                exceptions.handle(request, ignore=True)
        return share


def get_task(share):
    """The task state, with a progress bar while a migration copies: the
    number once the row's poll fetched it, an animated bar until then."""
    if not share.task_state:
        return "-"
    progress = getattr(share, "migration_progress", None)
    if progress is None and share.task_state in api_migration.COPYING:
        return format_html(
            '{}<div class="progress" style="margin:0"><div class="progress-bar '
            'progress-bar-striped active" role="progressbar" style="width: 100%">'
            '</div></div>', share.task_state)
    if progress is None:
        return share.task_state
    return format_html(
        '{}<div class="progress" style="margin:0"><div class="progress-bar" '
        'role="progressbar" aria-valuenow="{}" aria-valuemin="0" aria-valuemax="100" '
        'style="width: {}%">{}%</div></div>', share.task_state, progress, progress,
        progress)


def get_admin_detail_link(share):
    return common_tables.reverse_id("horizon:admin:shares:detail", share.id)


get_project = projects.get_project


class AdminRecycleBinLink(project_tables.RecycleBinLink):
    """Every project's shares in the recycle bin (2.69)."""

    url = "horizon:admin:shares:recycle_bin"


class AdminRecycledRow(project_tables.RecycledRow):
    def get_data(self, request, share_id):
        share = super().get_data(request, share_id)
        share.project_name = projects.project_name(request, share.project_id)
        return share


class AdminRecycleBinTable(project_tables.RecycleBinTable):
    """The project table's columns and actions (restore, delete now), with
    each share's project; links lead to the admin's share page."""

    project = tables.Column(get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"), link=get_admin_detail_link)

    class Meta(project_tables.RecycleBinTable.Meta):
        name = "recycle_bin"
        columns = ("project", "name", "size", "status", "protocol", "share_type",
                   "purge")
        row_class = AdminRecycledRow


class AdminSharesTable(project_tables.SharesTable):
    project = tables.Column(get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"), link=get_admin_detail_link)
    host = tables.Column("host", verbose_name=_("Host"))
    task = tables.Column(get_task, verbose_name=_("Task"))

    class Meta(project_tables.SharesTable.Meta):
        name = "shares"
        verbose_name = _("Shares")
        columns = ("project", "name", "size", "status", "protocol",
                   "share_type", "availability_zone", "visibility",
                   "share_network", "host", "task", "created")
        row_class = AdminUpdateRow
        table_actions = (AdminSharesFilterAction, ManageShare, AdminRecycleBinLink,
                         ForceDeleteShare, AdminDeleteShare)
        row_actions = (ResetShareStatus, MigrateShare, CompleteMigration,
                       CancelMigration, ResetTaskState, UnmanageShare, ForceDeleteShare,
                       AdminDeleteShare)
