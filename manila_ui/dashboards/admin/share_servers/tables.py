"""Share servers of every project: one list call (Manila does not page
them) and one Keystone call for the project names; rows in a transitional
status update in place (a migrating one with its progress: one more call
per poll while the driver copies)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.utils.translation import pgettext_lazy
from horizon import exceptions
from horizon import tables
from horizon.utils import filters

from manila_ui.api import share_servers as api_servers
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.admin.shares import tables as admin_share_tables
from manila_ui.dashboards.project.share_networks import tables as network_tables
from manila_ui.dashboards.project.shares import tables as share_tables

STATUS_CHOICES = (
    ("active", True),
    ("inactive", True),
    ("server_migrating", None),
    ("server_migrating_to", None),
    ("error", False),
    ("manage_error", False),
    ("unmanage_error", False),
)

# Defined beside the share network's table of servers (project panels never import
# admin), plus the migration's (only admins see servers migrate).
STATUS_DISPLAY_CHOICES = (
    *network_tables.SERVER_STATUS_DISPLAY_CHOICES,
    ("server_migrating", pgettext_lazy("Status of a share server", "Migrating")),
    ("server_migrating_to", pgettext_lazy("Status of a share server", "Migrating to")),
)


class ManageShareServer(tables.LinkAction):
    name = "manage"
    verbose_name = _("Manage Share Server")
    url = "horizon:admin:share_servers:manage"
    classes = ("ajax-modal", "btn-create")
    icon = "plus"
    policy_rules = (("share", "share_server:manage_share_server"),)

    def allowed(self, request, datum=None):
        return utils.supports(request, "share_server_manage")


class ManageShareOnServer(tables.LinkAction):
    name = "manage_share"
    verbose_name = _("Manage Share")
    url = "horizon:admin:share_servers:manage_share"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share:manage"),)
    row_kind = common_tables.same_for_every_row

    def get_link_url(self, server):
        return reverse(self.url, args=(server.id,))

    def allowed(self, request, server=None):
        return utils.supports(request, "share_server_manage") and (
            server is None or server.status == "active")


class ResetShareServerStatus(tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_servers:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_server:reset_status"),)

    def allowed(self, request, server=None):
        return utils.supports(request, "share_server_manage")


class UnmanageShareServer(common_tables.Dangerous,
                          common_tables.RowApiCallMixin, tables.BatchAction):
    name = "unmanage"
    help_text = _("Manila forgets the server; it keeps running on its back end and "
                  "can be managed again. It must hold no shares Manila knows of.")
    policy_rules = (("share", "share_server:unmanage_share_server"),)
    api_call = staticmethod(api_servers.share_server_unmanage)
    failure_message = _("Unable to unmanage the share server.")

    @staticmethod
    def action_present(count):
        return ngettext("Unmanage Share Server", "Unmanage Share Servers", count)

    @staticmethod
    def action_past(count):
        return ngettext("Unmanaging Share Server", "Unmanaging Share Servers",
                             count)

    def allowed(self, request, server=None):
        return utils.supports(request, "share_server_manage") and (
            server is None or server.status in api_servers.UNMANAGEABLE)


class DeleteShareServer(common_tables.RowApiCallMixin, tables.DeleteAction):
    help_text = _("Only a share server without shares can be deleted.")
    policy_rules = (("share", "share_server:delete"),)
    api_call = staticmethod(api_servers.share_server_delete)
    failure_message = _("Unable to delete the share server.")

    @staticmethod
    def action_present(count):
        return ngettext("Delete Share Server", "Delete Share Servers", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled deletion of Share Server",
                             "Scheduled deletion of Share Servers", count)

    def allowed(self, request, server=None):
        return server is None or server.status in api_servers.DELETABLE


# -- migration (2.57, experimental in Manila; every share server is DHSS=True) -------

def migration_offered(request):
    """Upstream's ``enable_migration`` toggle and a Manila that has it."""
    return utils.migration_enabled() and utils.supports(request, "share_server_migration")


class _ServerMigrationAction:
    def allowed(self, request, server=None):
        return migration_offered(request) and (
            server is None or self.offered_for(server))

    def offered_for(self, server):
        return server.status == api_servers.MIGRATING


class CheckServerMigration(_ServerMigrationAction, tables.LinkAction):
    name = "migration_check"
    verbose_name = _("Check Migration Compatibility")
    url = "horizon:admin:share_servers:migration_check"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_server:share_server_migration_check"),)

    def offered_for(self, server):
        # Manila migrates an active server with no migration under way.
        return server.status == "active"


class MigrateShareServer(CheckServerMigration):
    name = "migration_start"
    verbose_name = _("Migrate Share Server")
    url = "horizon:admin:share_servers:migration_start"
    policy_rules = (("share", "share_server:share_server_migration_start"),)


class CompleteServerMigration(_ServerMigrationAction, common_tables.RowApiCallMixin,
                              tables.BatchAction):
    name = "server_migration_complete"
    policy_rules = (("share", "share_server:share_server_migration_complete"),)
    api_call = staticmethod(api_servers.migration_complete)
    failure_message = _("Unable to complete the migration.")

    @staticmethod
    def action_present(count):
        return ngettext("Complete Migration", "Complete Migrations", count)

    @staticmethod
    def action_past(count):
        return ngettext("Completing Migration", "Completing Migrations", count)

    def offered_for(self, server):
        return (server.status == api_servers.MIGRATING
                and server.task_state == api_servers.PHASE1_DONE)


class CancelServerMigration(common_tables.Dangerous, CompleteServerMigration):
    name = "server_migration_cancel"
    policy_rules = (("share", "share_server:share_server_migration_cancel"),)
    api_call = staticmethod(api_servers.migration_cancel)
    failure_message = _("Unable to cancel the migration.")

    @staticmethod
    def action_present(count):
        return ngettext("Cancel Migration", "Cancel Migrations", count)

    @staticmethod
    def action_past(count):
        return ngettext("Cancelling Migration", "Cancelling Migrations", count)

    def offered_for(self, server):
        return (server.status == api_servers.MIGRATING
                and server.task_state in api_servers.CANCELLABLE)


class ResetServerTaskState(_ServerMigrationAction, tables.LinkAction):
    name = "reset_task_state"
    verbose_name = _("Reset Task State")
    url = "horizon:admin:share_servers:reset_task_state"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_server:share_server_reset_task_state"),)

    def offered_for(self, server):
        return bool(server.task_state)


class ShareServersFilterAction(common_tables.ServerFilterAction):
    filter_choices = common_tables.exact_filters("host", "status", "project_id",
                                                 "share_network_id")


class UpdateRow(tables.Row):
    ajax = True

    def get_data(self, request, server_id):
        server = api_servers.share_server_get(request, server_id)
        server.project_name = projects.project_name(request, server.project_id)
        server.migration_progress = None
        if server.status == api_servers.MIGRATING and server.task_state in (
                api_servers.COPYING):
            # One more call while the driver copies: the row's progress bar.
            try:
                server.migration_progress = api_servers.migration_progress(
                    request, server_id).get("total_progress")
            except Exception:
                exceptions.handle(request, ignore=True)
        return server


def get_network(server):
    return server.share_network_name or server.share_network_id or "-"


def get_network_link(server):
    if not server.share_network_id:
        return None
    return common_tables.reverse_id("horizon:admin:share_networks:detail", server.share_network_id)


class ShareServersTable(common_tables.DataTable):
    id = tables.Column("id", verbose_name=_("ID"),
                       link="horizon:admin:share_servers:detail")
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    network = tables.WrappingColumn(get_network, verbose_name=_("Share Network"),
                                    link=get_network_link)
    host = tables.Column("host", verbose_name=_("Host"))
    status = tables.Column("status", verbose_name=_("Status"), status=True,
                           status_choices=STATUS_CHOICES,
                           display_choices=STATUS_DISPLAY_CHOICES)
    task_state = tables.Column(admin_share_tables.get_task, verbose_name=_("Task State"))
    updated = tables.Column("updated_at", verbose_name=_("Updated"),
                            filters=(filters.parse_isotime, filters.timesince_sortable),
                            attrs={"data-type": "timesince"})

    def get_object_display(self, server):
        return server.id

    class Meta:
        name = "share_servers"
        verbose_name = _("Share Servers")
        status_columns = ["status"]
        row_class = UpdateRow
        table_actions = (ShareServersFilterAction, ManageShareServer,
                         DeleteShareServer)
        row_actions = (ManageShareOnServer, CheckServerMigration, MigrateShareServer,
                       CompleteServerMigration, CancelServerMigration,
                       ResetShareServerStatus, ResetServerTaskState,
                       UnmanageShareServer, DeleteShareServer)


def manage_share_url(server_id, **params):
    url = reverse("horizon:admin:share_servers:manage_share", args=(server_id,))
    return f"{url}?{urlencode(params)}" if params else url


# -- a server's detail page: the shares it holds --------------------------------

def get_share_link(share):
    return common_tables.reverse_id("horizon:admin:shares:detail", share.id)


class ServerSharesTable(common_tables.DataTable):
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_share_link)
    project = tables.Column("project_id", verbose_name=_("Project ID"))
    size = tables.Column("size", verbose_name=_("Size (GiB)"))
    status = tables.Column("status", verbose_name=_("Status"),
                           display_choices=share_tables.STATUS_DISPLAY_CHOICES)
    proto = tables.Column("share_proto", verbose_name=_("Protocol"))

    class Meta:
        name = "server_shares"
        verbose_name = _("Shares")
