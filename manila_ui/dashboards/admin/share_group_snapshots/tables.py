"""Every project's share group snapshots, with the admin actions (reset
status, force delete)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables

from manila_ui.api import share_group_snapshots as api_group_snapshots
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.share_group_snapshots import tables as project_tables


class AdminGroupSnapshotsFilterAction(common_tables.ServerFilterAction):
    filter_choices = project_tables.GroupSnapshotsFilterAction.filter_choices + \
        common_tables.exact_filters("project_id")


class ResetGroupSnapshotStatus(policy.ProjectTargetMixin, tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_group_snapshots:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_group_snapshot:reset_status"),)


class ForceDeleteGroupSnapshot(common_tables.Dangerous, policy.ProjectTargetMixin,
                               common_tables.RowApiCallMixin, tables.BatchAction):
    name = "force_delete"
    default_message_level = "info"
    policy_rules = (("share", "share_group_snapshot:force_delete"),)
    api_call = staticmethod(api_group_snapshots.snapshot_force_delete)
    failure_message = _("Unable to force-delete the share group snapshot.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Force Delete Share Group Snapshot",
                             "Force Delete Share Group Snapshots", count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Force deleted Share Group Snapshot",
                             "Force deleted Share Group Snapshots", count)


class AdminUpdateRow(project_tables.UpdateRow):
    def get_data(self, request, snapshot_id):
        snapshot = super().get_data(request, snapshot_id)
        snapshot.project_name = projects.project_name(request, snapshot.project_id)
        return snapshot


def get_group_link(snapshot):
    return project_tables.get_group_link(snapshot, "horizon:admin:share_groups:detail")


class AdminGroupSnapshotsTable(project_tables.GroupSnapshotsTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:admin:share_group_snapshots:detail")
    share_group = tables.WrappingColumn(project_tables.get_group,
                                        verbose_name=_("Share Group"), link=get_group_link)

    class Meta(project_tables.GroupSnapshotsTable.Meta):
        name = "share_group_snapshots"
        verbose_name = _("Share Group Snapshots")
        columns = ("project", "name", "status", "share_group", "members", "created")
        row_class = AdminUpdateRow
        table_actions = (AdminGroupSnapshotsFilterAction, ForceDeleteGroupSnapshot,
                         project_tables.DeleteGroupSnapshot)
        row_actions = (ResetGroupSnapshotStatus, ForceDeleteGroupSnapshot,
                       project_tables.DeleteGroupSnapshot)


