"""The base of every table of the dashboards, the table actions shared by
the panels (project and admin alike), and the filter choices their
server-side filters offer."""

from __future__ import annotations

import collections
import copy
import functools
import logging
import re
import types
from collections.abc import Callable
from collections.abc import Hashable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from horizon import exceptions
from horizon import tables
from horizon.tables import actions as horizon_actions
from horizon.tables import base as horizon_base

from manila_ui.dashboards import policy


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


# An object id that reads the same in an element id, a URL and HTML (a
# UUID): a row's actions can then be rendered once per kind of row and
# given each row's id by substitution.
LOG = logging.getLogger(__name__)

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{7,}")
_ID_SLOT = "\x00"
_ROW_ACTIONS = "_manila_ui_row_actions"


def same_for_every_row(*_args: Any) -> Hashable:
    """``row_kind`` of an action whose button depends on the row only
    through the row's id (its link is built from the id and the table)."""
    return True


def _horizon_default(action: Any, name: str) -> bool:
    return getattr(type(action), name).__module__.startswith("horizon.")


def row_kind_of(action: Any) -> Callable[[Any, Any], Hashable] | None:
    """What an allowed row action's button takes from the row beyond its
    id: the action's ``row_kind(request, datum)``, or nothing when it keeps
    Horizon's ``update()`` and ``get_link_url()`` (a link reversed from the
    row's id). None: unknown, the action is rendered for every row."""
    declared = getattr(action, "row_kind", None)
    if declared is not None:
        return declared
    if not _horizon_default(action, "update"):
        return None
    if isinstance(action, tables.LinkAction) and (
            not _horizon_default(action, "get_link_url") or callable(action.url)):
        return None
    return same_for_every_row


class Row(horizon_base.Row):
    """Renders a row in Python: the same markup as Horizon's row and cell
    templates (without their whitespace), at a tenth of their cost. A cell
    with inline editing keeps Horizon's template."""

    def render(self) -> str:
        # Every part is escaped HTML already (format_html, Horizon's attrs).
        cells = "".join(_cell_html(cell) for cell in self.cells.values())
        return format_html("<tr{}>{}</tr>", self.attr_string, mark_safe(cells))  # noqa: S308


def _cell_html(cell: Any) -> str:
    if cell.inline_edit_available:
        return render_to_string("horizon/common/_data_table_cell.html", {"cell": cell})
    value = timezone.template_localtime(cell.value, settings.USE_TZ)
    value = conditional_escape(formats.localize(value))
    if cell.wrap_list:
        value = format_html("<ul>{}</ul>", value)
    return format_html("<td{}>{}</td>", cell.attr_string, value)


class Cell(horizon_base.Cell):
    """Horizon's cell, with the row's select box written directly rather
    than through Django's widget templates (one per row)."""

    def get_data(self, datum: Any, column: Any, row: Any) -> Any:
        if column.auto != "multi_select":
            return super().get_data(datum, column, row)
        table = row.table
        obj_id = table.get_object_id(datum)
        data = ""
        if row.can_be_selected(datum):
            box_id = f"{table.name}__select__{obj_id}"
            data = format_html(
                '<div class="themable-checkbox"><input type="checkbox" name="object_ids" '
                'value="{}" class="table-row-multi-select" id="{}">'
                '<label for="{}"></label></div>', obj_id, box_id, box_id)
        table._data_cache[column][obj_id] = data
        return data


@functools.cache
def _fast_class(base: type, mixin: type) -> type:
    if issubclass(base, mixin):
        return base
    return type(base.__name__, (mixin, base), {"__module__": base.__module__})


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
        self._meta.row_class = _fast_class(self._meta.row_class, Row)
        self._meta.cell_class = _fast_class(self._meta.cell_class, Cell)
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
            row_kind = row_kind_of(action)
            if row_kind is None:
                return None
            kind.append((True, row_kind(self.request, datum)))
        return tuple(kind)

    def render_row_actions(self, datum: Any, row: bool = False) -> Any:
        obj_id = str(self.get_object_id(datum))
        kind = None if row or not _PLAIN_ID.fullmatch(obj_id) else self.row_actions_kind(datum)
        if kind is None:
            return super().render_row_actions(datum, row)
        rendered = self.request.__dict__.setdefault(_ROW_ACTIONS, {})
        key = (id(self), kind)
        html = rendered.get(key)
        if html is None:
            html = rendered[key] = str(super().render_row_actions(datum, row)).replace(
                obj_id, _ID_SLOT)
        # Horizon's rendering, with an id that needs no escaping (_PLAIN_ID).
        return mark_safe(html.replace(_ID_SLOT, obj_id))  # noqa: S308


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
