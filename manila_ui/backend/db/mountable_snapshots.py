"""Mountable snapshots (2.32): their access rules and export locations,
as plain records.  Rule states change only through ``transition`` (a
conditional UPDATE), under the snapshot's lock, as for share rules."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any
from typing import cast

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types.records import SnapshotAccessRule
from manila_ui.backend.types.records import SnapshotExportLocation

_rule = models.SnapshotAccessRule
_el = models.SnapshotExportLocation


def _rule_record(row: models.SnapshotAccessRule) -> SnapshotAccessRule:
    return SnapshotAccessRule(id=row.id, snapshot_id=row.snapshot_id,
                              access_type=row.access_type, access_to=row.access_to,
                              state=row.state, created_at=row.created_at,
                              updated_at=row.updated_at)


def create_rule(s: Session, values: Mapping[str, Any]) -> SnapshotAccessRule:
    row = _rule(**values)
    s.add(row)
    s.flush()
    return _rule_record(row)


def get_rule(s: Session, rule_id: str) -> SnapshotAccessRule | None:
    row = s.scalars(select(_rule).where(_rule.id == rule_id)
                    .execution_options(populate_existing=True)).first()
    return _rule_record(row) if row is not None else None


def rules(s: Session, snapshot_id: str,
          access_type: str | None = None) -> list[SnapshotAccessRule]:
    """A snapshot's rules, oldest first."""
    query = select(_rule).where(_rule.snapshot_id == snapshot_id)
    if access_type is not None:
        query = query.where(_rule.access_type == access_type)
    query = query.order_by(_rule.created_at, _rule.id).execution_options(
        populate_existing=True)
    return [_rule_record(row) for row in s.scalars(query)]


def transition(s: Session, snapshot_id: str, changes: Mapping[str, str],
               rule_ids: Iterable[str] | None = None) -> int:
    """Move the snapshot's rules (or only ``rule_ids``) from each state
    named in ``changes`` to its value; returns how many moved."""
    moved = 0
    ids = list(rule_ids) if rule_ids is not None else None
    for old, new in changes.items():
        query = update(_rule).where(_rule.snapshot_id == snapshot_id, _rule.state == old)
        if ids is not None:
            query = query.where(_rule.id.in_(ids))
        result = cast("CursorResult[Any]", s.execute(
            query.values(state=new, updated_at=models.utcnow())
            .execution_options(synchronize_session=False)))
        moved += result.rowcount
    return moved


def count_in_states(s: Session, snapshot_id: str, states: Iterable[str]) -> int:
    return len(list(s.scalars(select(_rule.id).where(
        _rule.snapshot_id == snapshot_id, _rule.state.in_(list(states))))))


def destroy_rules(s: Session, rule_ids: Iterable[str]) -> None:
    ids = list(rule_ids)
    if ids:
        s.execute(delete(_rule).where(_rule.id.in_(ids)))


# -- export locations ---------------------------------------------------------

def _el_record(row: models.SnapshotExportLocation) -> SnapshotExportLocation:
    return SnapshotExportLocation(id=row.id, snapshot_id=row.snapshot_id, path=row.path,
                                  is_admin_only=row.is_admin_only,
                                  created_at=row.created_at, updated_at=row.updated_at)


def add_export_locations(s: Session, snapshot_id: str,
                         locations: Iterable[tuple[str, str, bool]]) -> None:
    """(id, path, is_admin_only) tuples."""
    for el_id, path, admin_only in locations:
        s.add(_el(id=el_id, snapshot_id=snapshot_id, path=path, is_admin_only=admin_only))
    s.flush()


def export_locations(s: Session, snapshot_id: str,
                     include_admin_only: bool) -> list[SnapshotExportLocation]:
    query = select(_el).where(_el.snapshot_id == snapshot_id)
    if not include_admin_only:
        query = query.where(_el.is_admin_only.is_(False))
    # Admin-only first, as Manila lists what the dummy driver reports.
    return [_el_record(row) for row in s.scalars(
        query.order_by(_el.is_admin_only.desc(), _el.created_at, _el.path))]


def export_location(s: Session, snapshot_id: str,
                    el_id: str) -> SnapshotExportLocation | None:
    row = s.scalar(select(_el).where(_el.snapshot_id == snapshot_id, _el.id == el_id))
    return _el_record(row) if row is not None else None


def forget(s: Session, snapshot_id: str) -> None:
    """The snapshot is gone: so are its rules and export locations."""
    s.execute(delete(_rule).where(_rule.snapshot_id == snapshot_id))
    s.execute(delete(_el).where(_el.snapshot_id == snapshot_id))
