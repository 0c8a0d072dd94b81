"""How the tables of the dashboards render, in Python rather than through
Horizon's per-row templates: rows and cells (``Row``, ``Cell``), a row's
actions (``row_actions_html``), and what a row's action buttons depend on
(``row_kind_of``), so that ``common_tables.DataTable`` renders them once
per kind of row. The markup is Horizon's (the same elements, attributes and
text; less whitespace): its JavaScript and styles apply unchanged."""

from __future__ import annotations

import functools
import html
import inspect
import re
from collections.abc import Callable
from collections.abc import Hashable
from collections.abc import Sequence
from typing import Any

from django import urls
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.html import escape
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from horizon import tables
from horizon.tables import base as horizon_base

DROPDOWN = "horizon/common/_data_table_row_actions_dropdown.html"

# An object id that reads the same in an element id, a URL and HTML (a
# UUID): a row's actions can then be rendered once per kind of row and
# given each row's id by substitution.
PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{7,}")
ID_SLOT = "\x00"


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
    templates (without their whitespace), at a fraction of their cost. A
    cell with inline editing keeps Horizon's template."""

    def get_ajax_update_url(self) -> str:
        # Horizon's URL; all but the row's id is the same for every row.
        obj_id = str(self.table.get_object_id(self.datum))
        memo = getattr(self.table, "rendering_memo", None)
        if memo is None or not PLAIN_ID.fullmatch(obj_id):
            return str(super().get_ajax_update_url())
        pattern = memo.get("ajax url")
        if pattern is None:
            pattern = memo["ajax url"] = str(super().get_ajax_update_url()).replace(
                obj_id, ID_SLOT)
        return str(pattern).replace(ID_SLOT, obj_id)

    def render(self) -> str:
        memo = getattr(self.table, "rendering_memo", None)
        memo = {} if memo is None else memo
        # Every part is escaped HTML already (format_html, _attrs).
        cells = "".join(_cell_html(cell, memo) for cell in self.cells.values())
        attrs = dict(self.get_default_attrs())
        attrs.update(self.attrs)
        attrs["class"] = self.get_final_css()
        return mark_safe(f"<tr{_attrs(attrs)}>{cells}</tr>")  # noqa: S308


# Stands for an object id in a reversed URL: a UUID, as most URL patterns of
# the dashboards want one.
_SLOT_ID = "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a"


@functools.lru_cache(maxsize=1024)
def _url_pattern(prefix: str, urlconf: Any, name: str) -> str:
    return urls.reverse(name, args=(_SLOT_ID,))


def reverse_id(name: str, obj_id: Any) -> str:
    """``reverse(name, args=(obj_id,))``, reversed once per URL name: a
    table's links cost a string replacement per row, not Django's reverse."""
    text = str(obj_id)
    if not PLAIN_ID.fullmatch(text):
        return urls.reverse(name, args=(obj_id,))
    return _url_pattern(urls.get_script_prefix(), urls.get_urlconf(), name).replace(
        _SLOT_ID, text)


def _url(cell: Any, memo: dict[Any, Any]) -> str | None:
    """The cell's link, as Horizon's ``Cell.url`` (``Column.get_link_url``)
    gives it, without Django's reverse per row (``reverse_id``) nor an
    inspection of the link's callable per row."""
    column = cell.column
    link = column.link
    if not link:
        return None
    if column.allowed_data_types:
        return cell.url
    if callable(link):
        key = ("takes request", column.name)
        takes_request = memo.get(key)
        if takes_request is None:
            takes_request = memo[key] = "request" in inspect.getfullargspec(link).args
        url = link(cell.datum, request=column.table.request) if takes_request \
            else link(cell.datum)
        return url or None
    try:
        return reverse_id(link, column.table.get_object_id(cell.datum))
    except urls.NoReverseMatch:
        return str(link)


def _attrs(attrs: dict[str, Any]) -> str:
    """Django's ``flatatt``: True is a bare attribute, False and None none."""
    return "".join(f" {k}" if v is True else f' {k}="{conditional_escape(v)}"'
                   for k, v in attrs.items() if v is not None and v is not False)


def _cell_html(cell: Any, memo: dict[Any, Any]) -> str:
    """``horizon/common/_data_table_cell.html`` for a cell: its ``value``
    (the column's data, as a link where the column has one) in a ``td``
    with its attributes and classes (the column's, its status)."""
    if cell.inline_edit_available:
        return render_to_string("horizon/common/_data_table_cell.html", {"cell": cell})
    column = cell.column
    url = _url(cell, memo)
    data = column.get_data(cell.datum)
    if data is None:
        data = column.empty_value(cell.datum) if callable(column.empty_value) \
            else column.empty_value
    if url and column.auto != "form_field":
        link_attrs = " ".join(f'{k}="{v}"' for k, v in column.link_attrs.items())
        # As Horizon writes it: the data escaped, whatever it is.
        data = mark_safe(f'<a href="{escape(url)}" {link_attrs}>{escape(data)}</a>')  # noqa: S308
    if type(data) is str:  # the common case, as Django's escape does it
        value = html.escape(data)
    else:
        value = conditional_escape(formats.localize(
            timezone.template_localtime(data, settings.USE_TZ)))
    # Escaped text (Horizon's monkeypatched escape() returns a plain str):
    # marked, or format_html below would escape it a second time.
    value = mark_safe(value)  # noqa: S308
    if cell.wrap_list:
        value = format_html("<ul>{}</ul>", value)
    classes = memo.get(("classes", column.name))
    if classes is None:
        classes = memo[("classes", column.name)] = \
            column.get_final_attrs().get("class", "").split()
    mine = [c for c in classes if url or c != "anchor"]
    if column.status:
        mine.append(cell.get_status_class(cell.status))
    attrs = dict(cell.get_default_attrs())
    attrs.update(cell.attrs)
    attrs["class"] = " ".join(part for part in (
        attrs.get("class", ""), " ".join(dict.fromkeys(mine)), " ".join(cell.classes)) if part)
    return f"<td{_attrs(attrs)}>{value}</td>"


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
def with_mixin(base: type, mixin: type) -> type:
    """``base`` (a table's row or cell class) with our rendering first."""
    if issubclass(base, mixin):
        return base
    return type(base.__name__, (mixin, base), {"__module__": base.__module__})


def _value(obj: Any, name: str) -> Any:
    """An attribute as a template reads it (a callable is called)."""
    value = getattr(obj, name, None)
    return value() if callable(value) else value


def _minify(html: str) -> str:
    """Horizon's ``{% minifyspace %}``, which wraps its action template."""
    return " ".join(html.split()).replace(" > ", ">").replace(" <", "<")


def action_html(action: Any, row_id: Any, *, single: bool, small: bool) -> str:
    """One row action as ``horizon/common/_data_table_action.html`` renders
    it for a row (a bound copy from ``get_row_actions``)."""
    e = conditional_escape
    name = e(_value(action, "verbose_name"))
    kind = action.action_type
    if action.method != "GET":
        classes = " ".join(["data-table-action", "btn-sm" if small else "",
                            *(e(c) for c in action.get_default_classes()),
                            f"btn-{e(kind)}" if kind else "", "btn"])
        help_text = _value(action, "help_text")
        help_attr = f'help_text="{e(help_text)}"' if help_text else ""
        value = f"{e(action.table.name)}__{e(action.name)}__{e(row_id)}"
        html = (f'<button {action.attr_string_nc} class="{classes}" name="action" '
                f'{help_attr} type="submit" value="{value}"> {name} </button>')
    else:
        classes = " ".join(["btn data-table-action", "btn-default" if single else "",
                            "btn-sm" if small else "", "btn-danger" if kind == "danger" else "",
                            action.get_final_css()])
        url = e(_value(action, "bound_url"))
        html = f'<a {action.attr_string_nc} class="{classes}" href="{url}"> {name} </a>'
    return _minify(html)


def row_actions_html(actions: Sequence[Any], row_id: Any) -> str:
    """A row's actions as Horizon's dropdown template renders them: the
    first as a button, the others in its menu."""
    if not actions:
        return ""
    if len(actions) == 1:
        return mark_safe(action_html(actions[0], row_id, single=True, small=False))  # noqa: S308
    first = action_html(actions[0], row_id, single=True, small=True)
    menu = "".join(f"<li>{action_html(a, row_id, single=False, small=False)}</li>"
                   for a in actions[1:])
    # Every part is escaped above (action_html).
    return mark_safe(  # noqa: S308
        f'<div class="btn-group">{first}<a class="btn btn-default btn-sm dropdown-toggle" '
        'data-toggle="dropdown" href="#"><span class="fa fa-caret-down"></span></a>'
        f'<ul class="dropdown-menu dropdown-menu-right row_actions">{menu}</ul></div>')
