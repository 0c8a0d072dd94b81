"""Offset pagination for Horizon tables, on Manila's ``limit``/``offset``.

Horizon's prev/next links carry a marker (an object id); Manila pages by
offset on every release, so the links here carry ``?offset=N`` instead and
the view asks the server for exactly one page.
"""

from __future__ import annotations

from typing import Any

from horizon.utils import functions as horizon_functions

OFFSET_PARAM = "offset"


def requested_offset(request: Any) -> int:
    """The page start from the query string; anything odd means 0."""
    try:
        return max(0, int(request.GET.get(OFFSET_PARAM, 0)))
    except (TypeError, ValueError):
        return 0


def page_size(request: Any) -> int:
    """The user's "items per page" setting (Horizon's API_RESULT_PAGE_SIZE)."""
    return max(1, int(horizon_functions.get_page_size(request)))


class OffsetPagedTableMixin:
    """For a DataTable whose view sets ``page`` (an api.base.Page)."""

    page: Any = None

    def get_pagination_string(self) -> str:
        nxt = self.page.next_offset if self.page else 0
        return f"{OFFSET_PARAM}={nxt}"

    def get_prev_pagination_string(self) -> str:
        prev = self.page.prev_offset if self.page else 0
        return f"{OFFSET_PARAM}={prev}"


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
