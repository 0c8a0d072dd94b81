"""The base of the services whose steps run on the operation queue against
the simulated driver, with quotas and user messages: shares, share
actions, share manage, snapshots."""

from __future__ import annotations

from oslo_config import cfg

from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import messages
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.types import records


class QueuedService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver, quotas: QuotaService,
                 message_service: messages.MessageService) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._driver = driver
        self._quotas = quotas
        self._messages = message_service
        for kind, handler in self._handlers().items():
            queue.register(kind, handler, self._give_up)

    def _handlers(self) -> dict[str, Handler]:
        """The operation kinds this service runs; ``_give_up`` ends each
        one that kept failing."""
        raise NotImplementedError

    def _give_up(self, op: records.Operation) -> None:
        raise NotImplementedError
