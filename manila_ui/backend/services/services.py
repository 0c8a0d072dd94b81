"""The backend's services as Manila lists them (``/services``): the
scheduler and one share service per back end (``host@backend``).  Each
process's operation worker reports them alive every ``report_interval``
seconds; one without a heartbeat for ``service_down_time`` is down.  An
admin disables a share service (its pools take no new shares and leave the
pool list, as in Manila) and asks one to ensure its shares (2.86): they go
``ensuring`` while the back end re-exports them and re-applies their
access rules, then back to ``available``."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import services as services_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import errors
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.types import records

if TYPE_CHECKING:
    from manila_ui.backend.services.access_sync import AccessSync

LOG = logging.getLogger(__name__)

SHARE = services_db.SHARE
SCHEDULER = services_db.SCHEDULER
ENSURE = "ensure_shares"
ENSURABLE = ("available", "ensuring")


@dataclasses.dataclass(frozen=True)
class ServiceFilters:
    """Manila's service filters, exact values; None: not filtered."""
    host: str | None = None
    binary: str | None = None
    topic: str | None = None
    zone: str | None = None
    state: str | None = None
    disabled: bool | None = None
    ensuring: bool | None = None


class ServiceService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver, access_sync: AccessSync) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._driver = driver
        self._access = access_sync
        queue.register(ENSURE, self._run_ensure, self._give_up)
        queue.every(lambda: float(conf.report_interval), self.heartbeat)

    @property
    def _down_after(self) -> float:
        return float(self._conf.service_down_time)

    def _ours(self) -> list[tuple[str, str, str]]:
        """(host, binary, zone) of the services this backend runs."""
        zones = self._driver.availability_zones()
        ours = [(self._conf.host, SCHEDULER, zones[0] if zones else "nova")]
        ours += [(pool.host, SHARE, pool.availability_zone)
                 for pool in self._driver.pools()]
        return ours

    def bootstrap(self) -> None:
        with self._db.write() as s:
            for host, binary, zone in self._ours():
                services_db.ensure(s, host, binary, zone)

    def heartbeat(self) -> None:
        with self._db.write() as s:
            services_db.heartbeat(s, [(host, binary) for host, binary, _ in self._ours()])

    # -- the API ---------------------------------------------------------------

    def list_all(self, filters: ServiceFilters) -> list[records.Service]:
        with self._db.read() as s:
            zone = filters.zone
            if zone is not None:
                found = az_db.get_by_name_or_id(s, zone)
                if found is None:
                    return []     # Manila: an unknown zone lists nothing
                zone = found.name
            services = services_db.list_all(s, self._down_after)
        wanted = {"host": filters.host, "binary": filters.binary,
                  "topic": filters.topic, "zone": zone, "state": filters.state,
                  "disabled": filters.disabled, "ensuring": filters.ensuring}
        return [service for service in services
                if all(value is None or getattr(service, key) == value
                       for key, value in wanted.items())]

    def set_disabled(self, host: str, binary: str, disabled: bool,
                     reason: str | None, keep_reason: bool) -> None:
        with self._db.write() as s:
            service = services_db.get_by_args(s, host, binary, self._down_after)
            if service is None:
                raise errors.NotFound(f"HostBinaryNotFound: Could not find binary "
                                      f"{binary} on host {host}.")
            services_db.set_disabled(s, service.id, disabled, reason, keep_reason)

    def ensure_shares(self, host: str, request_id: str | None) -> None:
        """Re-check the shares of a share service: they go ``ensuring``
        now, and back once the back end re-exported them."""
        with self._db.write() as s:
            service = services_db.get_by_args(s, host, SHARE, self._down_after)
            if service is None:
                raise errors.NotFound("The resource could not be found.")
            if service.state != "up":
                raise errors.Conflict("The service must have its state set to 'up' "
                                      "prior to running ensure shares.")
            share_ids = shares_db.on_backend(s, host, ENSURABLE)
            if not share_ids:
                return    # Manila leaves the service alone when nothing is placed
            services_db.set_ensuring(s, service.id, True)
            for share_id in share_ids:
                shares_db.update(s, share_id, status="ensuring")
            self._queue.enqueue(s, ENSURE, str(service.id), request_id=request_id,
                                host=host)
        self._queue.wake()

    def _run_ensure(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            service = next((svc for svc in services_db.list_all(s, self._down_after, SHARE)
                            if str(svc.id) == op.resource_id), None)
            if service is not None:
                for share_id in shares_db.on_backend(s, service.host, ("ensuring",)):
                    share = shares_db.update(s, share_id, status="available")
                    if share is not None and share.share_proto == "NFS":
                        self._access.reapply(s, share)
                services_db.set_ensuring(s, service.id, False)
            finish(s)
        self._queue.wake()

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            for service in services_db.list_all(s, self._down_after, SHARE):
                if str(service.id) == op.resource_id:
                    for share_id in shares_db.on_backend(s, service.host, ("ensuring",)):
                        shares_db.update(s, share_id, status="available")
                    services_db.set_ensuring(s, service.id, False)

    # -- for the scheduler -----------------------------------------------------

    def schedulable_hosts(self, s: Session, lock: bool = False) -> set[str]:
        """The back ends (``host@backend``) whose share service is enabled
        and up.  ``lock``: hold the share services' rows until the
        transaction ends, so placements on PostgreSQL or MySQL run one at a
        time (SQLite's writers are one at a time already)."""
        services = services_db.list_all(s, self._down_after, SHARE, for_update=lock)
        return {service.host for service in services
                if not service.disabled and service.state == "up"}
