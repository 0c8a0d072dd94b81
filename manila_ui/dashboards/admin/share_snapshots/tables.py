"""Every project's snapshots, with the admin actions (reset status, force
delete, manage, unmanage)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from horizon import tables

from manila_ui.api import snapshots as api_snapshots
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.share_snapshots import tables as project_tables

UNMANAGEABLE_STATUSES = ("available", "error", "manage_error")


class AdminSnapshotsFilterAction(common_tables.ServerFilterAction):
    filter_choices = project_tables.SnapshotsFilterAction.filter_choices + \
        common_tables.exact_filters("project_id")


class ManageSnapshot(tables.LinkAction):
    name = "manage"
    verbose_name = _("Manage Snapshot")
    url = "horizon:admin:share_snapshots:manage"
    classes = ("ajax-modal",)
    icon = "plus"
    policy_rules = (("share", "share_snapshot:manage_snapshot"),)


class ResetSnapshotStatus(policy.ProjectTargetMixin,
                          tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_snapshots:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_snapshot:reset_status"),)


class ForceDeleteSnapshot(policy.ProjectTargetMixin,
                          common_tables.RowApiCallMixin, tables.DeleteAction):
    name = "force_delete"
    default_message_level = "info"
    policy_rules = (("share", "share_snapshot:force_delete"),)
    api_call = staticmethod(api_snapshots.snapshot_force_delete)
    failure_message = _("Unable to force-delete the snapshot.")

    @staticmethod
    def action_present(count):
        return ngettext("Force Delete Snapshot",
                             "Force Delete Snapshots", count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled forced deletion of Snapshot",
                             "Scheduled forced deletion of Snapshots", count)


class UnmanageSnapshot(common_tables.Dangerous,
                       policy.ProjectTargetMixin,
                       common_tables.RowApiCallMixin, tables.BatchAction):
    name = "unmanage"
    policy_rules = (("share", "share_snapshot:unmanage_snapshot"),)
    api_call = staticmethod(api_snapshots.snapshot_unmanage)
    failure_message = _("Unable to unmanage the snapshot.")

    @staticmethod
    def action_present(count):
        return ngettext("Unmanage Snapshot", "Unmanage Snapshots",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext("Scheduled unmanaging of Snapshot",
                             "Scheduled unmanaging of Snapshots", count)

    def allowed(self, request, snapshot=None):
        return snapshot is None or snapshot.status in UNMANAGEABLE_STATUSES


class AdminDeleteSnapshot(project_tables.DeleteSnapshot):
    pass


class AdminUpdateRow(project_tables.UpdateRow):
    def get_data(self, request, snapshot_id):
        snapshot = super().get_data(request, snapshot_id)
        snapshot.project_name = projects.project_name(request,
                                                      snapshot.project_id)
        return snapshot


def get_share_link(snapshot):
    if not snapshot.share_id:
        return None
    return common_tables.reverse_id("horizon:admin:shares:detail", snapshot.share_id)


class AdminSnapshotsTable(project_tables.SnapshotsTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"),
        link="horizon:admin:share_snapshots:detail")
    share = tables.WrappingColumn(project_tables.get_share,
                                  verbose_name=_("Share"),
                                  link=get_share_link)

    class Meta(project_tables.SnapshotsTable.Meta):
        name = "share_snapshots"
        verbose_name = _("Share Snapshots")
        columns = ("project", "name", "size", "status", "share", "created")
        row_class = AdminUpdateRow
        table_actions = (AdminSnapshotsFilterAction, ManageSnapshot,
                         ForceDeleteSnapshot, AdminDeleteSnapshot)
        row_actions = (ResetSnapshotStatus, UnmanageSnapshot,
                       ForceDeleteSnapshot, AdminDeleteSnapshot)
