"""Every project's share groups, with the admin actions (reset status,
force delete)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from horizon import tables

from manila_ui.api import share_groups as api_groups
from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.share_groups import tables as project_tables


class AdminShareGroupsFilterAction(common_tables.ServerFilterAction):
    filter_choices = project_tables.ShareGroupsFilterAction.filter_choices + \
        common_tables.exact_filters("project_id", "host")


class ResetShareGroupStatus(policy.ProjectTargetMixin, tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_groups:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_group:reset_status"),)


class ForceDeleteShareGroup(common_tables.Dangerous, policy.ProjectTargetMixin,
                            common_tables.RowApiCallMixin, tables.BatchAction):
    name = "force_delete"
    help_text = _("Removes the group and its group snapshots from Manila whatever "
                  "their status, without asking the back end. Manila refuses a group "
                  "that still has shares.")
    default_message_level = "info"
    policy_rules = (("share", "share_group:force_delete"),)
    api_call = staticmethod(api_groups.share_group_force_delete)
    failure_message = _("Unable to force-delete the share group.")

    @staticmethod
    def action_present(count):
        return ngettext_lazy("Force Delete Share Group", "Force Delete Share Groups",
                             count)

    @staticmethod
    def action_past(count):
        return ngettext_lazy("Force deleted Share Group", "Force deleted Share Groups",
                             count)


class AdminUpdateRow(project_tables.UpdateRow):
    def get_data(self, request, group_id):
        group = super().get_data(request, group_id)
        group.project_name = projects.project_name(request, group.project_id)
        return group


class AdminShareGroupsTable(project_tables.ShareGroupsTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link="horizon:admin:share_groups:detail")
    host = tables.Column("host", verbose_name=_("Host"))

    class Meta(project_tables.ShareGroupsTable.Meta):
        name = "share_groups"
        verbose_name = _("Share Groups")
        columns = ("project", "name", "status", "availability_zone", "share_types",
                   "host", "created")
        row_class = AdminUpdateRow
        table_actions = (AdminShareGroupsFilterAction, ForceDeleteShareGroup,
                         project_tables.DeleteShareGroup)
        row_actions = (ResetShareGroupStatus, ForceDeleteShareGroup,
                       project_tables.DeleteShareGroup)
