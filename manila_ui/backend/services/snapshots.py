"""Share snapshots: the state machine and its rules.

create:  ``creating`` → ``available`` | ``error`` + a user message.
delete:  ``deleting`` → gone | ``error_deleting`` + a user message.
manage:  ``manage_starting`` → ``available`` | ``manage_error`` + message.
unmanage: ``unmanage_starting`` → gone | ``unmanage_error`` + message.

Checks and messages follow Manila's; who may see which snapshot is the
REST layer's policy business.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services import messages
from manila_ui.backend.services import metadata as metadata_svc
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_display_field
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.fields import check_sort
from manila_ui.backend.services.mountable_snapshots import add_export_locations
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.shares import TRANSITIONAL
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import SnapshotFilters

LOG = logging.getLogger(__name__)

CREATE = "create_snapshot"
DELETE = "delete_snapshot"
MANAGE = "manage_snapshot"
UNMANAGE = "unmanage_snapshot"

# Manila's SHARE_SNAPSHOT_STATUSES: what reset_status accepts.
STATUSES = ("available", "error", "error_deleting", "deleting", "creating",
            "manage_starting", "unmanage_starting", "unmanage_error", "manage_error",
            "migrating", "migrating_to", "restoring")
DELETABLE = ("available", "error")
SORT_KEYS = tuple(snapshots_db.SORT_COLUMNS)
MANAGED_AT = "__managed_at"


class SnapshotService(QueuedService):
    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create, DELETE: self._run_delete,
                MANAGE: self._run_manage, UNMANAGE: self._run_unmanage}

    # -- reads --------------------------------------------------------------

    def get(self, snapshot_id: str) -> records.Snapshot:
        with self._db.read() as s:
            snapshot = snapshots_db.get(s, snapshot_id)
        if snapshot is None:
            raise errors.NotFound(f"Snapshot {snapshot_id} could not be found.")
        return snapshot

    def list_page(self, filters: SnapshotFilters, *, sort_key: str, sort_dir: str,
                  limit: int | None, offset: int,
                  with_count: bool) -> records.Page[records.Snapshot]:
        check_sort(sort_key, sort_dir, snapshots_db.SORT_COLUMNS)
        with self._db.read() as s:
            return snapshots_db.list_page(s, filters, sort_key=sort_key,
                                          sort_dir=sort_dir.lower(), limit=limit,
                                          offset=offset, with_count=with_count)

    # -- create, update, delete ---------------------------------------------------

    def create(self, share: records.Share, name: str | None, description: str | None,
               metadata: Mapping[str, str], caller: Caller) -> records.Snapshot:
        check_display_field(name, "name")
        check_display_field(description, "description")
        check_metadata(metadata)
        with self._db.write() as s:
            self._quotas.lock(s, caller.project_id)
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.NotFound("NotFound: Resource could not be found.")
            if current.status != "available":
                raise errors.Invalid("Invalid share: Source share status must be "
                                     "available.")
            owner = Owner(caller.project_id, caller.user_id, current.share_type_id)
            deltas = {"snapshots": 1, "snapshot_gigabytes": current.size}
            self._quotas.check(s, owner, deltas)
            snapshot = snapshots_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "share_id": current.id,
                "display_name": name, "display_description": description,
                "size": current.size, "share_size": current.size,
                "share_proto": current.share_proto, "status": "creating",
                "progress": "0%", "created_at": shares_db.now(),
            }, metadata)
            self._quotas.recheck(s, owner, deltas)
            self._queue.enqueue(s, CREATE, snapshot.id, request_id=caller.request_id)
        self._queue.wake()
        return snapshot

    def update(self, snapshot_id: str, changes: Mapping[str, Any]) -> records.Snapshot:
        for field in ("display_name", "display_description"):
            value = changes.get(field)
            check_display_field(value if isinstance(value, str) else None, field)
        with self._db.write() as s:
            snapshot = snapshots_db.update(s, snapshot_id, **changes)
        if snapshot is None:
            raise errors.NotFound(f"Snapshot {snapshot_id} could not be found.")
        return snapshot

    def delete(self, snapshot_id: str, force: bool = False,
               request_id: str | None = None) -> None:
        with self._db.write() as s:
            snapshot = self._locked(s, snapshot_id)
            if not force and snapshot.status not in DELETABLE:
                raise errors.Invalid("Invalid share snapshot: Share Snapshot status "
                                     f"must be one of {DELETABLE}..")
            snapshots_db.update(s, snapshot.id, status="deleting")
            self._queue.enqueue(s, DELETE, snapshot.id, request_id=request_id,
                                force=force)
        self._queue.wake()

    def reset_status(self, snapshot_id: str, status: str) -> None:
        if status not in STATUSES:
            raise errors.Invalid(f"Invalid state. Valid states: {', '.join(STATUSES)}.")
        with self._db.write() as s:
            self._locked(s, snapshot_id)
            snapshots_db.update(s, snapshot_id, status=status)

    # -- metadata (2.73) ------------------------------------------------------

    def metadata(self, snapshot_id: str) -> dict[str, str]:
        return dict(self.get(snapshot_id).metadata)

    def set_metadata(self, snapshot_id: str, items: Mapping[str, str],
                     replace: bool) -> dict[str, str]:
        check_metadata(items)
        with self._db.write() as s:
            self._locked(s, snapshot_id)
            change = metadata_db.replace if replace else metadata_db.update
            return change(s, metadata_db.SNAPSHOTS, snapshot_id, items)

    def delete_metadata(self, snapshot_id: str, key: str) -> None:
        metadata_svc.delete_item(self._db, metadata_db.SNAPSHOTS, snapshot_id, key)

    # -- manage / unmanage (admin) ---------------------------------------------

    def manage(self, share: records.Share, provider_location: str, name: Any,
               description: Any, metadata: Mapping[str, str],
               driver_options: Mapping[str, Any], caller: Caller) -> records.Snapshot:
        check_metadata(metadata)
        name = fields.text(name, "name")
        description = fields.text(description, "description")
        if share.is_soft_deleted:
            raise errors.Refused(f"Can not manage snapshot for share '{share.id}' "
                                 "since it has been soft deleted.")
        with self._db.write() as s:
            taken = snapshots_db.find_by_provider_location(s, share.id, provider_location)
            if taken is not None:
                raise errors.Conflict(
                    "Manage existing share snapshot failed due to invalid share "
                    f"snapshot: A share snapshot {taken} is already managed for "
                    f"provider location {provider_location}.")
            snapshot = snapshots_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "share_id": share.id,
                "display_name": name, "display_description": description,
                "size": None, "share_size": share.size,
                "share_proto": share.share_proto, "status": "manage_starting",
                "progress": "0%", "provider_location": provider_location,
                "created_at": shares_db.now(),
            }, metadata)
            self._queue.enqueue(s, MANAGE, snapshot.id, request_id=caller.request_id,
                                driver_options=dict(driver_options))
        self._queue.wake()
        return snapshot

    def unmanage(self, snapshot_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            snapshot = self._locked(s, snapshot_id)
            if snapshot.status in TRANSITIONAL:
                raise errors.Refused(
                    "Snapshot with transitional state cannot be unmanaged. Snapshot "
                    f"'{snapshot.id}' is in '{snapshot.status}' state.")
            snapshots_db.update(s, snapshot.id, status="unmanage_starting")
            self._queue.enqueue(s, UNMANAGE, snapshot.id, request_id=request_id)
        self._queue.wake()

    # -- the steps ---------------------------------------------------------------

    def _locked(self, s: Session, snapshot_id: str) -> records.Snapshot:
        snapshot = snapshots_db.get(s, snapshot_id, for_update=True)
        if snapshot is None:
            raise errors.NotFound(f"Snapshot {snapshot_id} could not be found.")
        return snapshot

    def _step(self, s: Session, op: records.Operation, status: str
              ) -> tuple[records.Snapshot, dict[str, str]] | None:
        """The snapshot and the driver hints if it is still in ``status``."""
        snapshot = snapshots_db.get(s, op.resource_id)
        if snapshot is None or snapshot.status != status:
            return None
        share = shares_db.get(s, snapshot.share_id)
        found = hints(s, share) if share is not None else {}
        return snapshot, {**found, **snapshot.metadata}

    def _fail(self, s: Session, snapshot: records.Snapshot, status: str,
              action_id: str, op: records.Operation) -> None:
        snapshots_db.update(s, snapshot.id, status=status)
        self._messages.record(
            s, project_id=snapshot.project_id, resource_type="SHARE_SNAPSHOT",
            resource_id=snapshot.id, action_id=action_id,
            detail_id=messages.UNKNOWN_ERROR, request_id=op.request_id)

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            found = self._step(s, op, "creating")
            if found is not None:
                snapshot, hinted = found
                try:
                    location = self._driver.create_snapshot(snapshot.id, hinted)
                except simulated.DriverError as failure:
                    LOG.info("Snapshot %s failed: %s", snapshot.id, failure)
                    self._fail(s, snapshot, "error", messages.CREATE, op)
                else:
                    snapshots_db.update(s, snapshot.id, status="available",
                                        progress="100%", provider_location=location)
                    add_export_locations(s, self._driver, snapshot)
            finish(s)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        force = bool(json.loads(op.payload or "{}").get("force"))
        with self._db.write() as s:
            found = self._step(s, op, "deleting")
            if found is not None:
                snapshot, hinted = found
                try:
                    self._driver.delete_snapshot(snapshot.id, hinted)
                except simulated.DriverError as failure:
                    if not force:
                        LOG.info("Deleting snapshot %s failed: %s", snapshot.id,
                                 failure)
                        self._fail(s, snapshot, "error_deleting", messages.DELETE, op)
                        finish(s)
                        return
                snapshots_db.destroy(s, snapshot.id)
                self._driver.access.forget(snapshot.id)
            finish(s)

    def _run_manage(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        options = json.loads(op.payload or "{}").get("driver_options") or {}
        with self._db.write() as s:
            found = self._step(s, op, "manage_starting")
            if found is not None:
                snapshot, hinted = found
                try:
                    size = self._driver.manage_existing_snapshot(
                        snapshot.provider_location or "", options, hinted)
                except simulated.DriverError as failure:
                    LOG.info("Managing snapshot %s failed: %s", snapshot.id, failure)
                    self._fail(s, snapshot, "manage_error", messages.CREATE, op)
                else:
                    snapshots_db.update(s, snapshot.id, status="available", size=size,
                                        progress="100%")
                    metadata_db.update(s, metadata_db.SNAPSHOTS, snapshot.id,
                                       {MANAGED_AT: str(shares_db.now())})
                    add_export_locations(s, self._driver, snapshot)
            finish(s)

    def _run_unmanage(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            found = self._step(s, op, "unmanage_starting")
            if found is not None:
                snapshot, hinted = found
                try:
                    self._driver.unmanage_snapshot(snapshot.id, hinted)
                except simulated.DriverError as failure:
                    LOG.info("Unmanaging snapshot %s failed: %s", snapshot.id, failure)
                    self._fail(s, snapshot, "unmanage_error", messages.DELETE, op)
                else:
                    snapshots_db.destroy(s, snapshot.id)
                    self._driver.access.forget(snapshot.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", DELETE: "error_deleting", MANAGE: "manage_error",
                  UNMANAGE: "unmanage_error"}[op.kind]
        with self._db.write() as s:
            if snapshots_db.get(s, op.resource_id) is not None:
                snapshots_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of snapshot %s", op.kind, op.resource_id)
