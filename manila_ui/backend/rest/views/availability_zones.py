"""Availability zone views."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import AvailabilityZone


def availability_zones(zones: list[AvailabilityZone]) -> dict[str, Any]:
    return {"availability_zones": [
        {"id": z.id, "name": z.name, "created_at": isotime(z.created_at),
         "updated_at": isotime(z.updated_at)} for z in zones]}
