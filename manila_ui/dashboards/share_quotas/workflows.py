"""The "Share" steps the plugin adds to Horizon's quota workflows (by
``EXTRA_STEPS``): Identity › Projects › Modify Quotas (a project's limits,
with what it uses beside each) and Admin › Defaults › Update Defaults (the
quota class ``default``, share groups and group snapshots included, which
upstream could not set).

Every share quota the server has at the negotiated microversion; limits
below usage need the explicit "allow" box, as Manila needs ``force``. Only
changed limits are sent, in one ``PUT``.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import workflows

from manila_ui.api import client as api_client
from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import common_forms
from manila_ui.dashboards import policy
from manila_ui.dashboards.share_quotas import fields
from manila_ui.dashboards.share_quotas.tables import UPDATE_STEP

STEP_TEMPLATE = "manila_ui/share_quotas/_step.html"


def manila_reachable(request: Any) -> bool:
    try:
        api_client.endpoint_url(request)
    except Exception:
        return False
    return True


class ShareQuotaStep(workflows.Step):
    """A step whose action holds ``entries`` (api.quotas.QuotaEntry) and
    the fields ``fields.add_fields`` made from them."""

    template_name = STEP_TEMPLATE
    show_usage = True

    @property
    def type_quotas_url(self) -> str | None:
        """A link to the project's limits per share type, where there is one."""
        return None

    @property
    def quota_rows(self) -> list[dict[str, Any]]:
        return fields.rows(self.action, self.action.entries)

    @property
    def force_field(self) -> Any:
        present = fields.FORCE in self.action.fields
        return self.action[fields.FORCE] if present else None

    def contribute(self, data: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
        for key, value in (data or {}).items():
            if key.startswith(fields.PREFIX):
                context[key] = value
        return context


class UpdateShareQuotaAction(workflows.Action):
    def __init__(self, request: Any, context: dict[str, Any], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(request, context, *args, **kwargs)
        self.entries: list[api_quotas.QuotaEntry] = context.get("share_quota_entries", [])
        fields.add_fields(self, self.entries)
        if self.entries:
            fields.add_force(self)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        fields.check_usage(self, cleaned, self.entries)
        return cleaned

    def handle(self, request: Any, context: dict[str, Any]) -> bool:
        limits = fields.changed(context, self.entries)
        if not limits:
            return True
        try:
            api_quotas.quota_update(request, context["project_id"], limits,
                                    force=bool(context.get(fields.FORCE)))
        except fields.REFUSALS as exc:
            # Manila's own reason (e.g. below what the project's users hold).
            return common_forms.refused(self, _("Unable to update the share quotas"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the share quotas."))
            return False
        return True

    class Meta:
        name = _("Share")
        slug = "update_share_quotas"
        help_text = _("Set the share quotas of the project (Manila). The right "
                      "column shows what the project uses now.")


class UpdateShareQuota(ShareQuotaStep):
    action_class = UpdateShareQuotaAction
    depends_on = ("project_id",)
    contributes = ()

    def allowed(self, request: Any) -> bool:
        return manila_reachable(request) and policy.allows(request, "quota_set:update")

    def prepare_action_context(self, request: Any, context: dict[str, Any]
                               ) -> dict[str, Any]:
        context = dict(context)
        try:
            context["share_quota_entries"] = api_quotas.quota_get(
                request, context["project_id"])
        except Exception:
            context["share_quota_entries"] = []
            exceptions.handle(request, _("Unable to retrieve the share quotas."))
        return context

    @property
    def type_quotas_url(self) -> str | None:
        project_id = self.workflow.context.get("project_id")
        if not project_id:
            return None
        return reverse("horizon:admin:share_quotas:project", args=(project_id,))


# -- Admin › Defaults › Update Defaults ------------------------------------------

class UpdateDefaultShareQuotasAction(workflows.Action):
    def __init__(self, request: Any, context: dict[str, Any], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(request, context, *args, **kwargs)
        self.entries: list[api_quotas.QuotaEntry] = context.get("share_quota_entries", [])
        fields.add_fields(self, self.entries)

    def handle(self, request: Any, context: dict[str, Any]) -> bool:
        limits = fields.changed(context, self.entries)
        if not limits:
            return True
        try:
            api_quotas.default_quota_update(request, limits)
        except fields.REFUSALS as exc:
            return common_forms.refused(
                self, _("Unable to update the default share quotas"), exc)
        except Exception:
            exceptions.handle(request, _("Unable to update the default share quotas."))
            return False
        return True

    class Meta:
        name = _("Share")
        slug = UPDATE_STEP
        help_text = _("The share quotas (Manila) of every project that has no "
                      "limits of its own. -1 means no limit.")


class UpdateDefaultShareQuotas(ShareQuotaStep):
    action_class = UpdateDefaultShareQuotasAction
    contributes = ()
    show_usage = False

    def allowed(self, request: Any) -> bool:
        return manila_reachable(request) and policy.allows(request,
                                                           "quota_class_set:update")

    def prepare_action_context(self, request: Any, context: dict[str, Any]
                               ) -> dict[str, Any]:
        context = dict(context)
        try:
            context["share_quota_entries"] = api_quotas.default_quota_get(request)
        except Exception:
            context["share_quota_entries"] = []
            exceptions.handle(request, _("Unable to retrieve the default share quotas."))
        return context
