"""The base of every table of the dashboards, the table actions shared by
the panels (project and admin alike), and the filter choices their
server-side filters offer."""

from __future__ import annotations

import collections
import copy
import logging
import types
from collections.abc import Callable
from collections.abc import Hashable
from typing import Any

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables
from horizon.tables import actions as horizon_actions

from manila_ui.dashboards import policy
from manila_ui.dashboards import table_rendering as rendering

LOG = logging.getLogger(__name__)
_ROW_ACTIONS = "_manila_ui_row_actions"

# ``row_kind`` of a row action whose button depends on the row only through
# its id (see DataTable and table_rendering.row_kind_of).
same_for_every_row = rendering.same_for_every_row
# reverse(name, args=(obj_id,)) for a table's links, once per URL name.
reverse_id = rendering.reverse_id


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
    """A Horizon table whose actions belong to it alone, and whose rows cost
    little to render.

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

    Cost: every policy decision is taken once per request and target
    (``policy.check``); rows and cells render in Python (``Row``,
    ``Cell``); a row's actions are rendered once per kind of row (which
    actions are allowed, and each one's ``row_kind``) and given each row's
    id, instead of once per row.
    """

    def __init__(self, request: Any, data: Any = None, needs_form_wrapper: Any = None,
                 **kwargs: Any) -> None:
        shared = type(self)
        self._meta = copy.copy(shared._meta)
        # What rows share while they render (a column's classes, its links).
        self.rendering_memo: dict[Any, Any] = {}
        self._meta.row_class = rendering.with_mixin(self._meta.row_class, rendering.Row)
        self._meta.cell_class = rendering.with_mixin(self._meta.cell_class, rendering.Cell)
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

    def _filter_action(self, action: Any, request: Any, datum: Any = None) -> Any:
        # Horizon's, with the policy decision cached per request (an action
        # with its own _allowed keeps it).
        if type(action)._allowed not in _HORIZON_ALLOWED:
            return super()._filter_action(action, request, datum)
        if self._meta.mixed_data_type and not action.data_type_matched(datum):
            return False
        try:
            return policy.action_allowed(action, request, datum)
        except AssertionError:
            raise
        except Exception:
            LOG.exception("Error while checking action permissions.")
            return None

    def row_actions_kind(self, datum: Any) -> tuple[Hashable, ...] | None:
        """What a row's action buttons depend on besides its id; None when
        an action cannot say."""
        kind: list[Hashable] = []
        for declared in self._meta.row_actions:
            action = self.base_actions[declared.name]
            if not self._filter_action(action, self.request, datum):
                kind.append(False)
                continue
            row_kind = rendering.row_kind_of(action)
            if row_kind is None:
                return None
            kind.append((True, row_kind(self.request, datum)))
        return tuple(kind)

    def render_row_actions(self, datum: Any, row: bool = False) -> Any:
        obj_id = str(self.get_object_id(datum))
        kind = None
        # Kinds pay off from the second row on (not for a detail page's header).
        if not row and len(self.data or ()) > 1 and rendering.PLAIN_ID.fullmatch(obj_id):
            kind = self.row_actions_kind(datum)
        if kind is None:
            return self._render_row_actions(datum, row)
        rendered = self.request.__dict__.setdefault(_ROW_ACTIONS, {})
        key = (id(self), kind)
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = str(self._render_row_actions(datum, row)).replace(
                obj_id, rendering.ID_SLOT)
        # Escaped HTML, with an id that needs no escaping (PLAIN_ID).
        return mark_safe(html.replace(rendering.ID_SLOT, obj_id))  # noqa: S308

    def _render_row_actions(self, datum: Any, row: bool) -> Any:
        """Horizon's rendering of one row's actions; its dropdown (unless
        the table has its own template) written in Python."""
        if row or self._meta.row_actions_dropdown_template != rendering.DROPDOWN:
            return super().render_row_actions(datum, row)
        return rendering.row_actions_html(self.get_row_actions(datum),
                                          self.get_object_id(datum))


_HORIZON_ALLOWED = (horizon_actions.BaseAction._allowed, horizon_actions.BatchAction._allowed,
                    policy.CachedPolicyMixin._allowed)


# The filters Manila applies to a list, by its query key: one label each,
# whichever panel offers it.
EXACT_FILTER_LABELS: dict[str, Any] = {
    "name": _("Name ="),
    "status": _("Status ="),
    "project_id": _("Project ID ="),
    "host": _("Host ="),
    "share_id": _("Share ID ="),
    "share_group_id": _("Share Group ID ="),
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
