"""Offset pagination and server-side sorting for Horizon tables, on
Manila's ``limit``/``offset``/``sort_key``/``sort_dir``.

Horizon's prev/next links carry a marker (an object id); Manila pages by
offset on every release, so the links here carry ``?offset=N`` instead and
the view asks the server for exactly one page. Sortable column headers are
links (``?sort=<column>&dir=asc``): Horizon's own sorting only reorders the
rows of the page in the browser, which is wrong for a paged list.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django.utils.html import format_html
from horizon.utils import functions as horizon_functions

OFFSET_PARAM = "offset"
SORT_PARAM = "sort"
DIR_PARAM = "dir"
DEFAULT_DIR = "desc"


def requested_offset(request: Any) -> int:
    """The page start from the query string; anything odd means 0."""
    try:
        return max(0, int(request.GET.get(OFFSET_PARAM, 0)))
    except (TypeError, ValueError):
        return 0


def page_size(request: Any) -> int:
    """The user's "items per page" setting (Horizon's API_RESULT_PAGE_SIZE)."""
    return max(1, int(horizon_functions.get_page_size(request)))


def requested_sort(request: Any, columns: Mapping[str, str]
                   ) -> tuple[str | None, str]:
    """(column name or None for the default order, "asc" | "desc").

    Only columns the table declares sortable are accepted, so the query
    string can never choose an arbitrary API sort key.
    """
    column = request.GET.get(SORT_PARAM)
    direction = request.GET.get(DIR_PARAM, DEFAULT_DIR)
    if direction not in ("asc", "desc"):
        direction = DEFAULT_DIR
    if column not in columns:
        return None, DEFAULT_DIR
    return column, direction


def _sort_query(column: str | None, direction: str) -> dict[str, str]:
    return {SORT_PARAM: column, DIR_PARAM: direction} if column else {}


class OffsetPagedTableMixin:
    """For a DataTable whose view sets ``page`` (an api.base.Page).

    ``server_sort`` maps column names to the API's sort keys; those
    columns' headers become links that sort the whole list on the server.
    """

    page: Any = None
    server_sort: Mapping[str, str] = {}

    def __init__(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)  # type: ignore[call-arg]
        self.sort_column, self.sort_dir = requested_sort(request,
                                                         self.server_sort)
        for name, column in self.columns.items():  # type: ignore[attr-defined]
            if name in self.server_sort:
                self._link_header(name, column)

    def _link_header(self, name: str, column: Any) -> None:
        current = name == self.sort_column
        direction = "desc" if current and self.sort_dir == "asc" else "asc"
        icon = ""
        if current:
            icon = "fa-sort-asc" if self.sort_dir == "asc" else "fa-sort-desc"
        label = column.verbose_name
        query = urlencode(_sort_query(name, direction))
        column.verbose_name = format_html(
            '<a href="?{}" class="manila-ui-sort" id="{}__sort_{}">{}{}</a>',
            query, self._meta.name, name, label,  # type: ignore[attr-defined]
            format_html(' <span class="fa {}"></span>', icon) if icon else "")
        # Horizon's tablesorter would reorder just this page: off.
        column.classes = [c for c in column.classes if c != "sortable"]

    def _query(self, offset: int) -> str:
        params = {OFFSET_PARAM: str(offset)}
        params.update(_sort_query(self.sort_column, self.sort_dir))
        return urlencode(params)

    def get_pagination_string(self) -> str:
        return self._query(self.page.next_offset if self.page else 0)

    def get_prev_pagination_string(self) -> str:
        return self._query(self.page.prev_offset if self.page else 0)


class OffsetPagedViewMixin:
    """For a DataTableView: ``_page`` is set by get_data, read by the table."""

    _page: Any = None

    def has_more_data(self, table: Any) -> bool:
        return bool(self._page and self._page.has_more)

    def has_prev_data(self, table: Any) -> bool:
        return bool(self._page and self._page.has_prev)

    def remember_page(self, page: Any) -> None:
        self._page = page
        table = getattr(self, "table", None)
        if table is not None:
            table.page = page

    def sort_args(self, table_class: Any, default: str = "created_at"
                  ) -> dict[str, str]:
        """``sort_key``/``sort_dir`` for the API from the query string."""
        columns = getattr(table_class, "server_sort", {}) or {}
        column, direction = requested_sort(self.request,  # type: ignore[attr-defined]
                                           columns)
        if column is None:
            return {"sort_key": default, "sort_dir": DEFAULT_DIR}
        return {"sort_key": columns[column], "sort_dir": direction}
