"""Share instance rows: a share's primary instance, its replicas and a
migration's destination; their export locations; snapshot instances.

The primary instance's status, host, zone, network, server, type, access
state and progress are the share row's (see models.ShareInstance), so the
records here read them from there.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import models
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareInstanceFilters

_inst = models.ShareInstance
_share = models.Share
_snap_inst = models.SnapshotInstance
_el = models.ExportLocation

# The fields a primary instance takes from its share row.
SHARED_FIELDS = ("host", "availability_zone", "share_network_id", "share_server_id",
                 "share_type_id", "access_rules_status", "progress")


def _field(name: str) -> Any:
    """The instance's value of ``name`` as SQL (the share's for a primary)."""
    return case((_inst.is_primary, getattr(_share, name)), else_=getattr(_inst, name))


def _status() -> Any:
    return case((and_(_inst.is_primary, _inst.status.is_(None)), _share.status),
                else_=_inst.status)


def _record(inst: models.ShareInstance, share: models.Share,
            metadata: Mapping[str, str]) -> records.ShareInstance:
    source: Any = share if inst.is_primary else inst
    status = inst.status if inst.status is not None or not inst.is_primary \
        else share.status
    return records.ShareInstance(
        id=inst.id, share_id=inst.share_id, is_primary=inst.is_primary,
        status=status or "creating",
        host=source.host, availability_zone=source.availability_zone,
        share_network_id=source.share_network_id,
        share_server_id=source.share_server_id, share_type_id=source.share_type_id,
        access_rules_status=source.access_rules_status or "active",
        replica_state=inst.replica_state,
        cast_rules_to_readonly=inst.cast_rules_to_readonly, progress=source.progress,
        created_at=inst.created_at,
        updated_at=(share.updated_at or inst.updated_at) if inst.is_primary
        else inst.updated_at,
        project_id=share.project_id, user_id=share.user_id,
        share_is_soft_deleted=share.is_soft_deleted, metadata=dict(metadata))


def _joined() -> Select[models.ShareInstance, models.Share]:
    return select(_inst, _share).join(_share, _share.id == _inst.share_id)


def _records(s: Session, query: Select[models.ShareInstance, models.Share]
             ) -> list[records.ShareInstance]:
    rows = s.execute(query.order_by(_inst.created_at, _inst.id)).all()
    metadata = metadata_db.get_many(s, metadata_db.SHARE_INSTANCES,
                                    [inst.id for inst, _ in rows])
    return [_record(inst, share, metadata[inst.id]) for inst, share in rows]


# -- reads ----------------------------------------------------------------------

def get(s: Session, instance_id: str) -> records.ShareInstance | None:
    found = _records(s, _joined().where(_inst.id == instance_id))
    return found[0] if found else None


def for_share(s: Session, share_id: str) -> list[records.ShareInstance]:
    """A share's instances, oldest first."""
    return _records(s, _joined().where(_inst.share_id == share_id))


def primary_id(s: Session, share_id: str) -> str | None:
    found = s.scalar(select(_inst.id).where(_inst.share_id == share_id,
                                            _inst.is_primary.is_(True)))
    return str(found) if found is not None else None


def list_all(s: Session, f: ShareInstanceFilters) -> list[records.ShareInstance]:
    """Every instance (admins), with Manila's filters."""
    query = _joined().where(_share.is_soft_deleted.is_(f.is_soft_deleted))
    if f.export_location_id or f.export_location_path:
        located = select(_el.share_instance_id)
        if f.export_location_id:
            located = located.where(_el.id == f.export_location_id)
        if f.export_location_path:
            located = located.where(_el.path == f.export_location_path)
        query = query.where(_inst.id.in_(located))
    if f.host:
        host = _field("host")
        query = query.where(or_(host == f.host, host.like(f"{f.host}#%")))
    if f.status:
        query = query.where(_status() == f.status)
    if f.share_server_id:
        query = query.where(_field("share_server_id") == f.share_server_id)
    return _records(s, query)


def replicas(s: Session, share_id: str | None = None,
             project_id: str | None = None) -> list[records.ShareInstance]:
    """Instances with a replica state, of one share and/or one project."""
    query = _joined().where(_inst.replica_state.is_not(None))
    if share_id is not None:
        query = query.where(_inst.share_id == share_id)
    if project_id is not None:
        query = query.where(_share.project_id == project_id)
    return _records(s, query)


def on_hosts(s: Session, share_id: str) -> list[str]:
    """The pools a share's instances are on."""
    return [str(host) for host in s.scalars(
        select(_field("host")).select_from(_inst).join(_share, _share.id == _inst.share_id)
        .where(_inst.share_id == share_id)) if host]


def allocated_by_host(s: Session) -> dict[str, int]:
    """Gigabytes the non-primary instances take on each pool (the share
    rows count the primaries)."""
    rows = s.execute(
        select(_inst.host, func.sum(_share.size)).join(_share, _share.id == _inst.share_id)
        .where(_inst.is_primary.is_(False), _inst.host.is_not(None))
        .group_by(_inst.host))
    return {str(host): int(total) for host, total in rows}


# -- writes ---------------------------------------------------------------------

def create_primary(s: Session, share_id: str, replicated: bool) -> str:
    instance_id = str(uuid.uuid4())
    s.add(_inst(id=instance_id, share_id=share_id, is_primary=True,
                replica_state="active" if replicated else None,
                cast_rules_to_readonly=False))
    s.flush()
    return instance_id


def create(s: Session, share_id: str, values: Mapping[str, Any],
           metadata: Mapping[str, str] | None = None) -> str:
    """A replica or a migration destination."""
    instance_id = str(uuid.uuid4())
    s.add(_inst(id=instance_id, share_id=share_id, is_primary=False, **values))
    s.flush()
    if metadata:
        metadata_db.update(s, metadata_db.SHARE_INSTANCES, instance_id, metadata)
    return instance_id


def update(s: Session, instance_id: str, **values: Any) -> None:
    models.update_row(s, _inst, instance_id, values)


def share_values(s: Session, instance_id: str) -> dict[str, Any]:
    """A non-primary instance's fields as share-row values (what the share
    takes when the instance becomes its primary)."""
    row = s.get(_inst, instance_id)
    assert row is not None
    values = {name: getattr(row, name) for name in SHARED_FIELDS}
    values["status"] = row.status
    values["access_rules_status"] = row.access_rules_status or "active"
    return values


def demote(s: Session, instance_id: str, share: records.Share,
           **values: Any) -> None:
    """The primary instance becomes an ordinary one, keeping what the
    share row held for it."""
    own = {name: getattr(share, name) for name in SHARED_FIELDS}
    own["status"] = share.status
    models.update_row(s, _inst, instance_id, {**own, **values, "is_primary": False})


def promote(s: Session, instance_id: str, **values: Any) -> None:
    """Make ``instance_id`` the primary: its own fields go (the caller has
    copied them onto the share row)."""
    cleared = dict.fromkeys(SHARED_FIELDS)
    models.update_row(s, _inst, instance_id,
                      {**cleared, "status": None, **values, "is_primary": True})


def destroy(s: Session, instance_id: str) -> None:
    s.execute(delete(_el).where(_el.share_instance_id == instance_id))
    s.execute(delete(_snap_inst).where(_snap_inst.share_instance_id == instance_id))
    s.execute(delete(_inst).where(_inst.id == instance_id))


def count_replicas(s: Session, share_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_inst).where(
        _inst.share_id == share_id, _inst.replica_state.is_not(None))) or 0)


# -- export locations -------------------------------------------------------------

def _export_record(row: models.ExportLocation,
                   metadata: Mapping[str, str]) -> records.ExportLocation:
    return records.ExportLocation(
        id=row.id, share_id=row.share_id, path=row.path,
        is_admin_only=row.is_admin_only, preferred=row.preferred,
        created_at=row.created_at, updated_at=row.updated_at,
        metadata=dict(metadata), share_instance_id=row.share_instance_id)


def export_locations(s: Session, instance_ids: Iterable[str],
                     include_admin_only: bool = True) -> list[records.ExportLocation]:
    ids = list(instance_ids)
    if not ids:
        return []
    query = select(_el).where(_el.share_instance_id.in_(ids))
    if not include_admin_only:
        query = query.where(_el.is_admin_only.is_(False))
    rows = list(s.scalars(query.order_by(_el.created_at, _el.path)))
    metadata = metadata_db.get_many(s, metadata_db.EXPORT_LOCATIONS,
                                    [row.id for row in rows])
    return [_export_record(row, metadata[row.id]) for row in rows]


def export_location(s: Session, el_id: str) -> records.ExportLocation | None:
    row = s.get(_el, el_id)
    if row is None or row.share_instance_id is None:
        return None
    return _export_record(row, metadata_db.get_all(s, metadata_db.EXPORT_LOCATIONS,
                                                   row.id))


def set_export_locations(s: Session, share_id: str, instance_id: str,
                         locations: Iterable[tuple[str, str, bool, bool]]) -> None:
    s.execute(delete(_el).where(_el.share_instance_id == instance_id))
    now = models.utcnow()
    for el_id, path, preferred, admin_only in locations:
        # Manila writes a new location, then updates it: both stamps are set.
        s.add(_el(id=el_id, share_id=share_id, share_instance_id=instance_id, path=path,
                  preferred=preferred, is_admin_only=admin_only, created_at=now,
                  updated_at=now))
    s.flush()


# -- snapshot instances -------------------------------------------------------------

def _snapshot_record(row: models.SnapshotInstance, snap: models.Snapshot,
                     inst: models.ShareInstance) -> records.SnapshotInstance:
    own = not inst.is_primary
    return records.SnapshotInstance(
        id=row.id, snapshot_id=row.snapshot_id, share_id=snap.share_id,
        share_instance_id=row.share_instance_id,
        status=(row.status if own and row.status is not None else snap.status),
        progress=(row.progress if own and row.progress is not None else snap.progress),
        provider_location=snap.provider_location,
        created_at=row.created_at, updated_at=row.updated_at or snap.updated_at)


def _snapshot_query() -> Select[models.SnapshotInstance, models.Snapshot,
                                models.ShareInstance]:
    return (select(_snap_inst, models.Snapshot, _inst)
            .join(models.Snapshot, models.Snapshot.id == _snap_inst.snapshot_id)
            .join(_inst, _inst.id == _snap_inst.share_instance_id))


def snapshot_instances(s: Session, snapshot_id: str | None = None,
                       share_instance_id: str | None = None
                       ) -> list[records.SnapshotInstance]:
    query = _snapshot_query()
    if snapshot_id is not None:
        query = query.where(_snap_inst.snapshot_id == snapshot_id)
    if share_instance_id is not None:
        query = query.where(_snap_inst.share_instance_id == share_instance_id)
    rows = s.execute(query.order_by(_snap_inst.created_at, _snap_inst.id)).all()
    return [_snapshot_record(row, snap, inst) for row, snap, inst in rows]


def snapshot_instance(s: Session, instance_id: str) -> records.SnapshotInstance | None:
    row = s.execute(_snapshot_query().where(_snap_inst.id == instance_id)).first()
    return _snapshot_record(*row) if row is not None else None


def snapshot_instance_is_primary(s: Session, instance_id: str) -> bool:
    return bool(s.scalar(select(_inst.is_primary).join(
        _snap_inst, _snap_inst.share_instance_id == _inst.id)
        .where(_snap_inst.id == instance_id)))


def add_snapshot_instances(s: Session, snapshot_id: str, share_id: str) -> None:
    """A new snapshot's instances: on the share's primary and on each
    replica (which follow the snapshot's status)."""
    wanted = s.scalars(select(_inst.id).where(
        _inst.share_id == share_id,
        or_(_inst.is_primary.is_(True), _inst.replica_state.is_not(None))))
    for instance_id in wanted:
        s.add(_snap_inst(id=str(uuid.uuid4()), snapshot_id=snapshot_id,
                         share_instance_id=instance_id))
    s.flush()


def add_replica_snapshots(s: Session, share_id: str, instance_id: str,
                          status: str | None, progress: str | None) -> None:
    """A new replica's instances of the share's snapshots."""
    for snapshot_id in s.scalars(select(models.Snapshot.id).where(
            models.Snapshot.share_id == share_id)):
        s.add(_snap_inst(id=str(uuid.uuid4()), snapshot_id=snapshot_id,
                         share_instance_id=instance_id, status=status,
                         progress=progress))
    s.flush()


def update_snapshot_instances(s: Session, share_instance_id: str, **values: Any) -> None:
    s.execute(sql_update(_snap_inst).where(
        _snap_inst.share_instance_id == share_instance_id).values(
        **values, updated_at=models.utcnow()))


def update_snapshot_instance(s: Session, instance_id: str, **values: Any) -> None:
    models.update_row(s, _snap_inst, instance_id, values)


def move_snapshot_instances(s: Session, from_instance: str, to_instance: str) -> None:
    s.execute(sql_update(_snap_inst).where(
        _snap_inst.share_instance_id == from_instance).values(
        share_instance_id=to_instance))
