"""Identity › Projects › Modify Quotas: the "Share" step (added to Horizon's
``UpdateQuota`` workflow by ``EXTRA_STEPS``).

Every share quota the server has at the negotiated microversion, with what
the project uses beside each limit; limits below usage need the explicit
"allow" box, as Manila needs ``force``.  Only changed limits are sent, in
one ``PUT``.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import messages
from horizon import workflows
from openstack_dashboard import policy

from manila_ui.api import client as api_client
from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import share_quotas

STEP_TEMPLATE = "manila_ui/share_quotas/_step.html"


def manila_reachable(request: Any) -> bool:
    try:
        api_client.endpoint_url(request)
    except Exception:
        return False
    return True


class ShareQuotaStep(workflows.Step):
    """A step whose action holds ``entries`` (api.quotas.QuotaEntry) and
    the fields share_quotas.add_fields made from them."""

    template_name = STEP_TEMPLATE
    type_quotas_url: str | None = None
    show_usage = True

    @property
    def quota_rows(self) -> list[dict[str, Any]]:
        return share_quotas.rows(self.action, self.action.entries)

    @property
    def force_field(self) -> Any:
        fields = self.action.fields
        return self.action[share_quotas.FORCE] if share_quotas.FORCE in fields else None

    def contribute(self, data: dict[str, Any], context: dict[str, Any]) -> dict[str, Any]:
        for key, value in (data or {}).items():
            if key.startswith(share_quotas.PREFIX):
                context[key] = value
        return context


class UpdateShareQuotaAction(workflows.Action):
    def __init__(self, request: Any, context: dict[str, Any], *args: Any,
                 **kwargs: Any) -> None:
        super().__init__(request, context, *args, **kwargs)
        self.entries: list[api_quotas.QuotaEntry] = context.get("share_quota_entries", [])
        share_quotas.add_fields(self, self.entries)
        if self.entries:
            share_quotas.add_force(self)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        share_quotas.check_usage(self, cleaned, self.entries)
        return cleaned

    def handle(self, request: Any, context: dict[str, Any]) -> bool:
        limits = share_quotas.changed(context, self.entries)
        if not limits:
            return True
        try:
            api_quotas.quota_update(request, context["project_id"], limits,
                                    force=bool(context.get(share_quotas.FORCE)))
        except share_quotas.REFUSALS as exc:
            # Manila's own reason (e.g. below what the project's users hold).
            messages.error(request, _("Unable to update the share quotas: %s")
                           % api_exceptions.fault_message(exc))
            return False
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
        return manila_reachable(request) and policy.check(
            (("share", "quota_set:update"),), request)

    def prepare_action_context(self, request: Any, context: dict[str, Any]
                               ) -> dict[str, Any]:
        context = dict(context)
        try:
            context["share_quota_entries"] = api_quotas.quota_get(
                request, context["project_id"])
        except Exception:
            context["share_quota_entries"] = []
            exceptions.handle(request, _("Unable to retrieve the share quotas."))
        self.type_quotas_url = reverse("horizon:admin:share_quotas:project",
                                       args=(context["project_id"],))
        return context
