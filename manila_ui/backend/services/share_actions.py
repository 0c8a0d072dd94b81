"""The actions on one share (``POST /shares/{id}/action``): resize, revert,
the recycle bin, and the admin's reset and force delete.

extend:  ``extending`` → ``available`` (new size) | ``extending_error`` +
         message; no room left on the pool → ``available`` + message.
shrink:  ``shrinking`` → ``available`` (new size) | ``shrinking_error`` +
         message; below the used space → ``available`` + message.
revert:  ``reverting`` (the snapshot ``restoring``) → ``available`` (the
         snapshot's size) | ``reverting_error`` + message.
soft delete / restore: flags only, as in Manila; the worker purges a share
         left in the recycle bin for ``soft_deleted_share_retention_time``.

Checks and messages are Manila's, in Manila's order.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services import pools
from manila_ui.backend.services import scheduler
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import EXTEND_WORDS
from manila_ui.backend.services.quotas import PER_SHARE
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.quotas import QuotaExceeded
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.services.resource_locks import check_share_unlocked
from manila_ui.backend.services.shares import ShareService
from manila_ui.backend.services.shares import check_no_backups
from manila_ui.backend.services.shares import check_no_group_snapshot_members
from manila_ui.backend.services.shares import hints
from manila_ui.backend.services.shares import type_specs
from manila_ui.backend.types import records
from manila_ui.backend.types.values import decimal

LOG = logging.getLogger(__name__)

EXTEND = "extend_share"
SHRINK = "shrink_share"
REVERT = "revert_share"
PURGE = "purge_soft_deleted_share"

# What ``reset_status`` accepts: Manila's schema (every share status) and
# then its admin-actions list.
SHARE_STATUSES = (
    "creating", "creating_from_snapshot", "deleting", "deferred_deleting", "deleted",
    "error", "error_deleting", "error_deferred_deleting", "available",
    "manage_starting", "manage_error", "unmanage_starting",
    "manage_error_unmanage_starting", "unmanage_error", "unmanaged", "extending",
    "extending_error", "shrinking", "shrinking_error", "migrating", "migrating_to",
    "shrinking_possible_data_loss_error", "replication_change", "restoring",
    "reverting", "reverting_error", "awaiting_transfer", "backup_creating",
    "backup_restoring", "backup_restoring_error", "ensuring", "server_migrating",
    "server_migrating_to", "reverting_to_snapshot")
RESETTABLE = ("creating", "available", "deleting", "error", "error_deleting",
              "migrating", "migrating_to", "server_migrating")
SHRINKABLE = ("available", "shrinking_possible_data_loss_error")


def _size_bound(specs: dict[str, str], key: str) -> int | None:
    return decimal(specs.get(key))


class ShareActionService(QueuedService):
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver, quotas: QuotaService,
                 message_service: messages.MessageService,
                 shares: ShareService) -> None:
        super().__init__(db, conf, queue, driver, quotas, message_service)
        self._shares = shares
        # The recycle bin's purge has nothing to give up on.
        queue.register(PURGE, self._run_purge, lambda op: None)

    def _handlers(self) -> dict[str, Handler]:
        return {EXTEND: self._run_extend, SHRINK: self._run_shrink,
                REVERT: self._run_revert}

    def _locked(self, s: Session, share_id: str) -> records.Share:
        share = shares_db.get(s, share_id, for_update=True)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def _message(self, s: Session, share: records.Share, action_id: str,
                 detail_id: str, request_id: str | None) -> None:
        self._messages.record(s, project_id=share.project_id, resource_type="SHARE",
                              resource_id=share.id, action_id=action_id,
                              detail_id=detail_id, request_id=request_id)

    # -- extend -------------------------------------------------------------

    def extend(self, share_id: str, new_size: int, force: bool,
               beyond_max_size: bool, request_id: str | None) -> None:
        """``beyond_max_size``: the caller may pass the type's maximum share
        size (Manila's share:extend_beyond_max_share_size_spec)."""
        with self._db.write() as s:
            share = self._locked(s, share_id)
            if share.is_soft_deleted:
                raise errors.Refused(f"Cannot extend share '{share.id}' since it has "
                                     "been soft deleted.")
            if share.status != "available":
                raise errors.Invalid(
                    f"Invalid share: Share {share.id} status must be 'available' to "
                    f"extend, but current status is: {share.status}.")
            if new_size <= share.size:
                raise errors.Invalid(
                    "Invalid input received: New size for extend must be greater than "
                    f"current size. (current: {share.size}, extended: {new_size}).")
            owner = Owner(share.project_id, share.user_id, share.share_type_id)
            growth = new_size - share.size
            deltas = {PER_SHARE: new_size, "gigabytes": growth}
            if share.replication_type:
                deltas["replica_gigabytes"] = growth
            self._quotas.check(s, owner, {PER_SHARE: new_size})
            specs = type_specs(s, share)
            key, words = ("provisioning:max_share_size", "maximum allowable size")
            if beyond_max_size:
                key, words = ("provisioning:max_share_extend_size",
                              "maximum allowable extend size")
            bound = _size_bound(specs, key)
            if bound is not None and new_size > bound:
                raise errors.Invalid(
                    f"Invalid input received: Specified share size of '{new_size}' is "
                    f"greater than the {words} of '{bound}' for share type "
                    f"'{share.share_type_name}'.")
            try:
                self._quotas.check(s, owner, deltas, EXTEND_WORDS)
            except QuotaExceeded as refusal:
                if refusal.resource != "gigabytes":
                    raise
                # Manila answers this one with 403, not 413.
                raise errors.Refused(refusal.unprefixed) from None
            # The new size counts from now on (quotas.py: a growing share).
            shares_db.update(s, share.id, status="extending", pending_size=new_size)
            self._quotas.recheck(s, owner, deltas, EXTEND_WORDS)
            self._queue.enqueue(s, EXTEND, share.id, request_id=request_id,
                                new_size=new_size, force=force)
        self._queue.wake()

    def _run_extend(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        payload = json.loads(op.payload)
        new_size, force = int(payload["new_size"]), bool(payload.get("force"))
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "extending":
                finish(s)
                return
            pool = pools.state(s, self._driver, share.host)
            growth = scheduler.Request(
                size=new_size - share.size, share_proto=share.share_proto,
                availability_zone=None, extra_specs=type_specs(s, share),
                is_share_extend=True)
            if not force and pool is not None and not scheduler.can_grow(pool, growth):
                # The scheduler found no room: Manila leaves it available.
                shares_db.update(s, share.id, status="available")
                self._message(s, share, messages.EXTEND,
                              scheduler.FILTER_DETAILS["CapacityFilter"], op.request_id)
                finish(s)
                return
            try:
                self._driver.extend_share(share.id, new_size, hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Extending share %s failed: %s", share.id, failure)
                shares_db.update(s, share.id, status="extending_error")
                self._message(s, share, messages.EXTEND,
                              messages.DRIVER_FAILED_EXTEND, op.request_id)
                finish(s)
                return
            shares_db.update(s, share.id, status="available", size=new_size)
            finish(s)

    # -- shrink -------------------------------------------------------------

    def shrink(self, share_id: str, new_size: int, request_id: str | None) -> None:
        with self._db.write() as s:
            share = self._locked(s, share_id)
            if share.is_soft_deleted:
                raise errors.Refused(f"Cannot shrink share '{share.id}' since it has "
                                     "been soft deleted.")
            if share.status not in SHRINKABLE:
                raise errors.Invalid(
                    f"Invalid share: Share {share.id} status must in "
                    f"({', '.join(SHRINKABLE)}) to shrink, but current status is: "
                    f"{share.status}.")
            if new_size >= share.size or new_size <= 0:
                raise errors.Invalid(
                    "Invalid input received: New size for shrink must be less than "
                    f"current size and greater than 0 (current: {share.size}, new: "
                    f"{new_size}).")
            bound = _size_bound(type_specs(s, share), "provisioning:min_share_size")
            if bound is not None and new_size < bound:
                raise errors.Invalid(
                    f"Invalid input received: Specified share size of '{new_size}' is "
                    f"less than the minimum required size of '{bound}' for share type "
                    f"'{share.share_type_name}'.")
            shares_db.update(s, share.id, status="shrinking")
            self._queue.enqueue(s, SHRINK, share.id, request_id=request_id,
                                new_size=new_size)
        self._queue.wake()

    def _run_shrink(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        new_size = int(json.loads(op.payload)["new_size"])
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "shrinking":
                finish(s)
                return
            try:
                self._driver.shrink_share(share.id, new_size, hints(s, share))
            except simulated.ShrinkRefused:
                # Manila: nothing was cut, so the share is available again.
                shares_db.update(s, share.id, status="available")
                self._message(s, share, messages.SHRINK,
                              messages.DRIVER_REFUSED_SHRINK, op.request_id)
                finish(s)
                return
            except simulated.DriverError as failure:
                LOG.info("Shrinking share %s failed: %s", share.id, failure)
                shares_db.update(s, share.id, status="shrinking_error")
                self._message(s, share, messages.SHRINK, messages.UNKNOWN_ERROR,
                              op.request_id)
                finish(s)
                return
            shares_db.update(s, share.id, status="available", size=new_size)
            finish(s)

    # -- revert -------------------------------------------------------------

    def revert(self, share_id: str, snapshot: records.Snapshot,
               request_id: str | None) -> None:
        with self._db.write() as s:
            share = self._locked(s, share_id)
            snap_id = snapshot.id
            if share.is_soft_deleted:
                raise errors.Refused(f"Share '{share.id} cannot revert to snapshot, "
                                     "since it has been soft deleted.")
            if not share.revert_to_snapshot_support:
                raise errors.Invalid(
                    f"Share {share.id} may not be reverted to snapshot {snap_id}, "
                    "because the share does not have that capability.")
            if snapshot.share_id != share.id:
                raise errors.Invalid(
                    f"Snapshot {snap_id} is not associated with share {share.id}.")
            if share.status != "available":
                raise errors.Conflict(
                    f"Share {share.id} is in '{share.status}' state, but it must be "
                    "in 'available' state to be reverted to a snapshot.")
            current = snapshots_db.get(s, snap_id, for_update=True)
            if current is None:
                raise errors.Invalid(f"Snapshot {snap_id} could not be found.")
            if current.status != "available":
                raise errors.Conflict(
                    f"Snapshot {snap_id} is in '{current.status}' state, but it must "
                    "be in 'available' state to be restored.")
            latest = snapshots_db.latest_for_share(s, share.id)
            if latest is None:
                raise errors.Invalid("Could not determine the latest snapshot for "
                                     f"share {share.id}.")
            if latest.id != snap_id:
                raise errors.Conflict(
                    f"Snapshot {snap_id} may not be restored because it is not the "
                    f"most recent snapshot of share {share.id}. Currently the latest "
                    f"snapshot is {latest.id}.")
            if share.access_rules_status != "active":
                raise errors.Conflict(
                    f"Snapshot {snap_id} belongs to a share {share.id} which has "
                    "access rules that are not active.")
            growth = (current.size or share.size) - share.size
            owner = Owner(share.project_id, share.user_id, share.share_type_id)
            if growth > 0:
                try:
                    self._quotas.check(s, owner, {"gigabytes": growth})
                except QuotaExceeded as refusal:
                    raise errors.Refused(
                        f"Quota exceeded for {share.project_id}. Reverting share "
                        f"{share.id} to snapshot {snap_id} will increase the share's "
                        f"size by {growth}G, ({refusal.used}G of {refusal.limit}G "
                        "already consumed).") from None
            shares_db.update(s, share.id, status="reverting",
                             pending_size=current.size or share.size)
            if growth > 0:
                self._quotas.recheck(s, owner, {"gigabytes": growth})
            snapshots_db.update(s, snap_id, status="restoring")
            self._queue.enqueue(s, REVERT, share.id, request_id=request_id,
                                snapshot_id=snap_id)
        self._queue.wake()

    def _run_revert(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        snap_id = json.loads(op.payload)["snapshot_id"]
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            snapshot = snapshots_db.get(s, snap_id)
            if share is None or share.status != "reverting" or snapshot is None:
                finish(s)
                return
            try:
                self._driver.revert_to_snapshot(share.id, snap_id, hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Reverting share %s failed: %s", share.id, failure)
                shares_db.update(s, share.id, status="reverting_error")
                snapshots_db.update(s, snap_id, status="available")
                self._message(s, share, messages.REVERT_TO_SNAPSHOT,
                              messages.UNKNOWN_ERROR, op.request_id)
                finish(s)
                return
            shares_db.update(s, share.id, status="available",
                             size=snapshot.size or share.size)
            snapshots_db.update(s, snap_id, status="available")
            finish(s)

    # -- admin actions --------------------------------------------------------

    def reset_status(self, share_id: str, status: str) -> None:
        if status not in RESETTABLE:
            raise errors.Invalid(f"Invalid state. Valid states: {', '.join(RESETTABLE)}.")
        with self._db.write() as s:
            share = self._locked(s, share_id)
            if share.is_soft_deleted:
                raise errors.Refused(f"status cannot be reset for share '{share.id}' "
                                     "since it has been soft deleted.")
            shares_db.update(s, share.id, status=status)

    def force_delete(self, share_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            self._shares.start_delete(s, self._locked(s, share_id), force=True,
                                      request_id=request_id)
        self._queue.wake()

    # -- the recycle bin ------------------------------------------------------

    def soft_delete(self, share_id: str) -> None:
        with self._db.write() as s:
            share = self._locked(s, share_id)
            check_share_unlocked(s, share.id)
            if share.is_soft_deleted:
                raise errors.Refused(
                    "Invalid share: The share has been soft deleted already.")
            if share.status not in ("available", "error", "inactive"):
                raise errors.Refused("Invalid share: Share status must be one of "
                                     "('available', 'error', 'inactive').")
            if share.has_replicas:
                raise errors.Conflict(f"Share {share.id} has replicas. Remove the "
                                      "replicas before soft deleting the share.")
            count = snapshots_db.count_for_share(s, share.id)
            if count:
                raise errors.Refused(
                    f"Invalid share: Share still has {count} dependent snapshots.")
            check_no_group_snapshot_members(s, share.id)
            check_no_backups(s, share.id)
            delay = self._conf.soft_deleted_share_retention_time
            shares_db.update(s, share.id, is_soft_deleted=True,
                             scheduled_to_be_deleted_at=shares_db.now()
                             + datetime.timedelta(seconds=delay))
            # The purge is a queued step due when the share expires: it
            # survives restarts, and a restore simply makes it a no-op.
            self._queue.enqueue(s, PURGE, share.id, delay=delay)
        self._queue.wake()

    def restore(self, share_id: str) -> bool:
        """Take a share out of the recycle bin; False when it was not in
        it (Manila then answers 200 instead of 202)."""
        with self._db.write() as s:
            share = self._locked(s, share_id)
            if not share.is_soft_deleted:
                return False
            if share.status in ("deleting", "error_deleting"):
                raise errors.Refused(
                    f"Share {share.id} is being deleted or has suffered an error "
                    "during deletion, cannot be restored.")
            shares_db.update(s, share.id, is_soft_deleted=False,
                             scheduled_to_be_deleted_at=None)
            return True

    def _run_purge(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            due = share is not None and share.is_soft_deleted and (
                share.scheduled_to_be_deleted_at is None
                or share.scheduled_to_be_deleted_at <= shares_db.now())
            if share is not None and due:
                try:
                    self._shares.start_delete(s, share, force=False,
                                              request_id=op.request_id)
                except errors.ServiceError as refusal:
                    LOG.warning("Share %s stays in the recycle bin: %s", share.id,
                                refusal.message)
            finish(s)
        self._queue.wake()

    def _give_up(self, op: records.Operation) -> None:
        failed = {EXTEND: "extending_error", SHRINK: "shrinking_error",
                  REVERT: "reverting_error"}[op.kind]
        with self._db.write() as s:
            if shares_db.get(s, op.resource_id) is not None:
                shares_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share %s", op.kind, op.resource_id)
