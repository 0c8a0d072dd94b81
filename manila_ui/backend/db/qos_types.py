"""QoS type rows (2.94) and their specs."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db.paging import contains
from manila_ui.backend.db.paging import ordered_page
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import QosTypeFilters

_qos = models.QosType
_spec = models.QosTypeSpec

SORT_COLUMNS: dict[str, Any] = {
    key: getattr(_qos, key) for key in ("id", "name", "description", "created_at",
                                        "updated_at")
}


def _specs_of(s: Session, ids: Iterable[str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {i: {} for i in ids}
    if found:
        rows = s.execute(select(_spec.qos_type_id, _spec.spec_key, _spec.spec_value)
                         .where(_spec.qos_type_id.in_(list(found)))
                         .order_by(_spec.id))
        for owner, key, value in rows.tuples():
            found[owner][key] = value
    return found


def _record(row: models.QosType, specs: Mapping[str, str]) -> records.QosType:
    return records.QosType(id=row.id, name=row.name, description=row.description,
                           specs=dict(specs), created_at=row.created_at,
                           updated_at=row.updated_at)


def get(s: Session, qos_type_id: str) -> records.QosType | None:
    row = s.get(_qos, qos_type_id)
    return None if row is None else _record(row, _specs_of(s, [row.id])[row.id])


def get_by_name(s: Session, name: str) -> records.QosType | None:
    row = s.scalar(select(_qos).where(_qos.name == name))
    return None if row is None else _record(row, _specs_of(s, [row.id])[row.id])


def get_by_name_or_id(s: Session, name_or_id: str) -> records.QosType | None:
    """Manila's ``qos_type_get_by_name_or_id``: the id first, then the name."""
    return get(s, name_or_id) or get_by_name(s, name_or_id)


def list_page(s: Session, filters: QosTypeFilters, *, sort_key: str, sort_dir: str,
              limit: int | None, offset: int) -> list[records.QosType]:
    query = select(_qos)
    if filters.name is not None:
        query = query.where(_qos.name == filters.name)
    if filters.description is not None:
        query = query.where(_qos.description == filters.description)
    if filters.name_like is not None:
        query = query.where(contains(_qos.name, filters.name_like))
    if filters.description_like is not None:
        query = query.where(contains(_qos.description, filters.description_like))
    query = ordered_page(query, SORT_COLUMNS[sort_key],
                         _qos.id if sort_key != "id" else None,
                         descending=sort_dir == "desc", limit=limit, offset=offset)
    rows = list(s.scalars(query))
    specs = _specs_of(s, [r.id for r in rows])
    return [_record(r, specs[r.id]) for r in rows]


def create(s: Session, qos_type_id: str, name: str, description: str | None,
           specs: Mapping[str, str]) -> records.QosType:
    s.add(_qos(id=qos_type_id, name=name, description=description))
    s.flush()
    set_specs(s, qos_type_id, specs)
    created = get(s, qos_type_id)
    assert created is not None
    return created


def update(s: Session, qos_type_id: str, **values: Any) -> records.QosType | None:
    if models.update_row(s, _qos, qos_type_id, values) is None:
        return None
    return get(s, qos_type_id)


def destroy(s: Session, qos_type_id: str) -> None:
    s.execute(delete(_spec).where(_spec.qos_type_id == qos_type_id))
    s.execute(delete(_qos).where(_qos.id == qos_type_id))


def set_specs(s: Session, qos_type_id: str, specs: Mapping[str, str]) -> None:
    """Add or overwrite these specs (the others stay)."""
    if not specs:
        return
    existing = {row.spec_key: row for row in s.scalars(
        select(_spec).where(_spec.qos_type_id == qos_type_id,
                            _spec.spec_key.in_(list(specs))))}
    for key, value in specs.items():
        if key in existing:
            existing[key].spec_value = value
        else:
            s.add(_spec(qos_type_id=qos_type_id, spec_key=key, spec_value=value))
    s.flush()


def delete_spec(s: Session, qos_type_id: str, key: str) -> bool:
    """False when the type has no such spec."""
    done = s.execute(delete(_spec).where(_spec.qos_type_id == qos_type_id,
                                         _spec.spec_key == key))
    return bool(getattr(done, "rowcount", 0))


def shares_using(s: Session, qos_type_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(models.Share)
                        .where(models.Share.qos_type_id == qos_type_id)) or 0)

