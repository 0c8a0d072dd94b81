"""Table actions shared by the panels (project and admin alike), and the
filter choices their server-side filters offer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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


class Dangerous:
    """A batch action Horizon asks to confirm (a red button, as Delete)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.action_type = "danger"


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
