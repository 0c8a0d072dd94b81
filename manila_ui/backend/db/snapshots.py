"""Share snapshot rows: create, read, list pages, update, delete, usage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from typing import TypeVarTuple

from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import models
from manila_ui.backend.db import mountable_snapshots as mountable_db
from manila_ui.backend.db import share_instances as instances_db
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import SnapshotFilters

Ts = TypeVarTuple("Ts")
_snap = models.Snapshot

# API sort keys (after name → display_name) and their columns; ``id`` is
# always added as a tie-breaker.
SORT_COLUMNS: dict[str, Any] = {
    key: getattr(_snap, key) for key in (
        "id", "created_at", "updated_at", "display_name", "display_description",
        "size", "share_size", "share_proto", "status", "project_id", "user_id",
        "share_id", "progress",
    )
}

_COLUMNS = [c.name for c in _snap.__table__.columns]



def _record(row: models.Snapshot, metadata: Mapping[str, str]) -> records.Snapshot:
    values = {name: getattr(row, name) for name in _COLUMNS}
    return records.Snapshot(metadata=dict(metadata), **values)


def get(s: Session, snapshot_id: str, for_update: bool = False) -> records.Snapshot | None:
    query = select(_snap).where(_snap.id == snapshot_id)
    if for_update:
        query = query.with_for_update()
    row = s.scalar(query)
    if row is None:
        return None
    return _record(row, metadata_db.get_all(s, metadata_db.SNAPSHOTS, row.id))


def create(s: Session, values: Mapping[str, Any],
           metadata: Mapping[str, str]) -> records.Snapshot:
    row = _snap(**values)
    s.add(row)
    s.flush()
    metadata_db.update(s, metadata_db.SNAPSHOTS, row.id, metadata)
    instances_db.add_snapshot_instances(s, row.id, row.share_id)
    created = get(s, row.id)
    assert created is not None
    return created


def update(s: Session, snapshot_id: str, **values: Any) -> records.Snapshot | None:
    if models.update_row(s, _snap, snapshot_id, values) is None:
        return None
    return get(s, snapshot_id)


def destroy(s: Session, snapshot_id: str) -> None:
    metadata_db.delete_all(s, metadata_db.SNAPSHOTS, snapshot_id)
    mountable_db.forget(s, snapshot_id)
    s.execute(delete(_snap).where(_snap.id == snapshot_id))


def for_share(s: Session, share_id: str) -> list[records.Snapshot]:
    """A share's snapshots, oldest first."""
    rows = list(s.scalars(select(_snap).where(_snap.share_id == share_id)
                          .order_by(_snap.created_at, _snap.id)))
    metadata = metadata_db.get_many(s, metadata_db.SNAPSHOTS, [r.id for r in rows])
    return [_record(row, metadata[row.id]) for row in rows]


def count_for_share(s: Session, share_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_snap)
                        .where(_snap.share_id == share_id)) or 0)


def latest_for_share(s: Session, share_id: str) -> records.Snapshot | None:
    row = s.scalar(select(_snap).where(_snap.share_id == share_id)
                   .order_by(_snap.created_at.desc(), _snap.id.desc()).limit(1))
    return get(s, row.id) if row is not None else None


def find_by_provider_location(s: Session, share_id: str, location: str) -> str | None:
    found = s.scalar(select(_snap.id).where(_snap.share_id == share_id,
                                            _snap.provider_location == location))
    return str(found) if found is not None else None


def move_to_project(s: Session, share_id: str, project_id: str, user_id: str) -> None:
    """A transferred share takes its snapshots along."""
    s.execute(sql_update(_snap).where(_snap.share_id == share_id)
              .values(project_id=project_id, user_id=user_id,
                      updated_at=models.utcnow()))


def usage(s: Session, project_id: str) -> tuple[int, int]:
    """(number of snapshots, their gigabytes) counted for the project; a
    snapshot being managed has no size yet."""
    number, gigabytes = s.execute(
        select(func.count(), func.coalesce(func.sum(_snap.size), 0))
        .where(_snap.project_id == project_id)).one()
    return int(number), int(gigabytes or 0)


def _apply_filters(query: Select[*Ts], f: SnapshotFilters) -> Select[*Ts]:
    if f.project_id is not None:
        query = query.where(_snap.project_id == f.project_id)
    for column, value in (("status", f.status), ("share_id", f.share_id),
                          ("size", f.size)):
        if value is not None:
            query = query.where(getattr(_snap, column) == value)
    if f.display_name:
        query = query.where(_snap.display_name == f.display_name)
    elif f.display_name_like:
        query = query.where(_snap.display_name.icontains(f.display_name_like,
                                                         autoescape=True))
    if f.display_description:
        query = query.where(_snap.display_description == f.display_description)
    elif f.display_description_like:
        query = query.where(_snap.display_description.icontains(
            f.display_description_like, autoescape=True))
    for key, value in f.metadata.items():
        md = models.SnapshotMetadata
        query = query.where(_snap.id.in_(select(md.snapshot_id).where(
            and_(md.meta_key == key, md.meta_value == value))))
    return query


def list_page(s: Session, filters: SnapshotFilters, *, sort_key: str, sort_dir: str,
              limit: int | None, offset: int,
              with_count: bool) -> records.Page[records.Snapshot]:
    """One page; ``sort_key`` is a key of SORT_COLUMNS (checked by the
    caller)."""
    count = None
    if with_count:
        count = s.scalar(_apply_filters(select(func.count()).select_from(_snap), filters))
    query = ordered_page(
        _apply_filters(select(_snap), filters), SORT_COLUMNS[sort_key],
        _snap.id if sort_key != "id" else None,
        descending=sort_dir == "desc", limit=limit, offset=offset)
    rows = list(s.scalars(query))
    metadata = metadata_db.get_many(s, metadata_db.SNAPSHOTS, [r.id for r in rows])
    return records.Page(items=[_record(r, metadata[r.id]) for r in rows], count=count)
