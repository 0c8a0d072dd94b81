"""Edit or reset one quota set: a project's, or one of its share types'."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import forms
from horizon import messages

from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import common_forms
from manila_ui.dashboards.share_quotas import fields


class UpdateQuotasForm(forms.SelfHandlingForm):
    def __init__(self, request: Any, *args: Any, entries: list[api_quotas.QuotaEntry],
                 project_id: str, share_type: str | None = None, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.entries = entries
        self.project_id = project_id
        self.share_type = share_type
        fields.add_fields(self, entries)
        fields.add_force(self)

    @property
    def quota_rows(self) -> list[dict[str, Any]]:
        return fields.rows(self, self.entries)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        fields.check_usage(self, cleaned, self.entries)
        return cleaned

    def handle(self, request: Any, data: dict[str, Any]) -> bool:
        limits = fields.changed(data, self.entries)
        if limits:
            try:
                api_quotas.quota_update(request, self.project_id, limits,
                                        force=bool(data.get(fields.FORCE)),
                                        share_type=self.share_type)
            except fields.REFUSALS as exc:
                return common_forms.refused(self, _("Unable to update the quotas"), exc)
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
