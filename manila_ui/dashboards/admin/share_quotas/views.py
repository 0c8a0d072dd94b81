"""Admin › Share › Share Quotas.

Every page costs a constant number of calls: the project list (Keystone);
for one project, its quota set with usage, the share types, and the one
share type's quota set the page shows (Manila has no call for all types
at once, so the page shows one type at a time, chosen from the list).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import tables
from openstack_dashboard.api import keystone

from manila_ui.api import client as api_client
from manila_ui.api import microversions
from manila_ui.api import quotas as api_quotas
from manila_ui.api import share_types as api_share_types
from manila_ui.dashboards import policy
from manila_ui.dashboards.admin.share_quotas import forms as quota_forms
from manila_ui.dashboards.admin.share_quotas import tables as quota_tables

INDEX_URL = "horizon:admin:share_quotas:index"


def _types_supported(request: Any) -> bool:
    """Per-share-type quotas came with 2.39."""
    return microversions.version_key(api_client.api_version(request)) >= (2, 39)


def _project(request: Any, project_id: str) -> Any:
    try:
        return keystone.tenant_get(request, project_id)
    except Exception:
        exceptions.handle(request, _("Unable to retrieve the project."),
                          redirect=reverse(INDEX_URL))


class IndexView(tables.DataTableView):
    table_class = quota_tables.ProjectsTable
    template_name = "admin/share_quotas/index.html"
    page_title = _("Share Quotas")

    def get_data(self) -> list[Any]:
        try:
            projects, _more = keystone.tenant_list(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve projects."))
            return []
        return sorted(projects, key=lambda p: (p.name or "").lower())


class ProjectView(tables.MultiTableView):
    table_classes = (quota_tables.QuotaTable, quota_tables.TypeQuotaTable)
    template_name = "admin/share_quotas/project.html"
    page_title = _("Share Quotas of {{ project.name }}")

    def _share_types(self) -> list[api_share_types.ShareType]:
        if not hasattr(self, "_types"):
            self._types: list[api_share_types.ShareType] = []
            if _types_supported(self.request):
                try:
                    self._types = api_share_types.share_type_list(self.request)
                except Exception:
                    exceptions.handle(self.request,
                                      _("Unable to retrieve share types."))
        return self._types

    def _chosen_type(self) -> api_share_types.ShareType | None:
        types = self._share_types()
        wanted = self.request.GET.get("share_type")
        for share_type in types:
            if share_type.id == wanted:
                return share_type
        defaults = [t for t in types if t.is_default]
        return (defaults or types or [None])[0]

    def get_project_quotas_data(self) -> list[api_quotas.QuotaEntry]:
        try:
            return api_quotas.quota_get(self.request, self.kwargs["project_id"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the share quotas."))
            return []

    def get_type_quotas_data(self) -> list[api_quotas.QuotaEntry]:
        chosen = self._chosen_type()
        if chosen is None:
            return []
        self.get_tables()["type_quotas"].share_type_id = chosen.id
        try:
            return api_quotas.quota_get(self.request, self.kwargs["project_id"],
                                        share_type=chosen.id)
        except Exception:
            exceptions.handle(self.request,
                              _("Unable to retrieve the share type's quotas."))
            return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["project"] = _project(self.request, self.kwargs["project_id"])
        context["share_types"] = self._share_types()
        context["chosen_type"] = self._chosen_type()
        context["url"] = reverse(INDEX_URL)
        context["modify_quotas_url"] = "{}?step=update_share_quotas".format(reverse(
            "horizon:identity:projects:update_quotas", args=(self.kwargs["project_id"],)))
        return context


class _ScopedModal(policy.PolicyCheckedView, forms.ModalFormView):
    """A modal on the project's quota set, or one share type's."""

    success_url_name = "horizon:admin:share_quotas:project"

    def _scope(self) -> tuple[str, str | None]:
        return self.kwargs["project_id"], self.kwargs.get("type_id")

    def get_success_url(self) -> str:
        project_id, type_id = self._scope()
        url = reverse(self.success_url_name, args=(project_id,))
        return f"{url}?share_type={type_id}" if type_id else url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        project_id, type_id = self._scope()
        name = self.submit_url_name + ("_type" if type_id else "")
        args = (project_id, type_id) if type_id else (project_id,)
        context["submit_url"] = reverse(f"horizon:admin:share_quotas:{name}", args=args)
        context["cancel_url"] = self.get_success_url()
        context["share_type_id"] = type_id
        return context

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs()
        project_id, type_id = self._scope()
        kwargs.update(project_id=project_id, share_type=type_id)
        return kwargs


class UpdateView(_ScopedModal):
    form_class = quota_forms.UpdateQuotasForm
    policy_rules = quota_tables.EditQuotas.policy_rules
    template_name = "admin/share_quotas/update.html"
    modal_id = "update_share_quotas_modal"
    modal_header = _("Edit Share Quotas")
    submit_label = _("Save")
    submit_url_name = "update"
    page_title = _("Edit Share Quotas")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs()
        try:
            kwargs["entries"] = api_quotas.quota_get(
                self.request, kwargs["project_id"], share_type=kwargs["share_type"])
        except Exception:
            exceptions.handle(self.request, _("Unable to retrieve the share quotas."),
                              redirect=self.get_success_url())
        return kwargs


class ResetView(_ScopedModal):
    form_class = quota_forms.ResetQuotasForm
    policy_rules = quota_tables.ResetQuotas.policy_rules
    template_name = "admin/share_quotas/reset.html"
    modal_id = "reset_share_quotas_modal"
    modal_header = _("Reset Share Quotas")
    submit_label = _("Reset to Defaults")
    submit_url_name = "reset"
    page_title = _("Reset Share Quotas")
