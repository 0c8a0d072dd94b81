"""Admin › Defaults › Share Quotas: the default share quotas (quota class
``default``), group quotas included."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from horizon import tables

from manila_ui.api import quotas as api_quotas

UPDATE_STEP = "update_default_share_quotas"


class UpdateDefaultShareQuotas(tables.LinkAction):
    name = "update_share_defaults"
    verbose_name = _("Update Defaults")
    url = "horizon:admin:defaults:update_defaults"
    classes = ("ajax-modal",)
    icon = "pencil"
    policy_rules = (("share", "quota_class_set:update"),)

    def get_link_url(self, datum: Any = None) -> str:
        return f"{reverse(self.url)}?{urlencode({'step': UPDATE_STEP})}"


def _limit(entry: api_quotas.QuotaEntry) -> Any:
    return _("No limit") if entry.unlimited else entry.limit


class ShareQuotasTable(tables.DataTable):
    name = tables.Column(lambda e: e.resource.label, verbose_name=_("Quota Name"))
    limit = tables.Column(_limit, verbose_name=_("Limit"))

    def get_object_id(self, obj: api_quotas.QuotaEntry) -> str:
        return obj.name

    class Meta:
        name = "share_quotas"
        verbose_name = _("Share Quotas")
        table_actions = (UpdateDefaultShareQuotas,)
        multi_select = False
