"""The base of every table of the dashboards, the table actions shared by
the panels (project and admin alike), and the filter choices their
server-side filters offer."""

from __future__ import annotations

import collections
import copy
import types
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables


def _own_copy(action: Any) -> Any:
    """An action for one table alone (as Horizon copies row actions), with
    the methods Horizon bound to the original (``single``/``multiple`` of a
    batch action) bound to the copy."""
    mine = copy.copy(action)
    mine.attrs = dict(action.attrs)
    mine.classes = list(action.classes)
    for name, value in vars(action).items():
        if isinstance(value, types.MethodType) and value.__self__ is action:
            setattr(mine, name, types.MethodType(value.__func__, mine))
    return mine


class DataTable(tables.DataTable):
    """A Horizon table whose actions belong to it alone.

    Horizon builds one instance of each action per table class, at import,
    and re-binds it to every new table (``associate_with_table``): under a
    threaded server, another request's table takes the shared action over
    between this table's creation and its rendering, and the action then
    builds links, refresh URLs and policy targets from the other page's
    object. Every table of the dashboards derives from this class: it
    copies its actions (and the options that point at them, such as the
    filter action and the paging state) when it is made, so an action's
    ``self.table`` is always the request's own table. State an action
    needs per request is set in ``update()`` (Horizon's hook on these
    copies; a test forbids it elsewhere), which this table also calls for
    its table actions.
    """

    def __init__(self, request: Any, data: Any = None, needs_form_wrapper: Any = None,
                 **kwargs: Any) -> None:
        shared = type(self)
        self._meta = copy.copy(shared._meta)
        self.base_actions = collections.OrderedDict(
            (name, _own_copy(action)) for name, action in shared.base_actions.items())
        if self._meta._filter_action is not None:
            self._meta._filter_action = self.base_actions[self._meta._filter_action.name]
        super().__init__(request, data=data, needs_form_wrapper=needs_form_wrapper,
                         **kwargs)

    def get_table_actions(self) -> list[Any]:
        actions = super().get_table_actions()
        for action in actions:
            action.update(self.request, None)
        return actions


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
