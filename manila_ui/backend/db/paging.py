"""The order and window of a list page, as Manila builds them."""

from __future__ import annotations

from typing import Any
from typing import TypeVarTuple

from sqlalchemy import Boolean
from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import literal
from sqlalchemy.ext.compiler import compiles

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


class _Contains(ColumnElement[bool]):
    """``value`` occurs in ``column``, case-sensitively and literally (no
    LIKE wildcards): ``instr`` (SQLite, MySQL) or ``strpos`` (PostgreSQL)."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, column: Any, value: str) -> None:
        self.column = column
        self.value = literal(value)


@compiles(_Contains)
def _contains_default(element: _Contains, compiler: Any, **kw: Any) -> str:
    return (f"instr({compiler.process(element.column, **kw)}, "
            f"{compiler.process(element.value, **kw)}) > 0")


@compiles(_Contains, "postgresql")
def _contains_postgresql(element: _Contains, compiler: Any, **kw: Any) -> str:
    return (f"strpos({compiler.process(element.column, **kw)}, "
            f"{compiler.process(element.value, **kw)}) > 0")


def contains(column: Any, value: str) -> ColumnElement[bool]:
    """Manila's ``name~`` filters of backups and QoS types: a substring,
    case-sensitive (as PostgreSQL's LIKE, unlike SQLite's)."""
    return _Contains(column, value)
