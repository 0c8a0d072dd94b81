"""Share group types: their group specs, share types and the projects given
access to a private one."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records

_type = models.ShareGroupType
_spec = models.ShareGroupTypeSpec
_member = models.ShareGroupTypeShareType
_project = models.ShareGroupTypeProject


def _records(s: Session, rows: Iterable[models.ShareGroupType]
             ) -> list[records.ShareGroupType]:
    rows = list(rows)
    ids = [row.id for row in rows]
    specs: dict[str, dict[str, str]] = {type_id: {} for type_id in ids}
    share_types: dict[str, list[str]] = {type_id: [] for type_id in ids}
    if ids:
        for type_id, key, value in s.execute(
                select(_spec.share_group_type_id, _spec.spec_key, _spec.spec_value)
                .where(_spec.share_group_type_id.in_(ids))):
            specs[type_id][key] = value
        for type_id, share_type_id in s.execute(
                select(_member.share_group_type_id, _member.share_type_id)
                .where(_member.share_group_type_id.in_(ids)).order_by(_member.id)):
            share_types[type_id].append(share_type_id)
    return [records.ShareGroupType(
        id=row.id, name=row.name, is_public=row.is_public, group_specs=specs[row.id],
        share_type_ids=tuple(share_types[row.id]), created_at=row.created_at,
        updated_at=row.updated_at) for row in rows]


def get(s: Session, type_id: str) -> records.ShareGroupType | None:
    row = s.get(_type, type_id)
    return _records(s, [row])[0] if row is not None else None


def get_by_name(s: Session, name: str) -> records.ShareGroupType | None:
    row = s.scalar(select(_type).where(_type.name == name))
    return _records(s, [row])[0] if row is not None else None


def _granted(project_id: str) -> Any:
    return _type.id.in_(select(_project.share_group_type_id)
                        .where(_project.project_id == project_id))


def list_all(s: Session, is_public: bool | None,
             project_id: str | None = None) -> list[records.ShareGroupType]:
    """Types by name, as Manila's query: ``is_public`` True with a
    ``project_id`` adds the private types that project was given."""
    query = select(_type).order_by(_type.name)
    if is_public is True and project_id:
        query = query.where(or_(_type.is_public.is_(True), _granted(project_id)))
    elif is_public is not None:
        query = query.where(_type.is_public.is_(is_public))
    return _records(s, s.scalars(query))


def usable_by(s: Session, group_type: records.ShareGroupType, project_id: str) -> bool:
    return group_type.is_public or s.scalar(select(_project.id).where(
        _project.share_group_type_id == group_type.id,
        _project.project_id == project_id)) is not None


def create(s: Session, type_id: str, name: str, is_public: bool,
           share_type_ids: Iterable[str], specs: Mapping[str, str],
           projects: Iterable[str] = ()) -> records.ShareGroupType:
    s.add(_type(id=type_id, name=name, is_public=is_public))
    s.flush()
    for share_type_id in dict.fromkeys(share_type_ids):
        s.add(_member(share_group_type_id=type_id, share_type_id=share_type_id))
    for key, value in specs.items():
        s.add(_spec(share_group_type_id=type_id, spec_key=key, spec_value=value))
    for project_id in dict.fromkeys(projects):
        s.add(_project(share_group_type_id=type_id, project_id=project_id))
    s.flush()
    created = get(s, type_id)
    assert created is not None
    return created


def destroy(s: Session, type_id: str) -> None:
    for model in (_project, _member, _spec):
        s.execute(delete(model).where(model.share_group_type_id == type_id))
    s.execute(delete(_type).where(_type.id == type_id))


def count_using_share_type(s: Session, share_type_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(_member)
                        .where(_member.share_type_id == share_type_id)) or 0)


# -- group specs ------------------------------------------------------------------

def set_specs(s: Session, type_id: str, specs: Mapping[str, str]) -> None:
    current = {row.spec_key: row for row in s.scalars(
        select(_spec).where(_spec.share_group_type_id == type_id))}
    for key, value in specs.items():
        if key in current:
            current[key].spec_value = value
        else:
            s.add(_spec(share_group_type_id=type_id, spec_key=key, spec_value=value))
    s.flush()


def delete_spec(s: Session, type_id: str, key: str) -> bool:
    row = s.scalar(select(_spec).where(_spec.share_group_type_id == type_id,
                                       _spec.spec_key == key))
    if row is None:
        return False
    s.delete(row)
    s.flush()
    return True


# -- project access ---------------------------------------------------------------

def projects(s: Session, type_id: str) -> list[str]:
    return list(s.scalars(select(_project.project_id)
                          .where(_project.share_group_type_id == type_id)
                          .order_by(_project.id)))


def add_project(s: Session, type_id: str, project_id: str) -> bool:
    if s.scalar(select(_project.id).where(_project.share_group_type_id == type_id,
                                          _project.project_id == project_id)) is not None:
        return False
    s.add(_project(share_group_type_id=type_id, project_id=project_id))
    s.flush()
    return True


def remove_project(s: Session, type_id: str, project_id: str) -> bool:
    result = s.execute(delete(_project).where(_project.share_group_type_id == type_id,
                                              _project.project_id == project_id))
    return bool(getattr(result, "rowcount", 0))
