"""Availability zones of the shared file system service."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class AvailabilityZone(base.ManilaResource):
    _attrs = ("id", "name", "created_at", "updated_at")
    id: str
    name: str | None


@base.request_memoized
def availability_zone_list(request: Any) -> list[AvailabilityZone]:
    zones = client.manilaclient(request).availability_zones.list()
    return sorted(base.wrap_all(AvailabilityZone, zones),
                  key=lambda z: z.name or "")
