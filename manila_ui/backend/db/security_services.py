"""Security service rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records

_COLUMNS = [c.name for c in models.SecurityService.__table__.columns]


def _record(row: models.SecurityService) -> records.SecurityService:
    return records.SecurityService(**{name: getattr(row, name) for name in _COLUMNS})


def create(s: Session, values: Mapping[str, Any]) -> records.SecurityService:
    row = models.SecurityService(**values)
    s.add(row)
    s.flush()
    return _record(row)


def get(s: Session, service_id: str) -> records.SecurityService | None:
    row = s.get(models.SecurityService, service_id)
    return _record(row) if row is not None else None


def get_many(s: Session, service_ids: list[str]) -> list[records.SecurityService]:
    if not service_ids:
        return []
    rows = {row.id: row for row in s.scalars(select(models.SecurityService).where(
        models.SecurityService.id.in_(service_ids)))}
    return [_record(rows[sid]) for sid in service_ids if sid in rows]


def list_all(s: Session, project_id: str | None) -> list[records.SecurityService]:
    """A project's services (None: every project's), oldest first."""
    query = select(models.SecurityService)
    if project_id is not None:
        query = query.where(models.SecurityService.project_id == project_id)
    rows = s.scalars(query.order_by(models.SecurityService.created_at, models.SecurityService.id))
    return [_record(row) for row in rows]


def update(s: Session, service_id: str,
           values: Mapping[str, Any]) -> records.SecurityService | None:
    row = models.update_row(s, models.SecurityService, service_id, values)
    return _record(row) if row is not None else None


def delete_service(s: Session, service_id: str) -> None:
    s.execute(delete(models.SecurityService).where(models.SecurityService.id == service_id))
