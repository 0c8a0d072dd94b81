"""Share group snapshot rows and their members (one per share of the group)."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any
from typing import TypeVarTuple

from sqlalchemy import Select
from sqlalchemy import delete
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareGroupSnapshotFilters

Ts = TypeVarTuple("Ts")
_snap = models.ShareGroupSnapshot
_member = models.ShareGroupSnapshotMember

COLUMNS: dict[str, Any] = {c.name: getattr(_snap, c.name) for c in _snap.__table__.columns}
OTHER_FILTERS = ("deleted", "deleted_at")   # Manila's soft-delete columns
_MEMBER_COLUMNS = [c.name for c in _member.__table__.columns]


def _member_record(row: models.ShareGroupSnapshotMember
                   ) -> records.ShareGroupSnapshotMember:
    return records.ShareGroupSnapshotMember(
        **{name: getattr(row, name) for name in _MEMBER_COLUMNS})


def _records(s: Session, rows: Iterable[models.ShareGroupSnapshot]
             ) -> list[records.ShareGroupSnapshot]:
    rows = list(rows)
    members: dict[str, list[records.ShareGroupSnapshotMember]] = {r.id: [] for r in rows}
    if rows:
        for member in s.scalars(select(_member).where(
                _member.share_group_snapshot_id.in_(list(members)))
                .order_by(_member.created_at, _member.id)):
            members[member.share_group_snapshot_id].append(_member_record(member))
    return [records.ShareGroupSnapshot(
        id=row.id, project_id=row.project_id, user_id=row.user_id,
        share_group_id=row.share_group_id, name=row.name, description=row.description,
        status=row.status, members=tuple(members[row.id]), created_at=row.created_at,
        updated_at=row.updated_at) for row in rows]


def get(s: Session, snapshot_id: str, for_update: bool = False
        ) -> records.ShareGroupSnapshot | None:
    query = select(_snap).where(_snap.id == snapshot_id)
    if for_update:
        query = query.with_for_update()
    row = s.scalar(query)
    return _records(s, [row])[0] if row is not None else None


def create(s: Session, values: Mapping[str, Any],
           members: Iterable[Mapping[str, Any]]) -> records.ShareGroupSnapshot:
    s.add(_snap(**values))
    s.flush()
    for member in members:
        s.add(_member(share_group_snapshot_id=values["id"], **member))
    s.flush()
    created = get(s, values["id"])
    assert created is not None
    return created


def update(s: Session, snapshot_id: str, **values: Any) -> records.ShareGroupSnapshot | None:
    if models.update_row(s, _snap, snapshot_id, values) is None:
        return None
    return get(s, snapshot_id)


def update_members(s: Session, snapshot_id: str, **values: Any) -> None:
    s.execute(sql_update(_member).where(_member.share_group_snapshot_id == snapshot_id)
              .values(updated_at=models.utcnow(), **values))


def update_member(s: Session, member_id: str, **values: Any) -> None:
    models.update_row(s, _member, member_id, values)


def destroy(s: Session, snapshot_id: str) -> None:
    s.execute(delete(_member).where(_member.share_group_snapshot_id == snapshot_id))
    s.execute(delete(_snap).where(_snap.id == snapshot_id))


def ids_of_group(s: Session, group_id: str) -> list[str]:
    return list(s.scalars(select(_snap.id).where(_snap.share_group_id == group_id)))


def member(s: Session, member_id: str) -> records.ShareGroupSnapshotMember | None:
    row = s.get(_member, member_id)
    return _member_record(row) if row is not None else None


def count_members_of_share(s: Session, share_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_member)
                        .where(_member.share_id == share_id)) or 0)


def _apply_filters(query: Select[*Ts], f: ShareGroupSnapshotFilters) -> Select[*Ts]:
    if f.project_id is not None:
        query = query.where(_snap.project_id == f.project_id)
    for key, value in f.exact.items():
        if key in COLUMNS:
            query = query.where(COLUMNS[key] == value)
        elif not (key == "deleted" and value == "False"):
            query = query.where(false())
    return query


def list_page(s: Session, filters: ShareGroupSnapshotFilters, *, sort_key: str,
              sort_dir: str, limit: int | None, offset: int
              ) -> list[records.ShareGroupSnapshot]:
    query = ordered_page(_apply_filters(select(_snap), filters), COLUMNS[sort_key],
                         _snap.id if sort_key != "id" else None,
                         descending=sort_dir == "desc", limit=limit, offset=offset)
    return _records(s, s.scalars(query))
