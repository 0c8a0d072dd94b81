"""The operation queue and its worker thread.

A service enqueues a step inside the same transaction that moves a resource
into its transitional status, so the two can never disagree.  Each API
process runs one worker thread; it claims due steps with a lease (see
db/operations.py), so two processes never run the same step and a restart
resumes whatever was left.  A handler finishes its step inside its own
write transaction; if the lease was lost meanwhile, that work rolls back.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import operations as ops_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


class LeaseLost(Exception):
    """Another worker took the step over; our transaction must roll back."""


# A handler does the step's work in a transaction of its own and calls
# ``finish(session)`` inside it.  ``on_give_up`` runs when it kept failing.
Handler = Callable[[records.Operation, Callable[[Session], None]], None]
GiveUp = Callable[[records.Operation], None]


class OperationQueue:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf
        self._handlers: dict[str, tuple[Handler, GiveUp]] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Periodic tasks of the worker thread: [interval (read each time), task, due].
        self._periodic: list[list[Any]] = []
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def register(self, kind: str, handler: Handler, on_give_up: GiveUp) -> None:
        self._handlers[kind] = (handler, on_give_up)

    def enqueue(self, s: Session, kind: str, resource_id: str, *,
                delay: float | None = None, request_id: str | None = None,
                **payload: Any) -> None:
        """Queue a step due after ``delay`` (default: transition_delay), in
        the caller's transaction; call ``wake()`` after it commits."""
        if delay is None:
            delay = self._conf.transition_delay
        ops_db.enqueue(s, kind, resource_id, time.time() + delay,
                       payload=json.dumps(payload), request_id=request_id)

    def wake(self) -> None:
        self._wake.set()

    def every(self, interval: Callable[[], float], task: Callable[[], None]) -> None:
        """Run ``task`` in the worker thread every ``interval()`` seconds
        (read each time: a reloaded option applies), first at start."""
        self._periodic.append([interval, task, 0.0])

    def _run_periodic(self) -> float:
        """Run the due periodic tasks; seconds until the next one is due."""
        now = time.time()
        for entry in self._periodic:
            interval, task, due = entry
            if due <= now:
                try:
                    task()
                except Exception:
                    LOG.exception("Periodic task %s failed", task)
                entry[2] = now + float(interval())
        return min((entry[2] - now for entry in self._periodic), default=float("inf"))

    # -- the worker --------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="operation-worker",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                next_task = self._run_periodic()
                if self.run_once():
                    continue
                wait = min(self._idle_wait(), max(next_task, 0.0))
            except Exception:
                LOG.exception("Operation worker failed; retrying")
                wait = self._conf.worker_poll_interval
            self._wake.wait(wait)
            self._wake.clear()

    def _idle_wait(self) -> float:
        wait = float(self._conf.worker_poll_interval)
        with self._db.read() as s:
            due = ops_db.next_due(s)
        if due is not None:
            wait = min(wait, max(due - time.time(), 0.0))
        return wait

    def run_once(self) -> bool:
        """Claim and run one due step; False when nothing was due."""
        if self._stop.is_set():
            return False
        now = time.time()
        with self._db.write() as s:
            op = ops_db.claim_next(s, self.owner, now, self._conf.operation_lease)
        if op is None:
            return False
        handler, on_give_up = self._handlers[op.kind]

        def finish(session: Session) -> None:
            if not ops_db.finish(session, op.id, self.owner):
                raise LeaseLost(op.id)

        try:
            handler(op, finish)
        except LeaseLost:
            LOG.warning("Lost the lease on operation %s; another worker has it",
                        op.id)
        except Exception:
            LOG.exception("Operation %s (%s of %s) failed, attempt %s",
                          op.id, op.kind, op.resource_id, op.attempts)
            self._retry_or_give_up(op, on_give_up)
        return True

    def _retry_or_give_up(self, op: records.Operation, on_give_up: GiveUp) -> None:
        if op.attempts < MAX_ATTEMPTS:
            with self._db.write() as s:
                ops_db.release(s, op.id, self.owner,
                               time.time() + min(2 ** op.attempts, 30))
            return
        try:
            on_give_up(op)
        finally:
            with self._db.write() as s:
                ops_db.finish(s, op.id, self.owner)
