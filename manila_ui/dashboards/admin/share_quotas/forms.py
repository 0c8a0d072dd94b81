"""Edit or reset one quota set: a project's, or one of its share types'."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import exceptions as api_exceptions
from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import share_quotas

REFUSALS = share_quotas.REFUSALS


class UpdateQuotasForm(forms.SelfHandlingForm):
    def __init__(self, request: Any, *args: Any, entries: list[api_quotas.QuotaEntry],
                 project_id: str, share_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.entries = entries
        self.project_id = project_id
        self.share_type = share_type
        share_quotas.add_fields(self, entries)
        share_quotas.add_force(self)

    @property
    def quota_rows(self) -> list[dict[str, Any]]:
        return share_quotas.rows(self, self.entries)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        share_quotas.check_usage(self, cleaned, self.entries)
        return cleaned

    def handle(self, request: Any, data: dict[str, Any]) -> bool:
        limits = share_quotas.changed(data, self.entries)
        if limits:
            try:
                api_quotas.quota_update(request, self.project_id, limits,
                                        force=bool(data.get(share_quotas.FORCE)),
                                        share_type=self.share_type)
            except REFUSALS as exc:
                self.api_error(_("Unable to update the quotas: %s")
                               % api_exceptions.fault_message(exc))
                return False
            except Exception:
                exceptions.handle(request, _("Unable to update the quotas."))
                return False
        messages.success(request, _("Share quotas updated."))
        return True


class ResetQuotasForm(forms.SelfHandlingForm):
    def __init__(self, request: Any, *args: Any, project_id: str,
                 share_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.project_id = project_id
        self.share_type = share_type

    def handle(self, request: Any, data: dict[str, Any]) -> bool:
        try:
            api_quotas.quota_reset(request, self.project_id, share_type=self.share_type)
        except Exception:
            exceptions.handle(request, _("Unable to reset the quotas."))
            return False
        messages.success(request, _("Share quotas reset to the defaults."))
        return True
