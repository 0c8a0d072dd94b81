"""The running migration of a share (one row per share while it runs)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records

_COLUMNS = [c.name for c in models.ShareMigration.__table__.columns]


def get(s: Session, share_id: str) -> records.ShareMigration | None:
    row = s.get(models.ShareMigration, share_id)
    if row is None:
        return None
    return records.ShareMigration(**{name: getattr(row, name) for name in _COLUMNS})


def start(s: Session, share_id: str, **values: Any) -> None:
    """Record a new migration (replacing what an ended one left)."""
    end(s, share_id)
    s.add(models.ShareMigration(share_id=share_id, total_progress=0,
                                created_at=models.utcnow(), **values))
    s.flush()


def update(s: Session, share_id: str, **values: Any) -> None:
    row = s.get(models.ShareMigration, share_id)
    if row is not None:
        for key, value in values.items():
            setattr(row, key, value)
        s.flush()


def end(s: Session, share_id: str) -> None:
    s.execute(delete(models.ShareMigration).where(
        models.ShareMigration.share_id == share_id))
