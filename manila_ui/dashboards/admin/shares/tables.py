"""Every project's shares: the project table plus project and host."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.dashboards.project.shares import tables as project_tables


class AdminSharesFilterAction(tables.FilterAction):
    filter_type = "server"
    filter_choices = (
        ("name", _("Name ="), True),
        ("project_id", _("Project ID ="), True),
        ("status", _("Status ="), True),
        ("host", _("Host ="), True),
    )


class AdminDeleteShare(project_tables.DeleteShare):
    pass


def get_admin_detail_link(share):
    return reverse("horizon:admin:shares:detail", args=(share.id,))


def get_project(share):
    return getattr(share, "project_name", None) or share.project_id or "-"


class AdminSharesTable(project_tables.SharesTable):
    project = tables.Column(get_project, verbose_name=_("Project"))
    name = tables.WrappingColumn(
        "name_or_id", verbose_name=_("Name"), link=get_admin_detail_link)
    host = tables.Column("host", verbose_name=_("Host"))

    class Meta(project_tables.SharesTable.Meta):
        name = "shares"
        verbose_name = _("Shares")
        columns = ("project", "name", "size", "status", "protocol",
                   "share_type", "availability_zone", "visibility", "host")
        table_actions = (AdminSharesFilterAction, AdminDeleteShare)
        row_actions = (AdminDeleteShare,)
