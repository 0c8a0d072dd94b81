"""Service rows: the scheduler and the share services, their heartbeats."""

from __future__ import annotations

import datetime

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records

SHARE = "manila-share"
SCHEDULER = "manila-scheduler"


def _record(row: models.Service, down_after: float) -> records.Service:
    heartbeat = row.updated_at or row.created_at
    age = abs((models.utcnow() - heartbeat).total_seconds())
    return records.Service(
        id=row.id, host=row.host, binary=row.binary, topic=row.topic,
        zone=row.availability_zone, disabled=row.disabled,
        disabled_reason=row.disabled_reason, ensuring=row.ensuring,
        state="up" if age <= down_after else "down", updated_at=row.updated_at)


def list_all(s: Session, down_after: float, binary: str | None = None,
             for_update: bool = False) -> list[records.Service]:
    """Every service (of ``binary``), oldest first; ``for_update`` locks
    the rows (PostgreSQL, MySQL) until the transaction ends, in id order."""
    query = select(models.Service).order_by(models.Service.id)
    if binary is not None:
        query = query.where(models.Service.binary == binary)
    if for_update:
        query = query.with_for_update()
    return [_record(row, down_after) for row in s.scalars(query)]


def get_by_args(s: Session, host: str, binary: str,
                down_after: float) -> records.Service | None:
    row = s.scalar(select(models.Service).where(models.Service.host == host,
                                                models.Service.binary == binary))
    return _record(row, down_after) if row is not None else None


def ensure(s: Session, host: str, binary: str, zone: str) -> None:
    """The service's row, created or moved to ``zone``."""
    row = s.scalar(select(models.Service).where(models.Service.host == host,
                                                models.Service.binary == binary))
    if row is None:
        s.add(models.Service(host=host, binary=binary, topic=binary,
                             availability_zone=zone, disabled=False, ensuring=False,
                             report_count=0, updated_at=models.utcnow()))
    elif row.availability_zone != zone:
        row.availability_zone = zone
    s.flush()


def heartbeat(s: Session, hosts: list[tuple[str, str]],
              now: datetime.datetime | None = None) -> None:
    """Report (host, binary) services alive."""
    for host, binary in hosts:
        s.execute(update(models.Service)
                  .where(models.Service.host == host, models.Service.binary == binary)
                  .values(updated_at=now or models.utcnow(),
                          report_count=models.Service.report_count + 1))


def set_disabled(s: Session, service_id: int, disabled: bool,
                 reason: str | None, keep_reason: bool) -> None:
    values: dict[str, object] = {"disabled": disabled}
    if not keep_reason:
        values["disabled_reason"] = reason
    s.execute(update(models.Service).where(models.Service.id == service_id)
              .values(**values))


def set_ensuring(s: Session, service_id: int, ensuring: bool) -> None:
    s.execute(update(models.Service).where(models.Service.id == service_id)
              .values(ensuring=ensuring))
