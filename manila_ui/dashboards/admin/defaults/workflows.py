"""Admin › Defaults › Update Defaults: the "Share" step (added to Horizon's
``UpdateDefaultQuotas`` by ``EXTRA_STEPS``): every default share quota,
share groups and group snapshots included (upstream could not set them)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import messages
from horizon import workflows
from openstack_dashboard import policy

from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import share_quotas
from manila_ui.dashboards.admin.defaults.tables import UPDATE_STEP
from manila_ui.dashboards.identity.projects.workflows import ShareQuotaStep
from manila_ui.dashboards.identity.projects.workflows import manila_reachable


class UpdateDefaultShareQuotasAction(workflows.Action):
    def __init__(self, request: Any, context: dict[str, Any], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(request, context, *args, **kwargs)
        self.entries: list[api_quotas.QuotaEntry] = context.get("share_quota_entries", [])
        share_quotas.add_fields(self, self.entries)

    def handle(self, request: Any, context: dict[str, Any]) -> bool:
        limits = share_quotas.changed(context, self.entries)
        if not limits:
            return True
        try:
            api_quotas.default_quota_update(request, limits)
        except share_quotas.REFUSALS as exc:
            messages.error(request, _("Unable to update the default share quotas: %s")
                           % api_exceptions.fault_message(exc))
            return False
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
        return manila_reachable(request) and policy.check(
            (("share", "quota_class_set:update"),), request)

    def prepare_action_context(self, request: Any, context: dict[str, Any]
                               ) -> dict[str, Any]:
        context = dict(context)
        try:
            context["share_quota_entries"] = api_quotas.default_quota_get(request)
        except Exception:
            context["share_quota_entries"] = []
            exceptions.handle(request, _("Unable to retrieve the default share quotas."))
        return context
