"""User messages left behind by failed asynchronous operations."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records

SORT_KEYS = ("id", "project_id", "request_id", "resource_type", "resource_id",
             "action_id", "detail_id", "message_level", "created_at",
             "expires_at")
FILTER_KEYS = ("id", "project_id", "request_id", "resource_type", "resource_id",
               "action_id", "detail_id", "message_level")


def _record(row: models.Message) -> records.Message:
    return records.Message(
        id=row.id, project_id=row.project_id, request_id=row.request_id,
        resource_type=row.resource_type, resource_id=row.resource_id,
        action_id=row.action_id, detail_id=row.detail_id,
        message_level=row.message_level, created_at=row.created_at,
        expires_at=row.expires_at)


def create(s: Session, **values: Any) -> records.Message:
    row = models.Message(**values)
    s.add(row)
    s.flush()
    return _record(row)


def get(s: Session, message_id: str) -> records.Message | None:
    row = s.get(models.Message, message_id)
    return _record(row) if row is not None else None


def list_all(s: Session, *, project_id: str | None, filters: Mapping[str, str],
             created_since: datetime.datetime | None,
             created_before: datetime.datetime | None, sort_key: str,
             sort_dir: str, limit: int | None, offset: int
             ) -> list[records.Message]:
    msg = models.Message
    query = select(msg).where(msg.expires_at > models.utcnow())
    if project_id is not None:
        query = query.where(msg.project_id == project_id)
    for key, value in filters.items():
        query = query.where(getattr(msg, key) == value)
    if created_since is not None:
        query = query.where(msg.created_at >= created_since)
    if created_before is not None:
        query = query.where(msg.created_at <= created_before)
    query = ordered_page(query, getattr(msg, sort_key), msg.id,
                         descending=sort_dir != "asc", limit=limit, offset=offset)
    return [_record(row) for row in s.scalars(query)]


def destroy(s: Session, message_id: str) -> None:
    s.execute(delete(models.Message).where(models.Message.id == message_id))


def destroy_expired(s: Session) -> None:
    s.execute(delete(models.Message).where(
        models.Message.expires_at <= models.utcnow()))
