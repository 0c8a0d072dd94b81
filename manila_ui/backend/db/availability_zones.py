"""Availability zones (rows created at bootstrap from the driver's pools)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records


def _record(row: models.AvailabilityZone) -> records.AvailabilityZone:
    return records.AvailabilityZone(id=row.id, name=row.name,
                                    created_at=row.created_at,
                                    updated_at=row.updated_at)


def list_all(s: Session) -> list[records.AvailabilityZone]:
    rows = s.scalars(select(models.AvailabilityZone)
                     .order_by(models.AvailabilityZone.name))
    return [_record(row) for row in rows]


def get_by_name_or_id(s: Session, name_or_id: str) -> records.AvailabilityZone | None:
    row = s.scalar(select(models.AvailabilityZone).where(
        (models.AvailabilityZone.name == name_or_id)
        | (models.AvailabilityZone.id == name_or_id)))
    return _record(row) if row is not None else None


def ensure(s: Session, az_id: str, name: str) -> None:
    if s.scalar(select(models.AvailabilityZone).where(
            models.AvailabilityZone.name == name)) is None:
        s.add(models.AvailabilityZone(id=az_id, name=name))
        s.flush()
