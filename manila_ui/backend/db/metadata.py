"""Key/value metadata of shares, snapshots and export locations: one
table per resource, the same operations on each."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models


@dataclasses.dataclass(frozen=True)
class Table:
    model: Any        # the ORM class with meta_key / meta_value columns
    owner: str        # the column naming the resource

    def column(self) -> Any:
        return getattr(self.model, self.owner)


SHARES = Table(models.ShareMetadata, "share_id")
SNAPSHOTS = Table(models.SnapshotMetadata, "snapshot_id")
EXPORT_LOCATIONS = Table(models.ExportLocationMetadata, "export_location_id")
SHARE_INSTANCES = Table(models.ShareInstanceMetadata, "share_instance_id")


def get_many(s: Session, table: Table, owner_ids: Iterable[str]) -> dict[str, dict[str, str]]:
    ids = list(owner_ids)
    found: dict[str, dict[str, str]] = {owner_id: {} for owner_id in ids}
    if not ids:
        return found
    rows = s.execute(select(table.column(), table.model.meta_key, table.model.meta_value)
                     .where(table.column().in_(ids)))
    for owner_id, key, value in rows:
        found[owner_id][key] = value
    return found


def get_all(s: Session, table: Table, owner_id: str) -> dict[str, str]:
    return get_many(s, table, [owner_id])[owner_id]


def update(s: Session, table: Table, owner_id: str,
           items: Mapping[str, str]) -> dict[str, str]:
    """Set ``items`` (others stay); return the whole metadata."""
    current = {row.meta_key: row for row in s.scalars(
        select(table.model).where(table.column() == owner_id))}
    for key, value in items.items():
        if key in current:
            current[key].meta_value = value
        else:
            s.add(table.model(**{table.owner: owner_id, "meta_key": key,
                                 "meta_value": value}))
    s.flush()
    return get_all(s, table, owner_id)


def replace(s: Session, table: Table, owner_id: str,
            items: Mapping[str, str]) -> dict[str, str]:
    """Make ``items`` the whole metadata."""
    s.execute(delete(table.model).where(table.column() == owner_id,
                                        table.model.meta_key.not_in(list(items))))
    return update(s, table, owner_id, items)


def delete_item(s: Session, table: Table, owner_id: str, key: str) -> bool:
    """Remove one key; False when there was none."""
    row = s.scalar(select(table.model).where(table.column() == owner_id,
                                             table.model.meta_key == key))
    if row is None:
        return False
    s.delete(row)
    s.flush()
    return True


def delete_all(s: Session, table: Table, owner_id: str) -> None:
    s.execute(delete(table.model).where(table.column() == owner_id))
