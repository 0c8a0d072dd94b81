"""The order and window of a list page, as Manila builds them."""

from __future__ import annotations

from typing import Any
from typing import TypeVarTuple

from sqlalchemy import Select

Ts = TypeVarTuple("Ts")


def ordered_page(query: Select[*Ts], column: Any, tie_breaker: Any | None, *,
                 descending: bool, limit: int | None, offset: int) -> Select[*Ts]:
    """``query`` sorted on ``column``, then on ``tie_breaker`` the same way
    (the id: Manila adds it so that pages never overlap; None when the sort
    is on the id already), cut to ``limit`` rows (None: all) from ``offset``."""
    order = [column.desc() if descending else column.asc()]
    if tie_breaker is not None:
        order.append(tie_breaker.desc() if descending else tie_breaker.asc())
    query = query.order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return query
