"""Storage pool views (``/scheduler-stats/pools``)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.services.pools import PoolView


def pools(found: list[PoolView], detail: bool) -> dict[str, Any]:
    views = []
    for pool in found:
        view: dict[str, Any] = {"name": pool.name, "host": pool.host,
                                "backend": pool.backend, "pool": pool.pool}
        if detail:
            view["capabilities"] = pool.capabilities
        views.append(view)
    return {"pools": views}
