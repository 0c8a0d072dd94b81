"""Every project's security services, with the project's name."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards import common_tables
from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.security_services import tables as project_tables


def get_admin_detail_link(service):
    return common_tables.reverse_id("horizon:admin:security_services:detail", service.id)


class AdminSecurityServicesTable(project_tables.SecurityServicesTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn("name_or_id", verbose_name=_("Name"),
                                 link=get_admin_detail_link)

    class Meta(project_tables.SecurityServicesTable.Meta):
        name = "security_services"
        columns = ("project", "name", "type", "server", "domain", "networks", "created")
        table_actions = (project_tables.SecurityServicesFilterAction,
                         project_tables.DeleteSecurityService)
        row_actions = (project_tables.DeleteSecurityService,)
