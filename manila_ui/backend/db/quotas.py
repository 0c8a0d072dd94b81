"""Quota limits (project, user and share-type scopes, quota classes) and the
usage counts quotas are checked against.

Usage is counted from the resources themselves, in one aggregate query per
resource table over a covering index (``ix_shares_quota``,
``ix_share_snapshots_quota``), so a check reads only the project's index
entries, never another project's rows nor the tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from manila_ui.backend.db import models

# Manila commits the quota of a managed share or snapshot only once the
# manage succeeded: rows in these states are not counted.
NOT_COUNTED = ("manage_starting", "manage_error", "manage_error_unmanage_starting")
# A share growing (extend, revert to a larger snapshot) counts its new size.
GROWING = ("extending", "reverting")


@dataclass(frozen=True)
class Scope:
    """Whose usage: a project, or one user or one share type of it."""

    project_id: str
    user_id: str | None = None
    share_type_id: str | None = None


# -- limits -------------------------------------------------------------------

def _scope_filter(project_id: str, user_id: str | None,
                  share_type_id: str | None) -> ColumnElement[bool]:
    q = models.QuotaLimit
    return and_(q.project_id == project_id, q.user_id == (user_id or ""),
                q.share_type_id == (share_type_id or ""))


def overrides(s: Session, project_id: str, user_id: str | None = None,
              share_type_id: str | None = None) -> dict[str, int]:
    """The limits set at exactly this scope (resource -> limit)."""
    rows = s.execute(select(models.QuotaLimit.resource, models.QuotaLimit.hard_limit)
                     .where(_scope_filter(project_id, user_id, share_type_id)))
    return dict(rows.tuples().all())


def scope_overrides(s: Session, project_id: str, user_id: str | None,
                    share_type_id: str | None) -> dict[tuple[str, str], dict[str, int]]:
    """The limits set for the project, the user and the share type, in one
    query: {(user_id, share_type_id): {resource: limit}} ('' = not set)."""
    q = models.QuotaLimit
    wanted = [and_(q.user_id == "", q.share_type_id == "")]
    if user_id:
        wanted.append(and_(q.user_id == user_id, q.share_type_id == ""))
    if share_type_id:
        wanted.append(and_(q.user_id == "", q.share_type_id == share_type_id))
    rows = s.execute(select(q.user_id, q.share_type_id, q.resource, q.hard_limit)
                     .where(q.project_id == project_id, or_(*wanted)))
    found: dict[tuple[str, str], dict[str, int]] = {}
    for user, share_type, resource, limit in rows.tuples():
        found.setdefault((user, share_type), {})[resource] = limit
    return found


def user_limit_sums(s: Session, project_id: str) -> dict[str, int]:
    """Per resource, the sum of the limits set for the project's users
    (Manila's floor for the project's own limit)."""
    q = models.QuotaLimit
    rows = s.execute(select(q.resource, func.sum(q.hard_limit))
                     .where(q.project_id == project_id, q.user_id != "")
                     .group_by(q.resource))
    return {resource: int(total) for resource, total in rows.tuples()}


def set_limit(s: Session, project_id: str, resource: str, limit: int,
              user_id: str | None = None, share_type_id: str | None = None) -> None:
    q = models.QuotaLimit
    row = s.scalar(select(q).where(_scope_filter(project_id, user_id, share_type_id),
                                   q.resource == resource))
    if row is None:
        s.add(q(project_id=project_id, user_id=user_id or "",
                share_type_id=share_type_id or "", resource=resource, hard_limit=limit))
    else:
        row.hard_limit = limit
    s.flush()


def delete_project(s: Session, project_id: str) -> None:
    """Manila's project reset: the project's and its users' limits go; the
    share-type limits stay."""
    q = models.QuotaLimit
    s.execute(delete(q).where(q.project_id == project_id, q.share_type_id == ""))


def delete_scope(s: Session, project_id: str, user_id: str | None = None,
                 share_type_id: str | None = None) -> None:
    s.execute(delete(models.QuotaLimit).where(
        _scope_filter(project_id, user_id, share_type_id)))


def delete_share_type(s: Session, share_type_id: str) -> None:
    """A deleted share type takes its limits along (in every project)."""
    s.execute(delete(models.QuotaLimit).where(
        models.QuotaLimit.share_type_id == share_type_id))


def class_limits(s: Session, class_name: str) -> dict[str, int]:
    c = models.QuotaClass
    rows = s.execute(select(c.resource, c.hard_limit).where(c.class_name == class_name))
    return dict(rows.tuples().all())


def set_class_limit(s: Session, class_name: str, resource: str, limit: int) -> None:
    c = models.QuotaClass
    row = s.scalar(select(c).where(c.class_name == class_name, c.resource == resource))
    if row is None:
        s.add(c(class_name=class_name, resource=resource, hard_limit=limit))
    else:
        row.hard_limit = limit
    s.flush()


# -- usage --------------------------------------------------------------------

def _sum(value: Any) -> Any:
    return func.coalesce(func.sum(value), 0)


def _share_aggregates(when: ColumnElement[bool] | None) -> list[Any]:
    """shares, gigabytes, share_replicas, replica_gigabytes where ``when``
    holds (every counted row when None)."""
    sh = models.Share
    size = case((and_(sh.status.in_(GROWING), sh.pending_size > sh.size),
                 sh.pending_size), else_=sh.size)
    replicated = sh.replication_type.is_not(None)
    cond = literal(True) if when is None else when
    return [_sum(case((cond, 1), else_=0)),
            _sum(case((cond, size), else_=0)),
            _sum(case((and_(cond, replicated), 1), else_=0)),
            _sum(case((and_(cond, replicated), size), else_=0))]


def _scope_conditions(scopes: Iterable[Scope], user_col: Any,
                      type_col: Any) -> list[ColumnElement[bool] | None]:
    found: list[ColumnElement[bool] | None] = []
    for scope in scopes:
        if scope.user_id is not None:
            found.append(user_col == scope.user_id)
        elif scope.share_type_id is not None:
            found.append(type_col == scope.share_type_id)
        else:
            found.append(None)
    return found


SHARE_RESOURCES = frozenset({"shares", "gigabytes", "share_replicas", "replica_gigabytes"})
SNAPSHOT_RESOURCES = frozenset({"snapshots", "snapshot_gigabytes"})
NETWORK_RESOURCES = frozenset({"share_networks"})
GROUP_RESOURCES = frozenset({"share_groups", "share_group_snapshots"})
BACKUP_RESOURCES = frozenset({"backups", "backup_gigabytes"})
ALL_COUNTED = (SHARE_RESOURCES | SNAPSHOT_RESOURCES | NETWORK_RESOURCES | GROUP_RESOURCES
               | BACKUP_RESOURCES)


def usage(s: Session, scopes: list[Scope],
          resources: frozenset[str] = ALL_COUNTED) -> list[dict[str, int]]:
    """Usage of each scope (all of one project): one query per resource
    table ``resources`` needs, whatever the number of scopes."""
    if not scopes:
        return []
    project_id = scopes[0].project_id
    assert all(scope.project_id == project_id for scope in scopes)
    found: list[dict[str, int]] = [{} for _ in scopes]
    if resources & SHARE_RESOURCES:
        _count_shares(s, project_id, scopes, found)
        _count_replicas(s, project_id, scopes, found)
    if resources & SNAPSHOT_RESOURCES:
        _count_snapshots(s, project_id, scopes, found)
    if resources & NETWORK_RESOURCES:
        _count_networks(s, project_id, scopes, found)
    if "share_groups" in resources:
        _count_by_user(s, models.ShareGroup, "share_groups", project_id, scopes, found)
    if "share_group_snapshots" in resources:
        _count_by_user(s, models.ShareGroupSnapshot, "share_group_snapshots", project_id,
                       scopes, found)
    if resources & BACKUP_RESOURCES:
        _count_backups(s, project_id, scopes, found)
    return found


def _count_shares(s: Session, project_id: str, scopes: list[Scope],
                  found: list[dict[str, int]]) -> None:
    sh = models.Share
    aggregates: list[Any] = []
    for cond in _scope_conditions(scopes, sh.user_id, sh.share_type_id):
        aggregates += _share_aggregates(cond)
    row = s.execute(select(*aggregates).where(
        sh.project_id == project_id, sh.status.not_in(NOT_COUNTED))).one()
    for i, counted in enumerate(found):
        (counted["shares"], counted["gigabytes"], counted["share_replicas"],
         counted["replica_gigabytes"]) = (int(v) for v in row[4 * i: 4 * i + 4])


def _count_replicas(s: Session, project_id: str, scopes: list[Scope],
                    found: list[dict[str, int]]) -> None:
    """Replicas beyond a share's active one (which _count_shares counts)."""
    sh = models.Share
    inst = models.ShareInstance
    aggregates: list[Any] = []
    for cond in _scope_conditions(scopes, sh.user_id, sh.share_type_id):
        matched = literal(True) if cond is None else cond
        aggregates += [_sum(case((matched, 1), else_=0)),
                       _sum(case((matched, sh.size), else_=0))]
    row = s.execute(select(*aggregates).select_from(inst).join(sh, sh.id == inst.share_id)
                    .where(sh.project_id == project_id, inst.is_primary.is_(False),
                           inst.replica_state.is_not(None))).one()
    for i, counted in enumerate(found):
        counted["share_replicas"] += int(row[2 * i])
        counted["replica_gigabytes"] += int(row[2 * i + 1])


def _count_snapshots(s: Session, project_id: str, scopes: list[Scope],
                     found: list[dict[str, int]]) -> None:
    sh = models.Share
    sn = models.Snapshot
    by_type = any(scope.share_type_id is not None for scope in scopes)
    snap_type = sh.share_type_id if by_type else literal(None)
    aggregates: list[Any] = []
    for cond in _scope_conditions(scopes, sn.user_id, snap_type):
        matched = literal(True) if cond is None else cond
        aggregates += [_sum(case((matched, 1), else_=0)),
                       _sum(case((matched, func.coalesce(sn.size, 0)), else_=0))]
    query = select(*aggregates).where(sn.project_id == project_id,
                                      sn.status.not_in(NOT_COUNTED))
    if by_type:   # a snapshot's type is its share's
        query = query.select_from(sn).outerjoin(sh, sh.id == sn.share_id)
    row = s.execute(query).one()
    for i, counted in enumerate(found):
        counted["snapshots"], counted["snapshot_gigabytes"] = (
            int(row[2 * i]), int(row[2 * i + 1]))


def _count_networks(s: Session, project_id: str, scopes: list[Scope],
                    found: list[dict[str, int]]) -> None:
    _count_by_user(s, models.ShareNetwork, "share_networks", project_id, scopes, found)


def _count_by_user(s: Session, model: Any, resource: str, project_id: str,
                   scopes: list[Scope], found: list[dict[str, int]]) -> None:
    """Rows of a project (or of one user of it) over the (project_id,
    user_id) index.  Networks and groups have no share type: a type's count
    is always 0 (Manila never checks one against a type)."""
    aggregates: list[Any] = []
    for scope in scopes:
        mine: ColumnElement[bool] = (
            literal(False) if scope.share_type_id is not None
            else model.user_id == scope.user_id if scope.user_id is not None
            else literal(True))
        aggregates.append(_sum(case((mine, 1), else_=0)))
    row = s.execute(select(*aggregates).where(model.project_id == project_id)).one()
    for i, counted in enumerate(found):
        counted[resource] = int(row[i])


def _count_backups(s: Session, project_id: str, scopes: list[Scope],
                   found: list[dict[str, int]]) -> None:
    """Every backup row counts until it is gone (errors too, as Manila
    releases the quota only when a backup is deleted)."""
    b = models.ShareBackup
    aggregates: list[Any] = []
    for scope in scopes:
        # Manila reserves backups without a share type: a type counts none.
        mine: ColumnElement[bool] = (
            literal(False) if scope.share_type_id is not None
            else b.user_id == scope.user_id if scope.user_id is not None
            else literal(True))
        aggregates += [_sum(case((mine, 1), else_=0)),
                       _sum(case((mine, b.size), else_=0))]
    row = s.execute(select(*aggregates).where(b.project_id == project_id)).one()
    for i, counted in enumerate(found):
        counted["backups"], counted["backup_gigabytes"] = (
            int(row[2 * i]), int(row[2 * i + 1]))


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
