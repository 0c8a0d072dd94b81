"""Per-project quota overrides (defaults live in the ``[quota]`` options)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from manila_ui.backend.db import models


def overrides(s: Session, project_id: str) -> dict[str, int]:
    rows = s.execute(select(models.QuotaLimit.resource,
                            models.QuotaLimit.hard_limit)
                     .where(models.QuotaLimit.project_id == project_id))
    return dict(rows.tuples().all())


def set_limit(s: Session, project_id: str, resource: str, limit: int) -> None:
    row = s.scalar(select(models.QuotaLimit).where(
        models.QuotaLimit.project_id == project_id,
        models.QuotaLimit.resource == resource))
    if row is None:
        s.add(models.QuotaLimit(project_id=project_id, resource=resource,
                                hard_limit=limit))
    else:
        row.hard_limit = limit
    s.flush()


def delete_all(s: Session, project_id: str) -> None:
    s.execute(delete(models.QuotaLimit).where(
        models.QuotaLimit.project_id == project_id))


def lock_project(s: Session, project_id: str) -> None:
    """Hold the project's lock row until the transaction ends (see
    models.ProjectLock); call it first in the transaction."""
    if s.get_bind().dialect.name == "sqlite":
        return
    locked = select(models.ProjectLock).where(
        models.ProjectLock.project_id == project_id).with_for_update()
    if s.scalar(locked) is None:
        try:
            with s.begin_nested():
                s.add(models.ProjectLock(project_id=project_id))
        except IntegrityError:
            pass  # a competitor created it first; we wait on it below
        s.scalar(locked)
