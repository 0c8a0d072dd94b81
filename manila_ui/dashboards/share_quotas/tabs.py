"""The "Share Quotas" tab of Admin › Defaults (added by ``EXTRA_TABS``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tabs

from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import policy
from manila_ui.dashboards.share_quotas import tables
from manila_ui.dashboards.share_quotas import workflows


class ShareQuotasTab(tabs.TableTab):
    table_classes = (tables.ShareQuotasTable,)
    name = _("Share Quotas")
    slug = "share_quotas"
    template_name = "horizon/common/_detail_table.html"

    def get_share_quotas_data(self) -> list[api_quotas.QuotaEntry]:
        try:
            return api_quotas.default_quota_get(self.request)
        except Exception:
            exceptions.handle(self.request, _("Unable to get the default share quotas."))
            return []

    def allowed(self, request: Any) -> bool:
        return workflows.manila_reachable(request) and policy.allows(
            request, "quota_class_set:show")
