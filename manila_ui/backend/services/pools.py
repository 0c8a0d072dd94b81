"""Storage pools as the scheduler sees them (``/scheduler-stats/pools``)."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services.scheduler import PoolState


@dataclasses.dataclass(frozen=True)
class PoolView:
    name: str
    host: str
    backend: str
    pool: str
    capabilities: dict[str, Any]


def states(s: Session, driver: SimulatedDriver) -> list[PoolState]:
    """Every pool with what it reports now: the scheduler's view."""
    allocated = shares_db.allocated_by_host(s)
    return [PoolState(pool, pool.capabilities(allocated.get(pool.name, 0)))
            for pool in driver.pools()]


class PoolService:
    def __init__(self, db: Database, driver: SimulatedDriver) -> None:
        self._db = db
        self._driver = driver

    def list_all(self, filters: dict[str, str]) -> list[PoolView]:
        """Pools matching Manila's filters (host, backend, pool, and
        capabilities as ``key=value``), each a regular expression in Manila;
        here a plain match or a ``*`` wildcard."""
        with self._db.read() as s:
            found_states = states(s, self._driver)
        found = []
        for state in found_states:
            pool = state.pool
            view = PoolView(name=pool.name, host=pool.host.split("@")[0],
                            backend=pool.backend, pool=pool.pool,
                            capabilities=dict(state.capabilities))
            if all(_matches(value, _field(view, key)) for key, value in filters.items()):
                found.append(view)
        return found


def _field(view: PoolView, key: str) -> Any:
    if key in ("host", "backend", "pool"):
        return getattr(view, key)
    return view.capabilities.get(key)


def _matches(wanted: str, actual: Any) -> bool:
    if wanted in ("", "*", ".*"):
        return True
    return str(actual).lower() == wanted.lower()
