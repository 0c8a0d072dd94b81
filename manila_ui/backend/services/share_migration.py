"""Share migration (2.22 experimental, GA 2.96): a share moves to another
pool (and maybe another share type or network) through a new instance.

The share's ``task_state`` tells how far it is, as in Manila:

driver-assisted: ``migration_starting`` → (the scheduler)
    ``migration_in_progress`` → (the destination instance)
    ``migration_driver_in_progress`` (the driver copies: progress 0, 50,
    100) → ``migration_driver_phase1_done``;
host-assisted (``force_host_assisted_migration``): ``migration_starting`` →
    ``migration_in_progress`` → ``data_copying_starting`` →
    ``data_copying_in_progress`` (progress in steps of 20) →
    ``data_copying_completed``;
then complete: ``migration_completing`` → ``migration_success`` (the
    destination is the share's instance: pool, zone, export locations);
    cancel: ``migration_cancelled``; a failure: ``migration_error``.

Meanwhile the share is ``migrating`` and its destination instance
``migrating_to``; each step runs on the operation queue, and the running
migration's parameters and progress are a row of ``share_migrations``, so
a restart resumes it.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from sqlalchemy.orm import Session

from manila_ui.backend.db import share_instances as instances_db
from manila_ui.backend.db import share_migration as migration_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import pools
from manila_ui.backend.services import scheduler
from manila_ui.backend.services import share_types
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.share_instances import make_primary
from manila_ui.backend.services.shares import BUSY_TASK_STATES
from manila_ui.backend.services.shares import hints
from manila_ui.backend.services.shares import type_attributes
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

START = "migration_start"
BEGIN = "migration_begin_copy"
CONTINUE = "migration_continue"
COMPLETE = "migration_complete"
CANCEL = "migration_cancel"

# Manila's TASK_STATE_STATUSES, in its order: what reset_task_state takes.
TASK_STATES: tuple[str | None, ...] = (
    "migration_starting", "migration_in_progress", "migration_completing",
    "migration_success", "migration_error", "migration_cancelled",
    "migration_driver_in_progress", "migration_driver_phase1_done",
    "data_copying_starting", "data_copying_in_progress", "data_copying_completing",
    "data_copying_completed", "data_copying_cancelled", "data_copying_error", None)
PHASE1_DONE = ("data_copying_completed", "migration_driver_phase1_done")
CANCELLABLE = PHASE1_DONE + ("migration_driver_in_progress", "data_copying_in_progress")
# Manila's _migration_get_progress_state.
_DONE = ("migration_success", "data_copying_error", "migration_cancelled",
         "migration_cancel_in_progress", "migration_completing",
         "migration_driver_phase1_done", "data_copying_completed",
         "data_copying_completing", "data_copying_cancelled", "migration_error")
_NOT_YET = ("migration_starting", "migration_driver_starting",
            "data_copying_starting", "migration_in_progress")
DRIVER_STEP = 50      # as Manila's dummy driver: two steps to phase 1
COPY_STEP = 20


@dataclasses.dataclass(frozen=True)
class MigrationRequest:
    host: str
    force_host_assisted: bool = False
    preserve_metadata: bool = False
    writable: bool = False
    nondisruptive: bool = False
    preserve_snapshots: bool = False
    new_share_type: records.ShareType | None = None
    new_share_network_id: str | None = None


def _invalid_share(reason: str) -> errors.Invalid:
    return errors.Invalid(f"Invalid share: {reason}")


def state_message(share_id: str, task_state: str | None) -> str | None:
    """Manila's _migration_validate_error_message."""
    if task_state == "migration_success":
        return f"Migration of share {share_id} has already completed."
    if task_state in (None, "migration_error"):
        return (f"There is no migration being performed for share {share_id} at "
                "this moment.")
    if task_state == "migration_cancelled":
        return f"Migration of share {share_id} was already cancelled."
    if task_state in PHASE1_DONE:
        return f"Migration of share {share_id} has already completed first phase."
    return None


class ShareMigrationService(QueuedService):
    def _handlers(self) -> dict[str, Handler]:
        return {START: self._run_start, BEGIN: self._run_begin,
                CONTINUE: self._run_continue,
                COMPLETE: self._run_complete, CANCEL: self._run_cancel}

    # -- start ------------------------------------------------------------------------

    def start(self, share: records.Share, req: MigrationRequest,
              request_id: str | None) -> int:
        """202 when the migration starts, 200 when there is nothing to do
        (Manila then records it as a success)."""
        if req.force_host_assisted and (req.preserve_metadata or req.writable
                                        or req.nondisruptive or req.preserve_snapshots):
            raise errors.Invalid(
                'Invalid input received: Invalid parameter combination. Cannot set '
                'parameters "nondisruptive", "writable", "preserve_snapshots" or '
                '"preserve_metadata" to True when enabling the '
                '"force_host_assisted_migration" option.')
        with self._db.write() as s:
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.NotFound(f"Share {share.id} not found.")
            code = self._check_start(s, current, req)
            if code == 200:
                shares_db.update(s, current.id, task_state="migration_success")
                return 200
            migration_db.start(
                s, current.id, dest_host=req.host,
                host_assisted=req.force_host_assisted, writable=req.writable,
                preserve_metadata=req.preserve_metadata,
                nondisruptive=req.nondisruptive,
                preserve_snapshots=req.preserve_snapshots,
                new_share_type_id=req.new_share_type.id if req.new_share_type else None,
                new_share_network_id=req.new_share_network_id)
            shares_db.update(s, current.id, task_state="migration_starting",
                             status="migrating")
            self._queue.enqueue(s, START, current.id, request_id=request_id)
        self._queue.wake()
        return 202

    def _check_start(self, s: Session, share: records.Share,
                     req: MigrationRequest) -> int:
        """Manila's checks of share/api.py migration_start, in its order."""
        if share.has_replicas:
            raise errors.Conflict(f"Share {share.id} has replicas. Remove the replicas "
                                  "before attempting to migrate the share.")
        instance_id = instances_db.primary_id(s, share.id)
        if share.status != "available":
            raise _invalid_share(f"Share instance {instance_id} status must be "
                                 "available, but current status is: "
                                 f"{share.status}.")
        if share.access_rules_status == "error":
            raise _invalid_share(f"Share instance {instance_id} access rules status "
                                 "must not be in error when attempting to start a "
                                 "migration.")
        if share.task_state in BUSY_TASK_STATES:
            raise errors.Invalid(f"Share is busy with an active task: Share {share.id} "
                                 f"is busy as part of an active task: "
                                 f"{share.task_state}.")
        if req.force_host_assisted and snapshots_db.count_for_share(s, share.id):
            raise errors.Conflict(f"Share {share.id} must not have snapshots when "
                                  "using host-assisted migration.")
        service = req.host.split("#")[0]
        if not any(pool.host == service for pool in self._driver.pools()):
            raise errors.NotFound(f"Service {service} could not be found.")
        if req.new_share_type is not None:
            share_type = req.new_share_type
            dhss = share_types.parse_bool_spec(
                share_types.DHSS, share_type.extra_specs.get(share_types.DHSS, "False"))
            if dhss and not req.new_share_network_id and not share.share_network_id:
                raise errors.Invalid(
                    "Invalid input received: New share network must be provided when "
                    f"share type of given share {share.id} has extra_spec "
                    "'driver_handles_share_servers' as True.")
            new_type_id: str | None = share_type.id
        else:
            new_type_id = share.share_type_id
            specs = _type_specs(s, share)
            dhss = share_types.parse_bool_spec(
                share_types.DHSS, specs.get(share_types.DHSS, "False"))
        if dhss:
            new_network_id = req.new_share_network_id or share.share_network_id
        else:
            if req.new_share_network_id:
                raise errors.Invalid(
                    "Invalid input received: New share network must not be provided "
                    f"when share type of given share {share.id} has extra_spec "
                    "'driver_handles_share_servers' as False.")
            new_network_id = None
        if (new_network_id == share.share_network_id and new_type_id == share.share_type_id
                and req.host == share.host):
            return 200
        return 202

    def _run_start(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            migration = migration_db.get(s, op.resource_id)
            if (share is None or migration is None
                    or share.task_state != "migration_starting"):
                finish(s)
                return
            pool = self._driver.pool(migration.dest_host)
            new_type = migration.new_share_type_id or share.share_type_id
            specs = _type_specs(s, share, new_type)
            if pool is None or not self._fits(s, share, pool, specs):
                # Manila's scheduler: the host does not pass its filters.
                LOG.info("Cannot migrate share %s to %s", share.id, migration.dest_host)
                self._fail(s, share)
                finish(s)
                return
            shares_db.update(s, share.id, task_state="migration_in_progress")
            self._queue.enqueue(s, BEGIN, share.id, request_id=op.request_id)
            finish(s)
        self._queue.wake()

    def _run_begin(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        """The destination instance, and the copy starts."""
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            migration = migration_db.get(s, op.resource_id)
            pool = self._driver.pool(migration.dest_host) if migration else None
            if (share is None or migration is None or pool is None
                    or share.task_state != "migration_in_progress"):
                finish(s)
                return
            new_type = migration.new_share_type_id or share.share_type_id
            dest = instances_db.create(s, share.id, {
                "status": "creating", "host": pool.name,
                "availability_zone": pool.availability_zone,
                "share_network_id": migration.new_share_network_id
                or share.share_network_id,
                "share_type_id": new_type, "access_rules_status": "active",
                "replica_state": None, "cast_rules_to_readonly": False,
                "created_at": shares_db.now()})
            instances_db.update(s, dest, status="migrating_to")
            migration_db.update(s, share.id, dest_instance_id=dest)
            try:
                if migration.host_assisted:
                    self._driver.migration_start(dest, hints(s, share))
                    state = "data_copying_starting"
                else:
                    self._check_driver(s, share, migration)
                    self._driver.migration_start(dest, hints(s, share))
                    state = "migration_driver_in_progress"
            except simulated.DriverError as failure:
                LOG.info("Migration of share %s failed: %s", share.id, failure)
                instances_db.destroy(s, dest)
                self._fail(s, share)
                finish(s)
                return
            for snapshot in snapshots_db.for_share(s, share.id):
                snapshots_db.update(s, snapshot.id, status="migrating")
            shares_db.update(s, share.id, task_state=state)
            self._queue.enqueue(s, CONTINUE, share.id, request_id=op.request_id)
            finish(s)
        self._queue.wake()

    def _fits(self, s: Session, share: records.Share, pool: simulated.Pool,
              specs: dict[str, str]) -> bool:
        try:
            scheduler.choose_pool(
                [state for state in pools.states(s, self._driver) if state.name == pool.name],
                scheduler.Request(size=share.size, share_proto=share.share_proto,
                                  availability_zone=None, extra_specs=specs))
        except scheduler.NoValidHost:
            return False
        return True

    def _check_driver(self, s: Session, share: records.Share,
                      migration: records.ShareMigration) -> None:
        """What Manila's dummy driver answers to a driver-assisted
        migration: anything but a non-disruptive one; snapshots go along
        when they are all available."""
        if migration.nondisruptive:
            raise simulated.DriverError(
                f"Driver cannot perform a non-disruptive migration of share {share.id}.")
        if any(snap.status != "available" for snap in snapshots_db.for_share(s, share.id)):
            raise simulated.DriverError(
                "All snapshots must have 'available' status to be migrated by the "
                f"driver along with share {share.id}.")

    def _fail(self, s: Session, share: records.Share) -> None:
        shares_db.update(s, share.id, task_state="migration_error", status="available")
        for snapshot in snapshots_db.for_share(s, share.id):
            if snapshot.status == "migrating":
                snapshots_db.update(s, snapshot.id, status="available")
        migration_db.end(s, share.id)

    # -- the copy -------------------------------------------------------------------------

    def _run_continue(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            migration = migration_db.get(s, op.resource_id)
            if share is None or migration is None or share.task_state not in (
                    "migration_driver_in_progress", "data_copying_starting",
                    "data_copying_in_progress"):
                finish(s)
                return
            if share.task_state == "data_copying_starting":
                shares_db.update(s, share.id, task_state="data_copying_in_progress")
                self._queue.enqueue(s, CONTINUE, share.id, request_id=op.request_id)
                finish(s)
                return
            step = COPY_STEP if migration.host_assisted else DRIVER_STEP
            progress = min(migration.total_progress + step, 100)
            migration_db.update(s, share.id, total_progress=progress)
            if progress >= 100:
                shares_db.update(s, share.id, task_state=(
                    "data_copying_completed" if migration.host_assisted
                    else "migration_driver_phase1_done"))
            else:
                self._queue.enqueue(s, CONTINUE, share.id, request_id=op.request_id)
            finish(s)
        self._queue.wake()

    def progress(self, share: records.Share) -> dict[str, object]:
        """Manila's migration_get_progress: the copy's progress while it
        runs, else what the task state implies (0 or 100), else 400."""
        with self._db.read() as s:
            migration = migration_db.get(s, share.id)
        result: int | None = None
        if share.task_state in ("migration_driver_in_progress",
                                "data_copying_in_progress"):
            result = migration.total_progress if migration else None
        elif share.task_state in _DONE:
            result = 100
        elif share.task_state in _NOT_YET:
            result = 0
        if result is None:
            raise _invalid_share(state_message(share.id, share.task_state) or (
                f"Migration progress of share {share.id} cannot be obtained at this "
                "moment."))
        return {"total_progress": result, "details": {}}

    # -- complete, cancel ---------------------------------------------------------------------

    def complete(self, share: records.Share, request_id: str | None) -> None:
        with self._db.write() as s:
            current = shares_db.get(s, share.id, for_update=True)
            assert current is not None
            if current.task_state not in PHASE1_DONE:
                raise _invalid_share(state_message(current.id, current.task_state) or (
                    f"First migration phase of share {current.id} not completed yet."))
            migration = migration_db.get(s, current.id)
            if migration is None or migration.dest_instance_id is None:
                raise errors.Invalid(
                    f"Share migration failed: Share instances in inconsistent states, "
                    f"cannot continue share migration for share {current.id}.")
            shares_db.update(s, current.id, task_state="migration_completing")
            self._queue.enqueue(s, COMPLETE, current.id, request_id=request_id,
                                phase1=current.task_state)
        self._queue.wake()

    def _run_complete(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            migration = migration_db.get(s, op.resource_id)
            if (share is None or migration is None or migration.dest_instance_id is None
                    or share.task_state != "migration_completing"):
                finish(s)
                return
            dest = migration.dest_instance_id
            try:
                exports = self._driver.migration_complete(dest, share.share_proto,
                                                          hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Completing the migration of share %s failed: %s",
                         share.id, failure)
                # Manila: both instances in error, for the admin to sort out.
                shares_db.update(s, share.id, status="error",
                                 task_state="migration_error")
                instances_db.update(s, dest, status="error")
                finish(s)
                return
            instances_db.set_export_locations(s, share.id, dest,
                                              [e.row() for e in exports])
            instances_db.update(s, dest, status="available", progress="100%",
                                replica_state="active" if share.replication_type
                                else None)
            make_primary(s, share, dest)
            new_type = migration.new_share_type_id
            changes: dict[str, object] = {"task_state": "migration_success"}
            if new_type and new_type != share.share_type_id:
                changes.update(type_attributes(types_db.get(s, new_type)))
            shares_db.update(s, share.id, **changes)
            for snapshot in snapshots_db.for_share(s, share.id):
                if snapshot.status == "migrating":
                    snapshots_db.update(s, snapshot.id, status="available")
            migration_db.end(s, share.id)
            finish(s)

    def cancel(self, share: records.Share, request_id: str | None) -> None:
        with self._db.write() as s:
            current = shares_db.get(s, share.id, for_update=True)
            assert current is not None
            if current.task_state not in CANCELLABLE:
                raise _invalid_share(state_message(current.id, current.task_state) or (
                    f"Migration of share {current.id} cannot be cancelled at this "
                    "moment."))
            self._queue.enqueue(s, CANCEL, current.id, request_id=request_id)
        self._queue.wake()

    def _run_cancel(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            migration = migration_db.get(s, op.resource_id)
            if share is None or share.task_state not in CANCELLABLE:
                finish(s)
                return
            if migration is not None and migration.dest_instance_id:
                instances_db.destroy(s, migration.dest_instance_id)
            shares_db.update(s, share.id, status="available",
                             task_state="migration_cancelled")
            for snapshot in snapshots_db.for_share(s, share.id):
                if snapshot.status == "migrating":
                    snapshots_db.update(s, snapshot.id, status="available")
            migration_db.end(s, share.id)
            finish(s)

    # -- admin --------------------------------------------------------------------------

    def reset_task_state(self, share: records.Share, task_state: str | None) -> None:
        if share.is_soft_deleted:
            raise errors.Refused(f"task state cannot be reset for share '{share.id}' "
                                 "since it has been soft deleted.")
        with self._db.write() as s:
            shares_db.update(s, share.id, task_state=task_state)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is not None:
                migration = migration_db.get(s, share.id)
                if migration is not None and migration.dest_instance_id:
                    instances_db.destroy(s, migration.dest_instance_id)
                self._fail(s, share)
        LOG.error("Gave up on %s of share %s", op.kind, op.resource_id)


def _type_specs(s: Session, share: records.Share,
                share_type_id: str | None = None) -> dict[str, str]:
    """The extra specs of ``share_type_id`` (default: the share's type)."""
    wanted = share_type_id or share.share_type_id
    found = types_db.get(s, wanted) if wanted else None
    return dict(found.extra_specs) if found else {}
