"""Every project's share networks: the project table plus the project's
name (one Keystone call per page) and an admin's status reset."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards import common_tables
from manila_ui.dashboards import policy
from manila_ui.dashboards import utils
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.share_networks import tables as project_tables


class AdminShareNetworksFilterAction(project_tables.ShareNetworksFilterAction):
    filter_choices = project_tables.ShareNetworksFilterAction.filter_choices + \
        common_tables.exact_filters("project_id")


class ResetShareNetworkStatus(policy.ProjectTargetMixin, tables.LinkAction):
    name = "reset_status"
    verbose_name = _("Reset Status")
    url = "horizon:admin:share_networks:reset_status"
    classes = ("ajax-modal",)
    policy_rules = (("share", "share_network:reset_status"),)

    def allowed(self, request, network=None):
        return utils.supports(request, "share_network_security_service_update")


def get_admin_detail_link(network):
    return common_tables.reverse_id("horizon:admin:share_networks:detail", network.id)


class AdminShareNetworksTable(project_tables.ShareNetworksTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_admin_detail_link)

    class Meta(project_tables.ShareNetworksTable.Meta):
        name = "share_networks"
        columns = ("project", "name", "description", "zones", "status", "created")
        table_actions = (AdminShareNetworksFilterAction,
                         project_tables.DeleteShareNetwork)
        row_actions = (ResetShareNetworkStatus, project_tables.DeleteShareNetwork)
