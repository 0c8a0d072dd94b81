"""Applying a share's access rules, one share at a time, in order.

Every access change (allow, deny, level update, a change of squash or
priority) leaves its rule in a ``queued_to_*`` state and asks for a sync
of the share.  A sync runs from the durable operation queue in two steps,
each a transaction holding the share's lock (its row, or SQLite's single
writer), so concurrent requests never interleave with it:

1. ``start``: unless a sync is already in flight, ``queued_to_apply`` /
   ``queued_to_deny`` / ``queued_to_update`` become ``applying`` /
   ``denying`` / ``updating``;
2. ``apply`` (one transition delay later): the driver gets every rule that
   must be on the share, in effective order, and writes the exports file;
   ``applying`` / ``updating`` become ``active`` (or ``error`` where the
   back end refused a rule), ``denying`` rules and their locks go.  If
   more changes were queued meanwhile, the sync starts over.

The share's ``access_rules_status`` is ``syncing`` while anything is
pending, then ``error`` if a rule is in error, else ``active`` (Manila's
share/access.py does the same per share instance).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import operations as ops_db
from manila_ui.backend.db import share_access as access_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import exports
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import access_rules
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.resource_locks import ResourceLockService
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.records import AccessRule

LOG = logging.getLogger(__name__)

SYNC = "sync_access_rules"
START, APPLY = "start", "apply"
QUEUED = {"queued_to_apply": "applying", "queued_to_deny": "denying",
          "queued_to_update": "updating"}
IN_FLIGHT = tuple(QUEUED.values())
ON_SHARE = ("applying", "active", "updating")


def request_sync(s: Session, queue: OperationQueue, share: records.Share) -> None:
    """After queueing a rule change (same transaction): the share syncs,
    and one sync per share is enough (it loops while changes keep coming)."""
    if share.access_rules_status == "active":
        shares_db.update(s, share.id, access_rules_status="syncing")
    if SYNC not in ops_db.pending_for(s, share.id):
        queue.enqueue(s, SYNC, share.id, phase=START)


def deny_all(s: Session, queue: OperationQueue, share: records.Share) -> None:
    """Queue every rule of the share for removal (e.g. a transfer accepted
    with ``clear_access_rules``), in the caller's transaction."""
    rules = access_db.for_share(s, share.id)
    for rule in rules:
        access_db.update_rule(s, rule.id, state="queued_to_deny")
    if rules:
        request_sync(s, queue, share)


def export_rule(rule: AccessRule) -> exports.ExportRule:
    attrs = access_rules.lenient_attributes(rule.metadata)
    return exports.ExportRule(
        id=rule.id, access_type=rule.access_type, access_to=rule.access_to,
        access_level=rule.access_level, squash=attrs.squash, anonuid=attrs.anonuid,
        anongid=attrs.anongid, access_key=rule.access_key)


class AccessSync:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._driver = driver
        queue.register(SYNC, self._run, self._give_up)

    def _run(self, op: records.Operation, finish: Callable[[Session], None]) -> None:
        phase = json.loads(op.payload or "{}").get("phase", START)
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id, for_update=True)
            if share is not None:
                if phase == APPLY:
                    self._apply(s, share)
                else:
                    self._start(s, share)
            finish(s)
        self._queue.wake()

    def reapply(self, s: Session, share: records.Share) -> None:
        """Write the share's rules out again, as a back end does when it
        ensures its shares (a lost exports file comes back); rules still
        queued are then applied as usual."""
        if not access_db.count_in_states(s, share.id, IN_FLIGHT):
            self._apply(s, share)

    def _start(self, s: Session, share: records.Share) -> None:
        if access_db.count_in_states(s, share.id, IN_FLIGHT):
            return   # the sync in flight loops over what was queued since
        if access_db.transition(s, share.id, QUEUED):
            self._queue.enqueue(s, SYNC, share.id, phase=APPLY)
        else:
            self._settle(s, share.id)

    def _apply(self, s: Session, share: records.Share) -> None:
        rules = access_db.for_share(s, share.id)
        on_share = access_rules.effective_order(
            [rule for rule in rules if rule.state in ON_SHARE])
        pool = self._driver.pool(share.host)
        try:
            updates = self._driver.access.update_access(
                share.id, share.share_proto, [export_rule(r) for r in on_share],
                pool_modes=pool.squash_modes if pool else (),
                fail=simulated.fails(exports.FAIL_OPERATION, hints(s, share)))
        except exports.AccessFailed as failure:
            LOG.info("Access rules of share %s failed: %s", share.id, failure)
            access_db.transition(s, share.id, dict.fromkeys(IN_FLIGHT, "error"))
            self._continue(s, share.id)
            return
        for rule_id, changes in updates.items():
            state = changes.pop("state", None)
            if changes:
                access_db.update_rule(s, rule_id, **changes)
            if state is not None:
                access_db.transition(s, share.id, dict.fromkeys(ON_SHARE, state),
                                     rule_ids=[rule_id])
        access_db.transition(s, share.id, {"applying": "active", "updating": "active"})
        gone = [rule.id for rule in rules if rule.state == "denying"]
        ResourceLockService.release_rule_locks(s, gone)
        access_db.destroy(s, gone)
        self._continue(s, share.id)

    def _continue(self, s: Session, share_id: str) -> None:
        if access_db.count_in_states(s, share_id, QUEUED):
            self._queue.enqueue(s, SYNC, share_id, phase=START)
        else:
            self._settle(s, share_id)

    @staticmethod
    def _settle(s: Session, share_id: str) -> None:
        status = "error" if access_db.count_in_states(s, share_id, ["error"]) \
            else "active"
        shares_db.update(s, share_id, access_rules_status=status)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            if shares_db.get(s, op.resource_id, for_update=True) is not None:
                access_db.transition(s, op.resource_id,
                                     dict.fromkeys(IN_FLIGHT, "error"))
                shares_db.update(s, op.resource_id, access_rules_status="error")
        LOG.error("Gave up syncing the access rules of share %s", op.resource_id)


def squash_context(s: Session, driver: SimulatedDriver, share: records.Share
                   ) -> tuple[str | None, dict[str, str], str | None, tuple[str, ...]]:
    """(type name, type extra specs, pool name, the pool's squash modes)."""
    share_type = types_db.get(s, share.share_type_id) if share.share_type_id else None
    pool = driver.pool(share.host)
    return (share_type.name if share_type else None,
            dict(share_type.extra_specs) if share_type else {},
            pool.name if pool else share.host, pool.squash_modes if pool else ())
