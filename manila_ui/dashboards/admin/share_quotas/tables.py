"""The tables of Admin › Share › Share Quotas: projects, and one quota set
(the project's or one share type's) with what is in use."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import common_tables


def _project_link(project: Any) -> str:
    return common_tables.reverse_id("horizon:admin:share_quotas:project", project.id)


class ProjectsTable(common_tables.DataTable):
    name = tables.Column("name", verbose_name=_("Project"), link=_project_link)
    id = tables.Column("id", verbose_name=_("Project ID"))
    description = tables.Column(lambda p: getattr(p, "description", "") or "",
                                verbose_name=_("Description"))

    class Meta:
        name = "projects"
        verbose_name = _("Projects")
        multi_select = False


class _ScopeLink(tables.LinkAction):
    """A table action on the quota set the table shows: the project's, or
    one share type's (the view sets the table's ``share_type_id``)."""

    classes = ("ajax-modal",)
    policy_rules = (("share", "quota_set:update"),)
    url_name = ""

    def get_link_url(self, datum: Any = None) -> str:
        project_id = self.table.kwargs["project_id"]
        type_id = getattr(self.table, "share_type_id", None)
        if type_id:
            return reverse(f"horizon:admin:share_quotas:{self.url_name}_type",
                           args=(project_id, type_id))
        return reverse(f"horizon:admin:share_quotas:{self.url_name}", args=(project_id,))


class EditQuotas(_ScopeLink):
    name = "edit"
    verbose_name = _("Edit Quotas")
    url_name = "update"
    icon = "pencil"


class ResetQuotas(_ScopeLink):
    name = "reset"
    verbose_name = _("Reset to Defaults")
    url_name = "reset"
    classes = ("ajax-modal", "btn-danger")
    icon = "undo"
    policy_rules = (("share", "quota_set:delete"),)


def _limit(entry: api_quotas.QuotaEntry) -> Any:
    return _("No limit") if entry.unlimited else entry.limit


def _in_use(entry: api_quotas.QuotaEntry) -> Any:
    if entry.in_use is None or entry.name in api_quotas.NOT_COUNTED:
        return "-"
    return entry.in_use


class QuotaTable(common_tables.DataTable):
    resource = tables.Column(lambda e: e.resource.label, verbose_name=_("Resource"))
    limit = tables.Column(_limit, verbose_name=_("Limit"))
    in_use = tables.Column(_in_use, verbose_name=_("In Use"))

    def get_object_id(self, obj: api_quotas.QuotaEntry) -> str:
        return obj.name

    class Meta:
        name = "project_quotas"
        verbose_name = _("Project Quotas")
        table_actions = (EditQuotas, ResetQuotas)
        multi_select = False


class TypeQuotaTable(QuotaTable):
    class Meta:
        name = "type_quotas"
        verbose_name = _("Share Type Quotas")
        table_actions = (EditQuotas, ResetQuotas)
        multi_select = False
