"""Storage pools as the scheduler sees them (``/scheduler-stats/pools``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from collections.abc import Mapping
from typing import TYPE_CHECKING
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.capacity import Usage
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import errors
from manila_ui.backend.services import scheduler
from manila_ui.backend.services.scheduler import PoolState
from manila_ui.backend.types.values import echo

if TYPE_CHECKING:
    from manila_ui.backend.services.services import ServiceService

# What Manila's get_pools filters on: a regular expression matched at the
# start of the pool's name parts, or the capabilities a share type asks for.
# Any other key matches no pool (Manila's _passes_filters).
NAME_KEYS = ("name", "host", "backend", "pool")


@dataclasses.dataclass(frozen=True)
class PoolView:
    name: str
    host: str
    backend: str
    pool: str
    capabilities: dict[str, Any]


def usage(s: Session) -> dict[str, Usage]:
    """What is placed on each pool: share sizes, and what they wrote."""
    written: dict[str, int] = {}
    for host, size, value in shares_db.hinted_shares(s, simulated.USED_HINT):
        used = simulated.used_gb({simulated.USED_HINT: value})
        written[host] = written.get(host, 0) + min(used, size)
    return {host: Usage(provisioned, written.get(host, 0))
            for host, provisioned in shares_db.allocated_by_host(s).items()}


def states(s: Session, driver: SimulatedDriver,
           hosts: Collection[str] | None = None) -> list[PoolState]:
    """The pools (of the back ends ``hosts``) with what they report now:
    the scheduler's view."""
    placed = usage(s)
    return [PoolState(pool, pool.capabilities(placed.get(pool.name, Usage())))
            for pool in driver.pools() if hosts is None or pool.host in hosts]


def state(s: Session, driver: SimulatedDriver, name: str | None) -> PoolState | None:
    return next((p for p in states(s, driver) if p.name == name), None)


class PoolService:
    def __init__(self, db: Database, driver: SimulatedDriver,
                 services: ServiceService) -> None:
        self._db = db
        self._driver = driver
        self._services = services

    def list_all(self, filters: Mapping[str, str],
                 capabilities: Mapping[str, str] | None = None) -> list[PoolView]:
        """Pools whose name parts match ``filters`` (each a regular
        expression matched at the start, case-sensitive, as Manila) and
        whose capabilities satisfy ``capabilities`` (a share type's extra
        specs).  A filter key Manila does not know matches nothing."""
        patterns = {key: _pattern(key, value) for key, value in filters.items()
                    if key in NAME_KEYS}
        if set(filters) - set(NAME_KEYS):
            return []
        with self._db.read() as s:
            # As Manila's scheduler: only the pools of enabled services that are up.
            found_states = states(s, self._driver, self._services.schedulable_hosts(s))
        found = []
        for found_state in found_states:
            pool = found_state.pool
            view = PoolView(name=pool.name, host=pool.host.split("@")[0],
                            backend=pool.backend, pool=pool.pool,
                            capabilities=dict(found_state.capabilities))
            if all(pattern.match(getattr(view, key)) for key, pattern in patterns.items()) \
                    and (capabilities is None or scheduler.capabilities_satisfied(
                        view.capabilities, capabilities)):
                found.append(view)
        return found


def _pattern(key: str, value: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except (re.error, RecursionError, OverflowError) as exc:
        # Manila fails with 500 here; a bad filter is the client's error.
        raise errors.Invalid(f"Invalid {key} filter {echo(value)}: {exc}") from None
