"""Every project's user messages, with the project's name."""

from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.admin import projects
from manila_ui.dashboards.project.user_messages import tables as project_tables

RESOURCE_URLS = {
    "SHARE": "horizon:admin:shares:detail",
    "SHARE_SNAPSHOT": "horizon:admin:share_snapshots:detail",
}


def resource_link(message):
    return project_tables.resource_link(message, RESOURCE_URLS)


class AdminMessagesTable(project_tables.MessagesTable):
    project = tables.Column(projects.get_project, verbose_name=_("Project"))
    message = tables.WrappingColumn(
        "user_message", verbose_name=_("Message"),
        link="horizon:admin:user_messages:detail")
    resource_id = tables.Column("resource_id", verbose_name=_("Resource"),
                                link=resource_link)

    class Meta(project_tables.MessagesTable.Meta):
        name = "user_messages"
        columns = ("project", "level", "message", "resource_type",
                   "resource_id", "created", "expires")
