"""Share transfer rows (2.77)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records

_tr = models.Transfer
_COLUMNS = [c.name for c in _tr.__table__.columns]

SORT_KEYS = ("id", "created_at", "display_name", "resource_id", "resource_type",
             "source_project_id", "destination_project_id", "expires_at")
FILTER_KEYS = ("id", "display_name", "resource_type", "resource_id",
               "source_project_id", "destination_project_id")


def _record(row: models.Transfer) -> records.Transfer:
    values = {name: getattr(row, name) for name in _COLUMNS if name != "updated_at"}
    return records.Transfer(**values)


def create(s: Session, values: Mapping[str, Any]) -> records.Transfer:
    row = _tr(**values)
    s.add(row)
    s.flush()
    return _record(row)


def get(s: Session, transfer_id: str) -> records.Transfer | None:
    row = s.get(_tr, transfer_id)
    return _record(row) if row is not None else None


def for_share(s: Session, share_id: str) -> records.Transfer | None:
    row = s.scalar(select(_tr).where(_tr.resource_id == share_id))
    return _record(row) if row is not None else None


def destroy(s: Session, transfer_id: str) -> None:
    s.execute(delete(_tr).where(_tr.id == transfer_id))


def list_all(s: Session, *, project_id: str | None, filters: Mapping[str, str],
             name_like: str | None, sort_key: str, sort_dir: str,
             limit: int | None, offset: int) -> list[records.Transfer]:
    """Transfers offered by ``project_id`` (None: every project)."""
    query = select(_tr)
    if project_id is not None:
        query = query.where(_tr.source_project_id == project_id)
    for key, value in filters.items():
        query = query.where(getattr(_tr, key) == value)
    if name_like:
        query = query.where(_tr.display_name.icontains(name_like, autoescape=True))
    query = ordered_page(query, getattr(_tr, sort_key), _tr.id,
                         descending=sort_dir == "desc", limit=limit, offset=offset)
    return [_record(row) for row in s.scalars(query)]
