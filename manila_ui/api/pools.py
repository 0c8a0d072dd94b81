"""Back-end storage pools (``/scheduler-stats/pools``, admin by default)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class Pool(base.ManilaResource):
    _attrs = ("name", "host", "backend", "pool", "capabilities")
    name: str | None
    capabilities: dict[str, Any] | None
    zone: str | None = None   # set by pages that know it (from the services)

    def __init__(self, info: Mapping[str, Any]) -> None:
        super().__init__(info)
        self.id = self.name  # pools have no id; the name is unique

    @property
    def protocols(self) -> list[str]:
        """``storage_protocol`` is one string such as ``NFS_CIFS``."""
        raw = str((self.capabilities or {}).get("storage_protocol") or "")
        return [p for p in raw.replace(",", "_").split("_") if p]


@base.request_memoized
def pool_list(request: Any, detailed: bool = True) -> list[Pool]:
    pools = client.manilaclient(request).pools.list(detailed=detailed)
    return base.wrap_all(Pool, pools)


def share_protocols(request: Any) -> list[str]:
    """The protocols the back ends offer, upper-case, in a stable order."""
    found: set[str] = set()
    for pool in pool_list(request):
        found.update(p.upper() for p in pool.protocols)
    return sorted(found)
