"""Resource locks (2.81): plain records out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types.queries import LockFilters
from manila_ui.backend.types.records import ResourceLock

_lock = models.ResourceLock


def _record(row: models.ResourceLock) -> ResourceLock:
    return ResourceLock(id=row.id, user_id=row.user_id, project_id=row.project_id,
                        lock_context=row.lock_context, resource_type=row.resource_type,
                        resource_id=row.resource_id,
                        resource_action=row.resource_action,
                        lock_reason=row.lock_reason, created_at=row.created_at,
                        updated_at=row.updated_at)


def create(s: Session, **values: Any) -> ResourceLock:
    row = _lock(**values)
    s.add(row)
    s.flush()
    return _record(row)


def get(s: Session, lock_id: str) -> ResourceLock | None:
    row = s.scalars(select(_lock).where(_lock.id == lock_id)
                    .execution_options(populate_existing=True)).first()
    return _record(row) if row is not None else None


def for_resources(s: Session, resource_ids: Iterable[str],
                  action: str | None = None) -> list[ResourceLock]:
    """Every project's locks on these resources, newest first (the order
    Manila names them in)."""
    ids = list(resource_ids)
    if not ids:
        return []
    query = select(_lock).where(_lock.resource_id.in_(ids))
    if action is not None:
        query = query.where(_lock.resource_action == action)
    return [_record(row) for row in s.scalars(
        query.order_by(_lock.created_at.desc(), _lock.id.desc()))]


def with_reason(s: Session, reason: str) -> list[ResourceLock]:
    return [_record(row) for row in s.scalars(
        select(_lock).where(_lock.lock_reason == reason))]


def list_page(s: Session, *, filters: LockFilters, sort_key: str, sort_dir: str,
              limit: int | None, offset: int, with_count: bool
              ) -> tuple[list[ResourceLock], int | None]:
    query = select(_lock)
    for key, value in filters.exact.items():
        query = query.where(getattr(_lock, key) == value)
    if filters.lock_reason_like is not None:
        query = query.where(_lock.lock_reason.contains(filters.lock_reason_like,
                                                       autoescape=True))
    if filters.created_since is not None:
        query = query.where(_lock.created_at >= filters.created_since)
    if filters.created_before is not None:
        query = query.where(_lock.created_at <= filters.created_before)
    count = None
    if with_count:
        count = int(s.scalar(select(func.count()).select_from(query.subquery())) or 0)
    query = ordered_page(query, getattr(_lock, sort_key), _lock.id,
                         descending=sort_dir == "desc", limit=limit, offset=offset)
    return [_record(row) for row in s.scalars(query)], count


def update_lock(s: Session, lock_id: str, **values: Any) -> None:
    s.execute(update(_lock).where(_lock.id == lock_id).values(**values)
              .execution_options(synchronize_session=False))


def destroy(s: Session, lock_ids: Iterable[str]) -> None:
    ids = list(lock_ids)
    if ids:
        s.execute(delete(_lock).where(_lock.id.in_(ids)))
