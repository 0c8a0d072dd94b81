"""Share types and their extra specs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.types import records


def _specs(s: Session, type_ids: list[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {type_id: {} for type_id in type_ids}
    if type_ids:
        es = models.ShareTypeExtraSpec
        rows = s.execute(select(es.share_type_id, es.spec_key, es.spec_value)
                         .where(es.share_type_id.in_(type_ids)))
        for type_id, key, value in rows:
            found[type_id][key] = value
    return found


def _records(s: Session, rows: list[models.ShareType]) -> list[records.ShareType]:
    specs = _specs(s, [row.id for row in rows])
    return [records.ShareType(id=row.id, name=row.name,
                              description=row.description,
                              is_public=row.is_public, extra_specs=specs[row.id],
                              created_at=row.created_at,
                              updated_at=row.updated_at)
            for row in rows]


def get(s: Session, type_id: str) -> records.ShareType | None:
    row = s.get(models.ShareType, type_id)
    return _records(s, [row])[0] if row is not None else None


def get_by_name_or_id(s: Session, name_or_id: str) -> records.ShareType | None:
    row = s.scalar(select(models.ShareType).where(or_(
        models.ShareType.id == name_or_id, models.ShareType.name == name_or_id)
    ).order_by(models.ShareType.id == name_or_id))
    return _records(s, [row])[0] if row is not None else None


def _granted(project_id: str) -> Any:
    """The private types ``project_id`` was given access to."""
    stp = models.ShareTypeProject
    return models.ShareType.id.in_(
        select(stp.share_type_id).where(stp.project_id == project_id))


def list_all(s: Session, is_public: bool | None,
             project_id: str | None = None) -> list[records.ShareType]:
    """Types by name; ``is_public`` None lists public and private ones.  As
    Manila's query: listing the public ones with a ``project_id`` adds the
    private types that project may use."""
    query = select(models.ShareType).order_by(models.ShareType.name)
    if is_public is True and project_id:
        query = query.where(or_(models.ShareType.is_public.is_(True),
                                _granted(project_id)))
    elif is_public is not None:
        query = query.where(models.ShareType.is_public.is_(is_public))
    return _records(s, list(s.scalars(query)))


def usable_by(s: Session, share_type: records.ShareType, project_id: str) -> bool:
    """Public, or private with access given to ``project_id``."""
    stp = models.ShareTypeProject
    return share_type.is_public or s.scalar(select(stp.id).where(
        stp.share_type_id == share_type.id, stp.project_id == project_id)) is not None


def projects(s: Session, type_id: str) -> list[str]:
    """The projects given access to a type, in the order they got it."""
    stp = models.ShareTypeProject
    return list(s.scalars(select(stp.project_id).where(stp.share_type_id == type_id)
                          .order_by(stp.id)))


def add_project(s: Session, type_id: str, project_id: str) -> bool:
    """Give ``project_id`` access; False when it had it already."""
    stp = models.ShareTypeProject
    if s.scalar(select(stp.id).where(stp.share_type_id == type_id,
                                     stp.project_id == project_id)) is not None:
        return False
    s.add(stp(share_type_id=type_id, project_id=project_id))
    s.flush()
    return True


def remove_project(s: Session, type_id: str, project_id: str) -> bool:
    """Take access away; False when ``project_id`` had none."""
    stp = models.ShareTypeProject
    result = s.execute(delete(stp).where(stp.share_type_id == type_id,
                                         stp.project_id == project_id))
    return bool(getattr(result, "rowcount", 0))


def name_taken(s: Session, name: str, but: str) -> bool:
    """Another type than ``but`` has that name."""
    st = models.ShareType
    return s.scalar(select(st.id).where(st.name == name, st.id != but)) is not None


def update(s: Session, type_id: str, values: Mapping[str, object]) -> None:
    """Set ``name``, ``description``, ``is_public`` (those given)."""
    row = s.get(models.ShareType, type_id)
    assert row is not None
    for key, value in values.items():
        setattr(row, key, value)
    s.flush()


def create(s: Session, type_id: str, name: str, description: str | None,
           is_public: bool, extra_specs: Mapping[str, str]) -> records.ShareType:
    s.add(models.ShareType(id=type_id, name=name, description=description,
                           is_public=is_public))
    s.flush()
    for key, value in extra_specs.items():
        s.add(models.ShareTypeExtraSpec(share_type_id=type_id, spec_key=key,
                                        spec_value=value))
    s.flush()
    created = get(s, type_id)
    assert created is not None
    return created


def destroy(s: Session, type_id: str) -> None:
    s.execute(delete(models.ShareTypeProject).where(
        models.ShareTypeProject.share_type_id == type_id))
    s.execute(delete(models.ShareTypeExtraSpec).where(
        models.ShareTypeExtraSpec.share_type_id == type_id))
    s.execute(delete(models.ShareType).where(models.ShareType.id == type_id))


def set_specs(s: Session, type_id: str, specs: Mapping[str, str]) -> None:
    """Set ``specs`` (others stay)."""
    es = models.ShareTypeExtraSpec
    current = {row.spec_key: row for row in s.scalars(
        select(es).where(es.share_type_id == type_id))}
    for key, value in specs.items():
        if key in current:
            current[key].spec_value = value
        else:
            s.add(es(share_type_id=type_id, spec_key=key, spec_value=value))
    s.flush()


def delete_spec(s: Session, type_id: str, key: str) -> bool:
    es = models.ShareTypeExtraSpec
    row = s.scalar(select(es).where(es.share_type_id == type_id, es.spec_key == key))
    if row is None:
        return False
    s.delete(row)
    s.flush()
    return True
