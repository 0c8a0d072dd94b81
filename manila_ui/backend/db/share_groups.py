"""Share group rows, their share types, and what hangs on a group."""

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
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareGroupFilters

Ts = TypeVarTuple("Ts")
_group = models.ShareGroup
_types = models.ShareGroupShareType
_zone = models.AvailabilityZone

# What Manila sorts and filters groups on: any of their columns.
COLUMNS: dict[str, Any] = {c.name: getattr(_group, c.name) for c in _group.__table__.columns}
# Manila's model also has its soft-delete columns (every live row is
# deleted='False') and the ``availability_zone`` property, which compares
# False to any value: a filter on it matches nothing.
OTHER_FILTERS = ("deleted", "deleted_at", "availability_zone")


def _records(s: Session, rows: Iterable[tuple[models.ShareGroup, str | None]]
             ) -> list[records.ShareGroup]:
    rows = list(rows)
    ids = [row.id for row, _ in rows]
    share_types: dict[str, list[str]] = {group_id: [] for group_id in ids}
    if ids:
        for group_id, share_type_id in s.execute(
                select(_types.share_group_id, _types.share_type_id)
                .where(_types.share_group_id.in_(ids)).order_by(_types.id)):
            share_types[group_id].append(share_type_id)
    return [records.ShareGroup(
        id=row.id, project_id=row.project_id, user_id=row.user_id, name=row.name,
        description=row.description, status=row.status, host=row.host,
        share_group_type_id=row.share_group_type_id,
        share_network_id=row.share_network_id, share_server_id=row.share_server_id,
        availability_zone_id=row.availability_zone_id, availability_zone=zone,
        source_share_group_snapshot_id=row.source_share_group_snapshot_id,
        consistent_snapshot_support=row.consistent_snapshot_support,
        share_type_ids=tuple(share_types[row.id]), created_at=row.created_at,
        updated_at=row.updated_at) for row, zone in rows]


def _with_zone() -> Select[models.ShareGroup, str]:
    return select(_group, _zone.name).outerjoin(_zone, _zone.id == _group.availability_zone_id)


def get(s: Session, group_id: str, for_update: bool = False) -> records.ShareGroup | None:
    query = _with_zone().where(_group.id == group_id)
    if for_update:
        query = query.with_for_update(of=_group)
    row = s.execute(query).first()
    return _records(s, [row.tuple()])[0] if row is not None else None


def create(s: Session, values: Mapping[str, Any],
           share_type_ids: Iterable[str]) -> records.ShareGroup:
    row = _group(**values)
    s.add(row)
    s.flush()
    for share_type_id in dict.fromkeys(share_type_ids):
        s.add(_types(share_group_id=row.id, share_type_id=share_type_id))
    s.flush()
    created = get(s, row.id)
    assert created is not None
    return created


def update(s: Session, group_id: str, **values: Any) -> records.ShareGroup | None:
    if models.update_row(s, _group, group_id, values) is None:
        return None
    return get(s, group_id)


def destroy(s: Session, group_id: str) -> None:
    s.execute(delete(_types).where(_types.share_group_id == group_id))
    s.execute(delete(_group).where(_group.id == group_id))


def count_shares(s: Session, group_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(models.Share)
                        .where(models.Share.share_group_id == group_id)) or 0)


def share_ids(s: Session, group_id: str) -> list[str]:
    """The group's shares, oldest first."""
    share = models.Share
    return list(s.scalars(select(share.id).where(share.share_group_id == group_id)
                          .order_by(share.created_at, share.id)))


def count_snapshots(s: Session, group_id: str) -> int:
    snap = models.ShareGroupSnapshot
    return int(s.scalar(select(func.count()).select_from(snap)
                        .where(snap.share_group_id == group_id)) or 0)


def count_of_type(s: Session, group_type_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_group)
                        .where(_group.share_group_type_id == group_type_id)) or 0)


def count_with_share_type(s: Session, share_type_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_types)
                        .where(_types.share_type_id == share_type_id)) or 0)


def count_on_network(s: Session, network_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_group)
                        .where(_group.share_network_id == network_id)) or 0)


def _apply_filters(query: Select[*Ts], f: ShareGroupFilters) -> Select[*Ts]:
    if f.project_id is not None:
        query = query.where(_group.project_id == f.project_id)
    for key, value in f.exact.items():
        if key in COLUMNS:
            query = query.where(COLUMNS[key] == value)
        elif not (key == "deleted" and value == "False"):
            query = query.where(false())
    for key, value in f.like.items():
        query = query.where(COLUMNS[key].contains(value, autoescape=True))
    return query


def list_page(s: Session, filters: ShareGroupFilters, *, sort_key: str, sort_dir: str,
              limit: int | None, offset: int) -> list[records.ShareGroup]:
    query = ordered_page(_apply_filters(_with_zone(), filters), COLUMNS[sort_key],
                         _group.id if sort_key != "id" else None,
                         descending=sort_dir == "desc", limit=limit, offset=offset)
    return _records(s, (row.tuple() for row in s.execute(query)))
