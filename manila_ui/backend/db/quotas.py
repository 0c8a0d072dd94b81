"""Per-project quota overrides (defaults live in the ``[quota]`` options)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models


def overrides(s: Session, project_id: str) -> dict[str, int]:
    rows = s.execute(select(models.QuotaLimit.resource,
                            models.QuotaLimit.hard_limit)
                     .where(models.QuotaLimit.project_id == project_id))
    return dict(rows.tuples().all())
