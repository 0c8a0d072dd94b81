"""Table actions shared by the panels (project and admin alike), and the
filter choices their server-side filters offer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables

# The filters Manila applies to a list, by its query key: one label each,
# whichever panel offers it.
EXACT_FILTER_LABELS: dict[str, Any] = {
    "name": _("Name ="),
    "status": _("Status ="),
    "project_id": _("Project ID ="),
    "host": _("Host ="),
    "share_id": _("Share ID ="),
    "share_network_id": _("Share Network ID ="),
    "share_type": _("Type ="),
    "availability_zone": _("Availability Zone ="),
    "type": _("Type ="),
    "resource_id": _("Resource ID ="),
    "resource_type": _("Resource Type ="),
    "message_level": _("Level ="),
}


def exact_filters(*keys: str) -> tuple[tuple[str, Any, bool], ...]:
    """``filter_choices`` of these keys, in this order (exact matches)."""
    return tuple((key, EXACT_FILTER_LABELS[key], True) for key in keys)


class ServerFilterAction(tables.FilterAction):
    """Manila filters the list, so the filter holds on every page, not
    just the one shown."""

    filter_type = "server"


class RowApiCallMixin:
    """The one API call a batch (or delete) action makes per chosen row.

    Put before ``tables.BatchAction``/``tables.DeleteAction``. A failure goes
    through ``exceptions.handle`` with Manila's reason, escalated so that
    Horizon counts the row as failed (without a second message).
    """

    # Called as api_call(request, obj_id); a staticmethod.
    api_call: Callable[[Any, str], Any]
    failure_message: Any = ""

    def action(self, request: Any, obj_id: str) -> None:
        try:
            self.api_call(request, obj_id)
        except Exception:
            exceptions.handle(request, self.failure_message, escalate=True)


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
    classes: Any = ("ajax-modal", "btn-create")  # a list once allowed() ran
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

    def allowed(self, request: Any, datum: Any = None) -> bool:
        try:
            exhausted = self.quota_exhausted(request)
        except Exception:
            exceptions.handle(request, self.quota_error)
            return True
        show_quota(self, exhausted)
        return True

    def single(self, table: Any, request: Any, object_id: Any = None) -> HttpResponse:
        self.allowed(request, None)
        return HttpResponse(self.render(is_table_action=True))
