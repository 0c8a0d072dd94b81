"""Availability zones: those of the driver's pools, stored at bootstrap."""

from __future__ import annotations

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.types import records


class AvailabilityZoneService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list_all(self) -> list[records.AvailabilityZone]:
        with self._db.read() as s:
            return az_db.list_all(s)

    def find(self, name_or_id: str) -> records.AvailabilityZone | None:
        with self._db.read() as s:
            return az_db.get_by_name_or_id(s, name_or_id)
