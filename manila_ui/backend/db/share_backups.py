"""Share backup rows: create, read, list pages, update, delete, counts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from typing import TypeVarTuple

from sqlalchemy import Select
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import contains
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import BackupFilters

Ts = TypeVarTuple("Ts")
_backup = models.ShareBackup

# API sort keys (after name → display_name) and their columns; ``id`` is
# always added as a tie-breaker.
SORT_COLUMNS: dict[str, Any] = {
    key: getattr(_backup, key) for key in (
        "id", "created_at", "updated_at", "display_name", "display_description",
        "size", "status", "project_id", "user_id", "share_id", "progress",
        "restore_progress", "availability_zone", "host", "topic", "backup_type",
    )
}

_COLUMNS = [c.name for c in _backup.__table__.columns]


def _record(row: models.ShareBackup) -> records.ShareBackup:
    return records.ShareBackup(**{name: getattr(row, name) for name in _COLUMNS})


def get(s: Session, backup_id: str, for_update: bool = False) -> records.ShareBackup | None:
    query = select(_backup).where(_backup.id == backup_id)
    if for_update:
        query = query.with_for_update()
    row = s.scalar(query)
    return None if row is None else _record(row)


def create(s: Session, values: Mapping[str, Any]) -> records.ShareBackup:
    row = _backup(**values)
    s.add(row)
    s.flush()
    return _record(row)


def update(s: Session, backup_id: str, **values: Any) -> records.ShareBackup | None:
    row = models.update_row(s, _backup, backup_id, values)
    return None if row is None else _record(row)


def destroy(s: Session, backup_id: str) -> None:
    s.execute(delete(_backup).where(_backup.id == backup_id))


def count_for_share(s: Session, share_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_backup)
                        .where(_backup.share_id == share_id)) or 0)


def types_for_share(s: Session, share_id: str, topic: str) -> list[str | None]:
    """The backup types of a share's available backups taken by ``topic``,
    newest first (Manila keeps one backup type per share)."""
    return list(s.scalars(select(_backup.backup_type).where(
        _backup.share_id == share_id, _backup.status == "available",
        _backup.topic == topic).order_by(_backup.created_at.desc(), _backup.id.desc())))


def _apply_filters(query: Select[*Ts], f: BackupFilters) -> Select[*Ts]:
    if f.project_id is not None:
        query = query.where(_backup.project_id == f.project_id)
    for column in ("share_id", "status", "host", "topic", "display_name",
                   "display_description"):
        value = getattr(f, column)
        if value is not None:
            query = query.where(getattr(_backup, column) == value)
    if f.display_name_like is not None:
        query = query.where(contains(_backup.display_name, f.display_name_like))
    if f.display_description_like is not None:
        query = query.where(contains(_backup.display_description,
                                     f.display_description_like))
    return query


def list_page(s: Session, filters: BackupFilters, *, sort_key: str, sort_dir: str,
              limit: int | None, offset: int) -> list[records.ShareBackup]:
    """One page; ``sort_key`` is a key of SORT_COLUMNS (checked by the caller)."""
    query = ordered_page(
        _apply_filters(select(_backup), filters), SORT_COLUMNS[sort_key],
        _backup.id if sort_key != "id" else None,
        descending=sort_dir == "desc", limit=limit, offset=offset)
    return [_record(row) for row in s.scalars(query)]
