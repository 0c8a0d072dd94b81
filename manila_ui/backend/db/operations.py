"""The durable operation queue: rows are claimed with a lease by a
conditional UPDATE, so two workers (threads or processes) never take the
same row, and a claim left by a dead worker is taken over once it expires.
"""

from __future__ import annotations

from typing import Any
from typing import cast

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from manila_ui.backend.db import models
from manila_ui.backend.types import records

_op = models.Operation


def _claimable(now: float) -> ColumnElement[bool]:
    return (_op.run_after <= now) & or_(_op.lease_until.is_(None),
                                        _op.lease_until < now)


def enqueue(s: Session, kind: str, resource_id: str, run_after: float,
            payload: str = "{}", request_id: str | None = None) -> int:
    row = _op(kind=kind, resource_id=resource_id, run_after=run_after,
              payload=payload, request_id=request_id)
    s.add(row)
    s.flush()
    return row.id


def claim_next(s: Session, owner: str, now: float,
               lease: float) -> records.Operation | None:
    """Claim the oldest due operation, or return None."""
    op_id = s.scalar(select(_op.id).where(_claimable(now))
                     .order_by(_op.run_after, _op.id).limit(1))
    if op_id is None:
        return None
    # A DML result is a CursorResult: it counts the rows it changed.
    claimed = cast("CursorResult[Any]", s.execute(
        update(_op).where(_op.id == op_id, _claimable(now))
        .values(lease_owner=owner, lease_until=now + lease,
                attempts=_op.attempts + 1)))
    if claimed.rowcount != 1:
        return None  # another worker won the race
    row = s.get(_op, op_id)
    assert row is not None
    s.refresh(row)
    return records.Operation(id=row.id, kind=row.kind,
                             resource_id=row.resource_id, payload=row.payload,
                             request_id=row.request_id, run_after=row.run_after,
                             attempts=row.attempts)


def finish(s: Session, op_id: int, owner: str) -> bool:
    """Remove a claimed operation; False if the claim was lost meanwhile
    (then the caller's transaction must roll back its work)."""
    done = cast("CursorResult[Any]", s.execute(
        delete(_op).where(_op.id == op_id, _op.lease_owner == owner)))
    return bool(done.rowcount == 1)


def release(s: Session, op_id: int, owner: str, run_after: float) -> None:
    """Give a claimed operation back, due again at ``run_after``."""
    s.execute(update(_op).where(_op.id == op_id, _op.lease_owner == owner)
              .values(lease_owner=None, lease_until=None, run_after=run_after))


def next_due(s: Session) -> float | None:
    """When the earliest unclaimed operation becomes due."""
    return s.scalar(select(func.min(_op.run_after)).where(_op.lease_until.is_(None)))


def pending_for(s: Session, resource_id: str) -> list[str]:
    return list(s.scalars(select(_op.kind).where(_op.resource_id == resource_id)))
