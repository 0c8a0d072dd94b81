"""Mountable snapshots (2.32): access rules and export locations.

A snapshot of a share whose type has ``mount_snapshot_support`` gets export
locations beside its share's when it becomes available (snapshots.py) and
may carry access rules: ``allow`` and ``deny`` queue a rule
(``queued_to_apply`` / ``queued_to_deny``) and ask for a sync of the
snapshot, run from the durable operation queue in two steps as for share
rules (access_sync.py): ``start`` moves the queued rules to ``applying`` /
``denying``, ``apply`` (a transition delay later) hands the driver every
rule that must be on the snapshot (read-only, whatever the share's rules
say), then ``applying`` → ``active`` (or ``error`` for a type the back end
cannot honour) and ``denying`` rules go.  Checks and messages are Manila's
(share/api.py ``snapshot_allow_access`` and friends); visibility, policy
and the parent share's capability are the REST layer's.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from manila_ui.backend.db import mountable_snapshots as mountable_db
from manila_ui.backend.db import operations as ops_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import exports
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import access_rules
from manila_ui.backend.services import errors
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.records import SnapshotAccessRule
from manila_ui.backend.types.records import SnapshotExportLocation

LOG = logging.getLogger(__name__)

SYNC = "sync_snapshot_access"
START, APPLY = "start", "apply"
QUEUED = {"queued_to_apply": "applying", "queued_to_deny": "denying"}
IN_FLIGHT = tuple(QUEUED.values())
ON_SNAPSHOT = ("applying", "active")
NOT_AVAILABLE = ("{what} while the snapshot or any of its replicas or migration copies "
                 "lacks a valid host or is not in available state.")


def _check_available(s: Session, snapshot: records.Snapshot, what: str) -> None:
    share = shares_db.get(s, snapshot.share_id)
    if snapshot.status != "available" or share is None or not share.host:
        raise errors.Invalid("Invalid share snapshot instance: "
                             + NOT_AVAILABLE.format(what=what) + ".")


def add_export_locations(s: Session, driver: SimulatedDriver,
                         snapshot: records.Snapshot) -> None:
    """A snapshot that just became available is exported beside its share
    when the share may mount its snapshots (Manila's manager does the
    same: the driver's locations are kept only then)."""
    share = shares_db.get(s, snapshot.share_id)
    if share is None or not share.mount_snapshot_support:
        return
    share_exports = [simulated.ExportPath(id=el.id, path=el.path, preferred=el.preferred,
                                          is_admin_only=el.is_admin_only)
                     for el in shares_db.export_locations(s, share.id, True)]
    mountable_db.add_export_locations(s, snapshot.id, [
        (el.id, el.path, el.is_admin_only)
        for el in driver.snapshot_exports(snapshot.id, share_exports)])


class MountableSnapshotService:
    def __init__(self, db: Database, queue: OperationQueue,
                 driver: SimulatedDriver) -> None:
        self._db = db
        self._queue = queue
        self._driver = driver
        queue.register(SYNC, self._run, self._give_up)

    # -- reads ------------------------------------------------------------------

    def rules(self, snapshot_id: str) -> list[SnapshotAccessRule]:
        with self._db.read() as s:
            return mountable_db.rules(s, snapshot_id)

    def export_locations(self, snapshot_id: str,
                         include_admin_only: bool) -> list[SnapshotExportLocation]:
        with self._db.read() as s:
            return mountable_db.export_locations(s, snapshot_id, include_admin_only)

    def export_location(self, snapshot_id: str, el_id: str) -> SnapshotExportLocation:
        with self._db.read() as s:
            found = mountable_db.export_location(s, snapshot_id, el_id)
        if found is None:
            raise errors.NotFound("NotFound: Resource could not be found.")
        return found

    # -- allow, deny ----------------------------------------------------------------

    def _locked(self, s: Session, snapshot_id: str) -> records.Snapshot:
        snapshot = snapshots_db.get(s, snapshot_id, for_update=True)
        if snapshot is None:
            raise errors.NotFound(f"Snapshot {snapshot_id} could not be found.")
        return snapshot

    def allow(self, snapshot_id: str, access_type: str,
              access_to: str) -> SnapshotAccessRule:
        """``access_to`` was checked by the caller (it depends on the
        microversion)."""
        with self._db.write() as s:
            snapshot = self._locked(s, snapshot_id)
            for rule in mountable_db.rules(s, snapshot.id, access_type):
                if access_rules.is_duplicate(access_type, access_to,
                                             rule.access_type, rule.access_to):
                    raise errors.Invalid(
                        f"Share snapshot access {access_type}:{access_to} exists.")
            _check_available(s, snapshot, "New access rules cannot be applied")
            rule = mountable_db.create_rule(s, {
                "id": str(uuid.uuid4()), "snapshot_id": snapshot.id,
                "access_type": access_type, "access_to": access_to,
                "state": "queued_to_apply", "created_at": shares_db.now()})
            self._request_sync(s, snapshot.id)
        self._queue.wake()
        return rule

    def deny(self, snapshot_id: str, rule_id: str) -> None:
        with self._db.write() as s:
            snapshot = self._locked(s, snapshot_id)
            rule = mountable_db.get_rule(s, rule_id)
            if rule is None:
                raise errors.NotFound("NotFound: Resource could not be found.")
            if rule.snapshot_id != snapshot.id:
                raise errors.Invalid("Access rule provided is not associated with "
                                     "given snapshot.")
            _check_available(s, snapshot, "Access rules cannot be denied")
            mountable_db.transition(s, snapshot.id, {rule.state: "queued_to_deny"},
                                      rule_ids=[rule.id])
            self._request_sync(s, snapshot.id)
        self._queue.wake()

    def _request_sync(self, s: Session, snapshot_id: str) -> None:
        if SYNC not in ops_db.pending_for(s, snapshot_id):
            self._queue.enqueue(s, SYNC, snapshot_id, phase=START)

    # -- the sync --------------------------------------------------------------------

    def _run(self, op: records.Operation, finish: Callable[[Session], None]) -> None:
        phase = json.loads(op.payload or "{}").get("phase", START)
        with self._db.write() as s:
            snapshot = snapshots_db.get(s, op.resource_id, for_update=True)
            if snapshot is not None:
                if phase == APPLY:
                    self._apply(s, snapshot)
                elif mountable_db.transition(s, snapshot.id, QUEUED):
                    self._queue.enqueue(s, SYNC, snapshot.id, phase=APPLY)
            finish(s)
        self._queue.wake()

    def _apply(self, s: Session, snapshot: records.Snapshot) -> None:
        found = mountable_db.rules(s, snapshot.id)
        on_snapshot = [rule for rule in found if rule.state in ON_SNAPSHOT]
        share = shares_db.get(s, snapshot.share_id)
        hinted = {**(hints(s, share) if share is not None else {}), **snapshot.metadata}
        try:
            updates = self._driver.access.update_snapshot_access(
                snapshot.id, snapshot.share_proto,
                [exports.ExportRule(id=r.id, access_type=r.access_type,
                                    access_to=r.access_to, access_level="ro")
                 for r in on_snapshot],
                fail=simulated.fails(exports.FAIL_OPERATION, hinted))
        except exports.AccessFailed as failure:
            LOG.info("Access rules of snapshot %s failed: %s", snapshot.id, failure)
            mountable_db.transition(s, snapshot.id, dict.fromkeys(IN_FLIGHT, "error"))
        else:
            for rule_id, changes in updates.items():
                if changes.get("state"):
                    mountable_db.transition(s, snapshot.id, {"applying": changes["state"]},
                                              rule_ids=[rule_id])
            mountable_db.transition(s, snapshot.id, {"applying": "active"})
            mountable_db.destroy_rules(s, [r.id for r in found if r.state == "denying"])
        if mountable_db.count_in_states(s, snapshot.id, QUEUED):
            self._queue.enqueue(s, SYNC, snapshot.id, phase=START)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            mountable_db.transition(s, op.resource_id, dict.fromkeys(IN_FLIGHT, "error"))
        LOG.error("Gave up syncing the access rules of snapshot %s", op.resource_id)
