"""Every project's resource locks, with the project's name (one Keystone
call per page)."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.resource_locks import tables as project_tables

RESOURCE_URLS = {"share": "horizon:admin:shares:detail"}


def resource_link(lock):
    return project_tables.resource_link(lock, RESOURCE_URLS)


class AdminEditLock(project_tables.EditLock):
    url = "horizon:admin:resource_locks:update"


class AdminLocksFilterAction(project_tables.LocksFilterAction):
    filter_choices = (*project_tables.LocksFilterAction.filter_choices,
                      ("project_id", _("Project ID ="), True))


class AdminLocksTable(project_tables.LocksTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    resource = tables.Column("resource_id", verbose_name=_("Resource"),
                             link=resource_link)
    reason = tables.WrappingColumn("lock_reason", verbose_name=_("Reason"),
                                   link="horizon:admin:resource_locks:detail",
                                   empty_value=_("(no reason given)"))

    class Meta(project_tables.LocksTable.Meta):
        name = "resource_locks"
        columns = ("project", "resource_type", "resource", "action", "reason",
                   "context", "user", "created")
        table_actions = (AdminLocksFilterAction, project_tables.DeleteLock)
        row_actions = (AdminEditLock, project_tables.DeleteLock)
