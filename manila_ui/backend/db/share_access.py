"""Access rules of shares and their metadata: plain records out, never
ORM rows.  Rule states change only through ``transition`` (a conditional
UPDATE), so a caller holding the share's lock sees a consistent set."""

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

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import models
from manila_ui.backend.types.queries import RuleFilters
from manila_ui.backend.types.records import AccessRule

METADATA = metadata_db.Table(models.ShareAccessRuleMetadata, "access_id")

_rule = models.ShareAccessRule




def _records(s: Session, rows: Iterable[models.ShareAccessRule]) -> list[AccessRule]:
    rows = list(rows)
    metadata = metadata_db.get_many(s, METADATA, [row.id for row in rows])
    return [AccessRule(id=row.id, share_id=row.share_id, access_type=row.access_type,
                       access_to=row.access_to, access_level=row.access_level,
                       state=row.state, access_key=row.access_key,
                       metadata=metadata[row.id], created_at=row.created_at,
                       updated_at=row.updated_at)
            for row in rows]


def create(s: Session, values: Mapping[str, Any],
           metadata: Mapping[str, str]) -> AccessRule:
    s.add(_rule(**values))
    s.flush()
    if metadata:
        metadata_db.update(s, METADATA, values["id"], metadata)
    found = get(s, values["id"])
    assert found is not None
    return found


def get(s: Session, rule_id: str) -> AccessRule | None:
    # populate_existing: this transaction may have moved its state already.
    row = s.scalars(select(_rule).where(_rule.id == rule_id)
                    .execution_options(populate_existing=True)).first()
    return _records(s, [row])[0] if row is not None else None


def for_share(s: Session, share_id: str,
              filters: RuleFilters | None = None) -> list[AccessRule]:
    """A share's rules, oldest first (the order Manila's list has until a
    caller asks for the effective order)."""
    query = select(_rule).where(_rule.share_id == share_id)
    f = filters or RuleFilters()
    for column, value in ((_rule.access_type, f.access_type),
                          (_rule.access_to, f.access_to),
                          (_rule.access_level, f.access_level),
                          (_rule.access_key, f.access_key)):
        if value is not None:
            query = query.where(column == value)
    md = models.ShareAccessRuleMetadata
    for key, value in f.metadata.items():
        query = query.where(select(md.id).where(
            md.access_id == _rule.id, md.meta_key == key,
            md.meta_value == value).exists())
    query = query.order_by(_rule.created_at, _rule.id).execution_options(
        populate_existing=True)
    return _records(s, s.scalars(query).all())


def same_type_on_share(s: Session, share_id: str, access_type: str) -> list[AccessRule]:
    return for_share(s, share_id, RuleFilters(access_type=access_type))


def update_rule(s: Session, rule_id: str, **values: Any) -> None:
    s.execute(update(_rule).where(_rule.id == rule_id).values(**values)
              .execution_options(synchronize_session=False))


def transition(s: Session, share_id: str, changes: Mapping[str, str],
               rule_ids: Iterable[str] | None = None) -> int:
    """Move the share's rules (or only ``rule_ids``) from each state named
    in ``changes`` to its value; returns how many moved."""
    moved = 0
    ids = list(rule_ids) if rule_ids is not None else None
    for old, new in changes.items():
        query = update(_rule).where(_rule.share_id == share_id, _rule.state == old)
        if ids is not None:
            query = query.where(_rule.id.in_(ids))
        result = cast("CursorResult[Any]", s.execute(
            query.values(state=new, updated_at=models.utcnow())
            .execution_options(synchronize_session=False)))
        moved += result.rowcount
    return moved


def count_in_states(s: Session, share_id: str, states: Iterable[str]) -> int:
    return len(list(s.scalars(select(_rule.id).where(
        _rule.share_id == share_id, _rule.state.in_(list(states))))))


def destroy(s: Session, rule_ids: Iterable[str]) -> None:
    ids = list(rule_ids)
    if ids:
        s.execute(delete(_rule).where(_rule.id.in_(ids)))


def metadata_update(s: Session, rule_id: str, items: Mapping[str, str]) -> dict[str, str]:
    return metadata_db.update(s, METADATA, rule_id, items)


def metadata_delete(s: Session, rule_id: str, key: str) -> bool:
    return metadata_db.delete_item(s, METADATA, rule_id, key)
