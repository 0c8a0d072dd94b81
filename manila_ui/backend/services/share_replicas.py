"""Share replicas (2.11, GA 2.56): the instances of a share of a replicated
type, one ``active``, the others copies in other pools of its replication
domain.

create:  ``creating`` / replica state ``out_of_sync`` → (scheduler, driver)
         → ``available`` / ``in_sync`` | ``error`` / ``error`` + message.
delete:  ``deleting`` → gone | ``error_deleting`` + message.
promote: the replica ``replication_change`` (the share shows it too) →
         the replica ``active``, the old active ``in_sync``, and the share
         takes the new active's pool, zone and export locations.
resync:  the replica state the back end reports (``in_sync``).

Checks and messages are Manila's (share/api.py and api/v2/share_replicas.py),
in its order.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from collections.abc import Mapping

from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import share_instances as instances_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services import metadata as metadata_svc
from manila_ui.backend.services import pools
from manila_ui.backend.services import scheduler
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.share_instances import ShareInstanceService
from manila_ui.backend.services.share_instances import refresh_has_replicas
from manila_ui.backend.services.shares import BUSY_TASK_STATES
from manila_ui.backend.services.shares import hints
from manila_ui.backend.services.shares import type_specs
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

CREATE = "create_share_replica"
PROMOTE = "promote_share_replica"
RESYNC = "resync_share_replica"

REPLICA_WORDS = {
    "share_replicas": "ShareReplicasLimitExceeded: Maximum number of allowed "
                      "share-replicas is exceeded.",
    "replica_gigabytes": "ShareReplicaSizeExceedsAvailableQuota: Requested share "
                         "replica exceeds allowed project/user or share type "
                         "gigabytes quota.",
}


def _replication_error(reason: str) -> errors.Invalid:
    """Manila's ReplicationException (400)."""
    return errors.Invalid(f"Unable to perform a replication action: {reason}")


@dataclasses.dataclass(frozen=True)
class NewReplica:
    availability_zone: str | None = None
    share_network_id: str | None = None
    scheduler_hints: Mapping[str, object] | None = None
    metadata: Mapping[str, str] = dataclasses.field(default_factory=dict)


class ShareReplicaService(QueuedService):
    """Replicas are share instances: their deletion is the instances'."""

    # Set by the registry.
    instances: ShareInstanceService | None = None

    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create, PROMOTE: self._run_promote,
                RESYNC: self._run_resync}

    # -- reads --------------------------------------------------------------------

    def list_replicas(self, share_id: str | None,
                      project_id: str | None) -> list[records.ShareInstance]:
        with self._db.read() as s:
            return instances_db.replicas(s, share_id=share_id, project_id=project_id)

    def get_replica(self, replica_id: str,
                    project_id: str | None) -> records.ShareInstance:
        """The replica (a project's own, unless ``project_id`` is None)."""
        with self._db.read() as s:
            found = instances_db.get(s, replica_id)
        if (found is None or found.replica_state is None
                or (project_id is not None and found.project_id != project_id)):
            raise errors.NotFound(f"Share replica {replica_id} could not be found.")
        return found

    # -- create -------------------------------------------------------------------

    def create_replica(self, share: records.Share, new: NewReplica,
                       request_id: str | None) -> records.ShareInstance:
        if new.metadata:
            check_metadata(new.metadata)
        if not share.replication_type:
            raise errors.Invalid(f"Replication not supported for share {share.id}.")
        hints_ = new.scheduler_hints
        if hints_ and (set(hints_) != {"only_host"}):
            raise errors.Invalid("Invalid input received: Arg 'scheduler_hints' "
                                 "supports only 'only_host' key.")
        if share.task_state in BUSY_TASK_STATES:
            raise errors.Invalid(f"Share is busy with an active task: Share {share.id} "
                                 f"is busy as part of an active task: "
                                 f"{share.task_state}..")
        with self._db.write() as s:
            self._quotas.lock(s, share.project_id)
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.NotFound(f"No share exists with ID {share.id}.")
            active = [r for r in instances_db.replicas(s, share_id=share.id)
                      if r.replica_state == "active" and r.status == "available"]
            if not active:
                raise _replication_error(f"Share {share.id} does not have any active "
                                         "replica in available state.")
            specs = type_specs(s, current)
            type_zones = [z for z in specs.get("availability_zones", "").split(",") if z]
            if new.availability_zone and type_zones and \
                    new.availability_zone not in type_zones:
                raise errors.Invalid(
                    "Share replica cannot be created since the share type "
                    f"{current.share_type_name or ''}(ID: {current.share_type_id}) is "
                    f"not supported within the availability zone chosen "
                    f"{new.availability_zone}.")
            owner = Owner(current.project_id, current.user_id, current.share_type_id)
            deltas = {"share_replicas": 1, "replica_gigabytes": current.size}
            self._quotas.check(s, owner, deltas, REPLICA_WORDS)
            zone = None
            if new.availability_zone:
                found = az_db.get_by_name_or_id(s, new.availability_zone)
                if found is None:
                    raise errors.Invalid(f"Availability zone {new.availability_zone} "
                                         "could not be found.")
                zone = found.name
            instance_id = instances_db.create(s, current.id, {
                "status": "creating", "host": "", "availability_zone": zone,
                "share_network_id": new.share_network_id or current.share_network_id,
                "share_type_id": current.share_type_id,
                "access_rules_status": "active",
                "cast_rules_to_readonly": current.replication_type == "readable",
                "replica_state": None, "created_at": shares_db.now(),
            }, new.metadata)
            # What the answer shows (Manila renders it before the state).
            created = instances_db.get(s, instance_id)
            instances_db.update(s, instance_id, replica_state="out_of_sync")
            instances_db.add_replica_snapshots(s, current.id, instance_id,
                                               "creating", "0%")
            refresh_has_replicas(s, current.id)
            self._quotas.recheck(s, owner, deltas, REPLICA_WORDS)
            only = (hints_ or {}).get("only_host")
            self._queue.enqueue(s, CREATE, instance_id, request_id=request_id,
                                only_host=only if isinstance(only, str) else None)
        self._queue.wake()
        assert created is not None
        return created

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        only_host = json.loads(op.payload or "{}").get("only_host")
        with self._db.write() as s:
            replica = instances_db.get(s, op.resource_id)
            share = shares_db.get(s, replica.share_id) if replica else None
            if replica is None or share is None or replica.status != "creating":
                finish(s)
                return
            specs = type_specs(s, share)
            active = next((r for r in instances_db.replicas(s, share_id=share.id)
                           if r.replica_state == "active"), None)
            try:
                pool = scheduler.choose_pool(
                    pools.states(s, self._driver),
                    scheduler.Request(
                        size=share.size, share_proto=share.share_proto,
                        availability_zone=replica.availability_zone,
                        extra_specs=specs, only_pool=only_host,
                        active_replica_pool=self._driver.pool(
                            active.host if active else share.host),
                        replica_pools=tuple(instances_db.on_hosts(s, share.id)))).pool
            except scheduler.NoValidHost as failure:
                LOG.info("No valid host for replica %s: %s", replica.id, failure)
                self._fail_replica(s, replica, messages.ALLOCATE_HOST,
                                   failure.detail_id, op.request_id)
                finish(s)
                return
            instances_db.update(s, replica.id, host=pool.name,
                                availability_zone=pool.availability_zone)
            try:
                exports = self._driver.create_replica(replica.id, share.share_proto,
                                                      hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Creating replica %s failed: %s", replica.id, failure)
                self._fail_replica(s, replica, messages.CREATE,
                                   messages.UNKNOWN_ERROR, op.request_id)
                finish(s)
                return
            instances_db.set_export_locations(s, share.id, replica.id,
                                              [e.row() for e in exports])
            instances_db.update(s, replica.id, status="available",
                                replica_state="in_sync", progress="100%",
                                access_rules_status="active",
                                launched_at=shares_db.now())
            instances_db.update_snapshot_instances(s, replica.id, status=None,
                                                   progress=None)
            finish(s)

    def _fail_replica(self, s: Session, replica: records.ShareInstance,
                      action_id: str, detail_id: str, request_id: str | None) -> None:
        instances_db.update(s, replica.id, status="error", replica_state="error")
        instances_db.update_snapshot_instances(s, replica.id, status="error")
        self._messages.record(s, project_id=replica.project_id,
                              resource_type="SHARE_REPLICA", resource_id=replica.id,
                              action_id=action_id, detail_id=detail_id,
                              request_id=request_id)

    # -- delete -------------------------------------------------------------------

    def delete_replica(self, replica: records.ShareInstance, force: bool,
                       request_id: str | None) -> None:
        with self._db.write() as s:
            current = instances_db.get(s, replica.id)
            if current is None:
                raise errors.NotFound(f"No replica exists with ID {replica.id}.")
            actives = [r for r in instances_db.replicas(s, share_id=current.share_id)
                       if r.replica_state == "active"]
            if current.replica_state == "active" and len(actives) == 1:
                raise _replication_error("Cannot delete last active replica.")
            assert self.instances is not None
            self.instances.start_delete(s, current, force=force, request_id=request_id)
        self._queue.wake()

    # -- promote, resync ------------------------------------------------------------

    def promote(self, replica: records.ShareInstance, is_admin: bool,
                request_id: str | None) -> records.ShareInstance | None:
        """None when it is the active replica already (Manila: 200)."""
        if replica.replica_state == "active":
            return None
        with self._db.write() as s:
            current = instances_db.get(s, replica.id)
            if current is None:
                raise errors.NotFound(f"No replica exists with ID {replica.id}.")
            if current.status != "available":
                raise _replication_error(f"Replica {current.id} must be in available "
                                         "state to be promoted.")
            if current.replica_state in ("out_of_sync", "error") and not is_admin:
                raise errors.Refused(
                    "Promoting a replica with 'replica_state': "
                    f"{current.replica_state} requires administrator privileges.")
            share = shares_db.get(s, current.share_id, for_update=True)
            assert share is not None
            primary = instances_db.primary_id(s, share.id)
            instances_db.update(s, current.id, status="replication_change")
            if primary is not None:
                # The share shows the change; its active replica keeps its own.
                instances_db.update(s, primary, status=share.status)
            shares_db.update(s, share.id, status="replication_change")
            self._queue.enqueue(s, PROMOTE, current.id, request_id=request_id,
                                previous=share.status)
            promoted = instances_db.get(s, current.id)
        self._queue.wake()
        return promoted

    def _run_promote(self, op: records.Operation,
                     finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            replica = instances_db.get(s, op.resource_id)
            share = shares_db.get(s, replica.share_id) if replica else None
            if (replica is None or share is None
                    or replica.status != "replication_change"):
                finish(s)
                return
            primary_id = instances_db.primary_id(s, share.id)
            primary = instances_db.get(s, primary_id) if primary_id else None
            try:
                self._driver.promote_replica(replica.id, hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Promoting replica %s failed: %s", replica.id, failure)
                # Manila: every replica's status goes to error.
                for other in instances_db.replicas(s, share_id=share.id):
                    if other.is_primary:
                        shares_db.update(s, share.id, status="error")
                        instances_db.update(s, other.id, status=None)
                    else:
                        instances_db.update(s, other.id, status="error")
                    self._messages.record(
                        s, project_id=share.project_id, resource_type="SHARE_REPLICA",
                        resource_id=other.id, action_id="004",
                        detail_id=messages.UNKNOWN_ERROR, request_id=op.request_id)
                finish(s)
                return
            readable = share.replication_type == "readable"
            if primary is not None:
                own_status = primary.status if primary.status != "replication_change" \
                    else "available"
                instances_db.demote(s, primary.id, dataclasses.replace(
                    share, status=own_status), replica_state="in_sync",
                    cast_rules_to_readonly=readable)
            taken = instances_db.share_values(s, replica.id)
            taken["status"] = "available"
            shares_db.update(s, share.id, **taken)
            instances_db.promote(s, replica.id, replica_state="active",
                                 cast_rules_to_readonly=False)
            finish(s)

    def resync(self, replica: records.ShareInstance, request_id: str | None) -> bool:
        """False when it is the active replica (Manila: 200, nothing done)."""
        if replica.replica_state == "active":
            return False
        if not replica.host:
            raise errors.Invalid("Invalid host: Share replica does not have a valid "
                                 "host.")
        with self._db.write() as s:
            self._queue.enqueue(s, RESYNC, replica.id, request_id=request_id)
        self._queue.wake()
        return True

    def _run_resync(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            replica = instances_db.get(s, op.resource_id)
            share = shares_db.get(s, replica.share_id) if replica else None
            if replica is not None and share is not None \
                    and replica.replica_state != "active":
                state = self._driver.replica_state(replica.id, hints(s, share))
                instances_db.update(s, replica.id, replica_state=state)
            finish(s)

    # -- admin actions -----------------------------------------------------------------

    def reset_replica_state(self, replica_id: str, state: str) -> None:
        with self._db.write() as s:
            instances_db.update(s, replica_id, replica_state=state)

    # -- metadata (2.95) ----------------------------------------------------------------

    def metadata(self, replica_id: str) -> dict[str, str]:
        return metadata_svc.get_items(self._db, metadata_db.SHARE_INSTANCES, replica_id)

    def set_metadata(self, replica_id: str, items: Mapping[str, str],
                     replace: bool) -> dict[str, str]:
        return metadata_svc.set_items(self._db, metadata_db.SHARE_INSTANCES, replica_id,
                                      items, replace)

    def delete_metadata(self, replica_id: str, key: str) -> None:
        metadata_svc.delete_item(self._db, metadata_db.SHARE_INSTANCES, replica_id, key)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            replica = instances_db.get(s, op.resource_id)
            if replica is not None and op.kind == CREATE:
                self._fail_replica(s, replica, messages.CREATE, messages.UNKNOWN_ERROR,
                                   op.request_id)
            elif replica is not None and op.kind == PROMOTE:
                instances_db.update(s, replica.id, status="error")
                shares_db.update(s, replica.share_id, status="available")
        LOG.error("Gave up on %s of replica %s", op.kind, op.resource_id)
