"""Security service rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db import network_models as nm
from manila_ui.backend.db import network_records as nr

_COLUMNS = [c.name for c in nm.SecurityService.__table__.columns]


def _record(row: nm.SecurityService) -> nr.SecurityService:
    return nr.SecurityService(**{name: getattr(row, name) for name in _COLUMNS})


def create(s: Session, values: Mapping[str, Any]) -> nr.SecurityService:
    row = nm.SecurityService(**values)
    s.add(row)
    s.flush()
    return _record(row)


def get(s: Session, service_id: str) -> nr.SecurityService | None:
    row = s.get(nm.SecurityService, service_id)
    return _record(row) if row is not None else None


def get_many(s: Session, service_ids: list[str]) -> list[nr.SecurityService]:
    if not service_ids:
        return []
    rows = {row.id: row for row in s.scalars(select(nm.SecurityService).where(
        nm.SecurityService.id.in_(service_ids)))}
    return [_record(rows[sid]) for sid in service_ids if sid in rows]


def list_all(s: Session, project_id: str | None) -> list[nr.SecurityService]:
    """A project's services (None: every project's), oldest first."""
    query = select(nm.SecurityService)
    if project_id is not None:
        query = query.where(nm.SecurityService.project_id == project_id)
    rows = s.scalars(query.order_by(nm.SecurityService.created_at, nm.SecurityService.id))
    return [_record(row) for row in rows]


def update(s: Session, service_id: str, values: Mapping[str, Any]) -> nr.SecurityService | None:
    row = models.update_row(s, nm.SecurityService, service_id, values)
    return _record(row) if row is not None else None


def delete_service(s: Session, service_id: str) -> None:
    s.execute(delete(nm.SecurityService).where(nm.SecurityService.id == service_id))
