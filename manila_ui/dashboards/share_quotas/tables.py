"""The share quota tables and table actions: the "(Quota exceeded)" state of
Create buttons (and of a share row's Create Snapshot), and the default
share quotas shown in Admin › Defaults' "Share Quotas" tab."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables

from manila_ui.api import quotas as api_quotas
from manila_ui.dashboards import common_tables


def show_quota(action: Any, exceeded: bool) -> None:
    """Disables a link action saying "(Quota exceeded)", or undoes that;
    ``action.label`` holds its usual words."""
    classes = [c for c in action.classes if c != "disabled"]
    if exceeded:
        classes.append("disabled")
        action.verbose_name = format_lazy("{} {}", action.label, _("(Quota exceeded)"))
    else:
        action.verbose_name = action.label
    action.classes = classes  # a new list: row actions are shallow copies


class QuotaCreateAction(tables.LinkAction):
    """A Create button that says when the quota is used up (disabled,
    "(Quota exceeded)"); re-rendered by itself (ajax) after rows change."""

    name = "create"
    classes: Any = ("ajax-modal", "btn-create")  # a list once updated
    icon = "plus"
    ajax = True
    label: Any = ""  # the button's words (verbose_name changes with the quota)
    quota_error: Any = ""

    def __init__(self, attrs: Any = None, **kwargs: Any) -> None:
        kwargs["preempt"] = True
        super().__init__(attrs, **kwargs)

    def quota_exhausted(self, request: Any) -> bool:
        """From the request's one (memoized) ``/limits`` call."""
        raise NotImplementedError

    def update(self, request: Any, datum: Any = None) -> None:
        # On this table's own copy (common_tables.DataTable), never on the
        # instance Horizon shares between requests.
        try:
            exhausted = self.quota_exhausted(request)
        except Exception:
            exceptions.handle(request, self.quota_error)
            return
        show_quota(self, exhausted)

    def single(self, table: Any, request: Any, object_id: Any = None) -> HttpResponse:
        self.update(request, None)
        return HttpResponse(self.render(is_table_action=True))


# -- Admin › Defaults › Share Quotas ----------------------------------------------

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


class ShareQuotasTable(common_tables.DataTable):
    name = tables.Column(lambda e: e.resource.label, verbose_name=_("Quota Name"))
    limit = tables.Column(_limit, verbose_name=_("Limit"))

    def get_object_id(self, obj: api_quotas.QuotaEntry) -> str:
        return obj.name

    class Meta:
        name = "share_quotas"
        verbose_name = _("Share Quotas")
        table_actions = (UpdateDefaultShareQuotas,)
        multi_select = False
