"""Share instances and snapshot instances (admins): reads, reset status,
force delete.

An instance's deletion: ``deleting`` → gone | ``error_deleting`` + a user
message.  A share's primary instance stands for the share: resetting its
status resets the share's; deleting it when it is the share's only
instance deletes the share, and when another instance remains, that one
becomes the primary (as Manila's share then shows it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from sqlalchemy.orm import Session

from manila_ui.backend.db import share_instances as instances_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareInstanceFilters

LOG = logging.getLogger(__name__)

DELETE = "delete_share_instance"

# Manila's AdminActionsMixin: what ``reset_status`` accepts, in its order.
STATUSES = ("creating", "available", "deleting", "error", "error_deleting",
            "migrating", "migrating_to", "server_migrating")
REPLICA_STATES = ("in_sync", "active", "out_of_sync", "error")


def check_state(value: object, valid: tuple[str, ...]) -> str:
    if value not in valid:
        raise errors.Invalid(f"Invalid state. Valid states: {', '.join(valid)}.")
    assert isinstance(value, str)
    return value


def refresh_has_replicas(s: Session, share_id: str) -> None:
    """Manila's ``has_replicas``: more than one instance with a replica
    state."""
    has = instances_db.count_replicas(s, share_id) > 1
    share = shares_db.get(s, share_id)
    if share is not None and share.has_replicas != has:
        shares_db.update(s, share_id, has_replicas=has)


def make_primary(s: Session, share: records.Share, instance_id: str,
                 **values: object) -> None:
    """``instance_id`` (not the primary) becomes the share's primary: the
    share row takes its fields; the old primary row goes."""
    taken = instances_db.share_values(s, instance_id)
    old = instances_db.primary_id(s, share.id)
    if old is not None:
        instances_db.move_snapshot_instances(s, old, instance_id)
        instances_db.destroy(s, old)
    shares_db.update(s, share.id, **taken)
    instances_db.promote(s, instance_id, **values)


class ShareInstanceService(QueuedService):
    # Set by the registry: deleting a share's only instance deletes it.
    start_share_delete: Callable[[Session, records.Share, bool, str | None],
                                 None] | None = None

    def _handlers(self) -> dict[str, Handler]:
        return {DELETE: self._run_delete}

    # -- reads ------------------------------------------------------------------

    def list_all(self, filters: ShareInstanceFilters) -> list[records.ShareInstance]:
        with self._db.read() as s:
            return instances_db.list_all(s, filters)

    def get(self, instance_id: str) -> records.ShareInstance:
        with self._db.read() as s:
            found = instances_db.get(s, instance_id)
        if found is None:
            raise errors.NotFound(f"Share instance {instance_id} could not be found.")
        return found

    def for_share(self, share_id: str) -> list[records.ShareInstance]:
        with self._db.read() as s:
            return instances_db.for_share(s, share_id)

    def export_locations(self, instance_id: str,
                         include_admin_only: bool = True) -> list[records.ExportLocation]:
        with self._db.read() as s:
            return instances_db.export_locations(s, [instance_id], include_admin_only)

    def export_paths(self, instance_ids: list[str]) -> dict[str, list[str]]:
        """Each instance's export paths (the views below 2.9 show them)."""
        with self._db.read() as s:
            found: dict[str, list[str]] = {i: [] for i in instance_ids}
            for el in instances_db.export_locations(s, instance_ids):
                found[el.share_instance_id or ""].append(el.path)
        return found

    def export_location(self, el_id: str) -> records.ExportLocation:
        with self._db.read() as s:
            found = instances_db.export_location(s, el_id)
        if found is None:
            raise errors.NotFound(f"Export location {el_id} could not be found.")
        return found

    # -- admin actions ------------------------------------------------------------

    def reset_status(self, instance_id: str, status: str) -> None:
        with self._db.write() as s:
            instance = instances_db.get(s, instance_id)
            if instance is None:
                raise errors.NotFound("Resource could not be found.")
            if instance.is_primary:
                shares_db.update(s, instance.share_id, status=status)
                instances_db.update(s, instance_id, status=None)
            else:
                instances_db.update(s, instance_id, status=status)

    def force_delete(self, instance_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            instance = instances_db.get(s, instance_id)
            if instance is None:
                raise errors.NotFound("Resource could not be found.")
            self.start_delete(s, instance, force=True, request_id=request_id)
        self._queue.wake()

    def start_delete(self, s: Session, instance: records.ShareInstance, force: bool,
                     request_id: str | None) -> None:
        """``deleting`` now, gone once the back end let it go (an instance
        never placed goes at once)."""
        others = [i for i in instances_db.for_share(s, instance.share_id)
                  if i.id != instance.id]
        if instance.is_primary and not others:
            share = shares_db.get(s, instance.share_id)
            assert share is not None and self.start_share_delete is not None
            self.start_share_delete(s, share, force, request_id)
            return
        if not instance.host:
            self._forget(s, instance)
            return
        if instance.is_primary:
            instances_db.update(s, instance.id, status="deleting")
            shares_db.update(s, instance.share_id, status="deleting")
        else:
            instances_db.update(s, instance.id, status="deleting")
        self._queue.enqueue(s, DELETE, instance.id, request_id=request_id, force=force)

    def _forget(self, s: Session, instance: records.ShareInstance) -> None:
        share = shares_db.get(s, instance.share_id)
        if share is None:
            return
        if instance.is_primary:
            others = [i for i in instances_db.for_share(s, share.id)
                      if i.id != instance.id]
            make_primary(s, share, others[0].id)
        else:
            instances_db.destroy(s, instance.id)
        refresh_has_replicas(s, share.id)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        force = bool(json.loads(op.payload or "{}").get("force"))
        with self._db.write() as s:
            instance = instances_db.get(s, op.resource_id)
            share = shares_db.get(s, instance.share_id) if instance else None
            if instance is None or share is None or instance.status != "deleting":
                finish(s)
                return
            try:
                self._driver.delete_share(instance.id, hints(s, share))
            except simulated.DriverError as failure:
                if not force:
                    LOG.info("Deleting share instance %s failed: %s", instance.id,
                             failure)
                    self._fail(s, instance, op.request_id)
                    finish(s)
                    return
            self._forget(s, instance)
            finish(s)

    def _fail(self, s: Session, instance: records.ShareInstance,
              request_id: str | None) -> None:
        if instance.is_primary:
            shares_db.update(s, instance.share_id, status="error_deleting")
            instances_db.update(s, instance.id, status=None)
        else:
            instances_db.update(s, instance.id, status="error_deleting")
        kind = "SHARE_REPLICA" if instance.replica_state else "SHARE"
        self._messages.record(
            s, project_id=instance.project_id, resource_type=kind,
            resource_id=instance.id if instance.replica_state else instance.share_id,
            action_id=messages.DELETE, detail_id=messages.UNKNOWN_ERROR,
            request_id=request_id)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            instance = instances_db.get(s, op.resource_id)
            if instance is not None:
                self._fail(s, instance, op.request_id)
        LOG.error("Gave up on deleting share instance %s", op.resource_id)

    # -- snapshot instances ---------------------------------------------------------

    def snapshot_instances(self, snapshot_id: str | None
                           ) -> list[records.SnapshotInstance]:
        with self._db.read() as s:
            return instances_db.snapshot_instances(s, snapshot_id=snapshot_id)

    def snapshot_instance(self, instance_id: str) -> records.SnapshotInstance:
        with self._db.read() as s:
            found = instances_db.snapshot_instance(s, instance_id)
        if found is None:
            raise errors.NotFound(f"Snapshot instance {instance_id} could not be found.")
        return found

    def reset_snapshot_instance_status(self, instance_id: str, status: str) -> None:
        with self._db.write() as s:
            found = instances_db.snapshot_instance(s, instance_id)
            if found is None:
                raise errors.NotFound(
                    f"Snapshot instance {instance_id} could not be found.")
            if instances_db.snapshot_instance_is_primary(s, instance_id):
                snapshots_db.update(s, found.snapshot_id, status=status)
            else:
                instances_db.update_snapshot_instance(s, instance_id, status=status)
