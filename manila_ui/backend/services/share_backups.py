"""Share backups (2.80): the state machine and its rules, as Manila's
share API and share manager have them for driver-assisted backups.

create:  backup ``creating`` (share ``backup_creating``) → ``available``
         (share ``available``) | backup ``error`` (share ``available``).
restore: backup ``restoring``, target share ``backup_restoring`` →
         both ``available`` | backup ``error``, share ``backup_restoring_error``.
delete:  ``deleting`` → gone | ``error_deleting``.

Each runs as two queued steps (the driver's call, then its "continue"), so
``progress`` and ``restore_progress`` move 0 → 50 → 100 while it runs.  The
simulated driver copies the share's content marker (driver/simulated.py,
``simulated_driver:data``) into the backup and writes it back on restore.
Who may see which backup is the REST layer's policy business.
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
from manila_ui.backend.db import share_backups as backups_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services import messages
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_sort
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import BackupFilters

LOG = logging.getLogger(__name__)

CREATE = "create_backup"
CREATE_CONTINUE = "create_backup_continue"
RESTORE = "restore_backup"
RESTORE_CONTINUE = "restore_backup_continue"
DELETE = "delete_backup"

# Manila's topics: a backup with backup_options is the share driver's, one
# without goes the generic way (the data service); the simulated back end
# does both.
SHARE_TOPIC = "manila-share"
DATA_TOPIC = "manila-data"
# Manila's data_manager_backup_supported_share_protocols default.
GENERIC_PROTOCOLS = ("NFS",)
# Manila's BUSY_TASK_STATES: a share migrating cannot be backed up.
BUSY_TASK_STATES = (
    "migration_starting", "migration_in_progress", "migration_completing",
    "migration_driver_starting", "migration_driver_in_progress",
    "migration_driver_phase1_done", "data_copying_starting",
    "data_copying_in_progress", "data_copying_completing", "data_copying_completed")
# What reset_status accepts (Manila's AdminActionsMixin valid statuses).
STATUSES = ("creating", "available", "deleting", "error", "error_deleting",
            "migrating", "migrating_to", "server_migrating")
SORT_KEYS = tuple(backups_db.SORT_COLUMNS)
BACKUP_TYPE_MAX = 32   # Manila's column


def _halfway() -> str:
    return "50"


class ShareBackupService(QueuedService):
    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create, CREATE_CONTINUE: self._run_create_continue,
                RESTORE: self._run_restore, RESTORE_CONTINUE: self._run_restore_continue,
                DELETE: self._run_delete}

    # -- reads --------------------------------------------------------------

    def get(self, backup_id: str) -> records.ShareBackup:
        with self._db.read() as s:
            backup = backups_db.get(s, backup_id)
        if backup is None:
            raise errors.NotFound(f"No backup exists with ID {backup_id}.")
        return backup

    def list_page(self, filters: BackupFilters, *, sort_key: str, sort_dir: str,
                  limit: int | None, offset: int) -> list[records.ShareBackup]:
        check_sort(sort_key, sort_dir, backups_db.SORT_COLUMNS)
        with self._db.read() as s:
            return backups_db.list_page(s, filters, sort_key=sort_key,
                                        sort_dir=sort_dir.lower(), limit=limit,
                                        offset=offset)

    # -- create, update, delete -----------------------------------------------

    def create(self, share: records.Share, name: Any, description: Any,
               options: Mapping[str, Any] | None, caller: Caller) -> records.ShareBackup:
        name = fields.text(name, "name")
        description = fields.text(description, "description")
        backup_type = (options or {}).get("backup_type") or None
        if backup_type is not None:
            backup_type = fields.text(backup_type, "backup_type", BACKUP_TYPE_MAX)
        with self._db.write() as s:
            self._quotas.lock(s, caller.project_id)
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.Invalid(f"No share exists with ID {share.id}.")
            self._check_backable(s, current)
            owner = Owner(caller.project_id, caller.user_id)
            deltas = {"backups": 1, "backup_gigabytes": current.size}
            self._quotas.check(s, owner, deltas)
            if backup_type:
                # Manila keeps one backup type per share.
                previous = backups_db.types_for_share(s, current.id, SHARE_TOPIC)
                if previous and previous[0] != backup_type:
                    raise errors.Invalid(
                        f"Share '{current.display_name}' has existing backups with "
                        f"backup_type: '{previous[0]}'. You must delete these backups "
                        "to schedule a backup with a different backup_type, or re-use "
                        "the same backup_type.")
            topic = SHARE_TOPIC if options else DATA_TOPIC
            if not options and current.share_proto.upper() not in GENERIC_PROTOCOLS:
                raise errors.Invalid(
                    f"Cannot backup share {current.id}. The generic approach for share "
                    "backups only supports the following protocols: "
                    f"{list(GENERIC_PROTOCOLS)}.")
            backup = backups_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "share_id": current.id,
                "display_name": name, "display_description": description,
                "size": current.size, "status": "creating", "progress": "0",
                "restore_progress": "0", "availability_zone": current.availability_zone,
                # The driver's back end (host@backend) for a driver backup.
                "host": (current.host or "").split("#")[0] if options else None,
                "topic": topic, "backup_type": backup_type,
                "created_at": shares_db.now(), "updated_at": None,
            })
            self._quotas.recheck(s, owner, deltas)
            shares_db.update(s, current.id, status="backup_creating")
            self._queue.enqueue(s, CREATE, backup.id, request_id=caller.request_id)
        self._queue.wake()
        return backup

    @staticmethod
    def _check_backable(s: Session, share: records.Share) -> None:
        if share.task_state in BUSY_TASK_STATES:
            raise errors.Conflict(f"Share {share.id} is busy as part of an active task: "
                                 f"{share.task_state}.")
        if share.status != "available":
            raise errors.Invalid(
                f"Share {share.id} is in '{share.status}' state, but it must be in "
                "'available' state to create a backup.")
        if snapshots_db.count_for_share(s, share.id):
            raise errors.Invalid(f"Cannot backup share {share.id} while it has snapshots.")

    def update(self, backup_id: str, changes: Mapping[str, Any]) -> records.ShareBackup:
        values = {key: fields.text(value, key.removeprefix("display_"))
                  for key, value in changes.items()}
        with self._db.write() as s:
            backup = backups_db.update(s, backup_id, **values)
        if backup is None:
            raise errors.NotFound(f"No backup exists with ID {backup_id}.")
        return backup

    def delete(self, backup_id: str, request_id: str | None = None) -> None:
        with self._db.write() as s:
            backup = self._locked(s, backup_id)
            if backup.status not in ("available", "error"):
                raise errors.Invalid(f"Invalid backup: Backup {backup.id} status must be "
                                     "available or error.")
            backups_db.update(s, backup.id, status="deleting")
            self._queue.enqueue(s, DELETE, backup.id, request_id=request_id)
        self._queue.wake()

    def reset_status(self, backup_id: str, status: Any) -> None:
        if not isinstance(status, str) or status not in STATUSES:
            raise errors.Invalid(f"Invalid state. Valid states: {', '.join(STATUSES)}.")
        with self._db.write() as s:
            self._locked(s, backup_id)
            backups_db.update(s, backup_id, status=status)

    # -- restore ----------------------------------------------------------------

    def restore(self, backup_id: str, target: records.Share,
                request_id: str | None = None) -> records.Share:
        """Overwrite ``target`` (the backup's share, or from 2.91 another
        one at least as large) with the backup."""
        with self._db.write() as s:
            backup = self._locked(s, backup_id)
            if backup.status != "available":
                raise errors.Invalid(f"Invalid backup: Backup {backup.id} status must be "
                                     "available.")
            share = shares_db.get(s, target.id, for_update=True)
            if share is None:
                raise errors.NotFound(f"Share {target.id} could not be found.")
            if share.status != "available":
                raise errors.Invalid("Invalid share: Share to be restored to must be "
                                     "available.")
            if backup.size > share.size:
                raise errors.Invalid(f"Invalid share: Share size {share.size} is too "
                                     f"small to restore backup of size {backup.size}.")
            backups_db.update(s, backup.id, status="restoring")
            restoring = shares_db.update(s, share.id, status="backup_restoring",
                                         source_backup_id=backup.id)
            self._queue.enqueue(s, RESTORE, backup.id, request_id=request_id,
                                share_id=share.id)
        self._queue.wake()
        assert restoring is not None
        return restoring

    # -- the steps ---------------------------------------------------------------

    def _locked(self, s: Session, backup_id: str) -> records.ShareBackup:
        backup = backups_db.get(s, backup_id, for_update=True)
        if backup is None:
            raise errors.NotFound(f"No backup exists with ID {backup_id}.")
        return backup

    def _in(self, s: Session, op: records.Operation, status: str
            ) -> records.ShareBackup | None:
        backup = backups_db.get(s, op.resource_id)
        return backup if backup is not None and backup.status == status else None

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            backup = self._in(s, op, "creating")
            share = shares_db.get(s, backup.share_id) if backup else None
            if backup is not None and share is not None:
                try:
                    content = self._driver.create_backup(backup.id, hints(s, share))
                except simulated.DriverError as failure:
                    LOG.info("Backup %s failed: %s", backup.id, failure)
                    backups_db.update(s, backup.id, status="error",
                                      fail_reason=str(failure))
                    shares_db.update(s, share.id, status="available")
                else:
                    backups_db.update(s, backup.id, content=content, progress=_halfway())
                    self._queue.enqueue(s, CREATE_CONTINUE, backup.id,
                                        request_id=op.request_id)
            finish(s)

    def _run_create_continue(self, op: records.Operation,
                             finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            backup = self._in(s, op, "creating")
            if backup is not None:
                backups_db.update(s, backup.id, status="available", progress="100")
                share = shares_db.get(s, backup.share_id)
                if share is not None and share.status == "backup_creating":
                    shares_db.update(s, share.id, status="available")
            finish(s)

    def _target(self, s: Session, op: records.Operation) -> records.Share | None:
        share_id = json.loads(op.payload or "{}").get("share_id")
        share = shares_db.get(s, share_id) if isinstance(share_id, str) else None
        return share if share is not None and share.status == "backup_restoring" else None

    def _run_restore(self, op: records.Operation,
                     finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            backup = self._in(s, op, "restoring")
            share = self._target(s, op) if backup else None
            if backup is not None and share is not None:
                try:
                    if share.id != backup.share_id and \
                            not self._driver.restore_to_target_support:
                        self._messages.record(
                            s, project_id=share.project_id, resource_type="SHARE",
                            resource_id=share.id, action_id=messages.RESTORE_BACKUP,
                            detail_id=messages.TARGETED_RESTORE_UNSUPPORTED,
                            request_id=op.request_id)
                        raise simulated.DriverError("targeted restores are unsupported")
                    content = self._driver.restore_backup(backup.id, backup.content,
                                                          hints(s, share))
                except simulated.DriverError as failure:
                    LOG.info("Restoring backup %s failed: %s", backup.id, failure)
                    shares_db.update(s, share.id, status="backup_restoring_error")
                    backups_db.update(s, backup.id, status="error")
                else:
                    if content:
                        metadata_db.update(s, metadata_db.SHARES, share.id,
                                           {simulated.DATA_HINT: content})
                    else:
                        metadata_db.delete_item(s, metadata_db.SHARES, share.id,
                                                simulated.DATA_HINT)
                    backups_db.update(s, backup.id, restore_progress=_halfway())
                    self._queue.enqueue(s, RESTORE_CONTINUE, backup.id,
                                        request_id=op.request_id, share_id=share.id)
            finish(s)

    def _run_restore_continue(self, op: records.Operation,
                              finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            backup = self._in(s, op, "restoring")
            share = self._target(s, op) if backup else None
            if backup is not None:
                backups_db.update(s, backup.id, status="available",
                                  restore_progress="100")
            if share is not None:
                shares_db.update(s, share.id, status="available")
            finish(s)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            backup = self._in(s, op, "deleting")
            if backup is not None:
                share = shares_db.get(s, backup.share_id)
                try:
                    self._driver.delete_backup(backup.id,
                                               hints(s, share) if share else {})
                except simulated.DriverError as failure:
                    LOG.info("Deleting backup %s failed: %s", backup.id, failure)
                    backups_db.update(s, backup.id, status="error_deleting")
                else:
                    backups_db.destroy(s, backup.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", CREATE_CONTINUE: "error", RESTORE: "error",
                  RESTORE_CONTINUE: "error", DELETE: "error_deleting"}[op.kind]
        with self._db.write() as s:
            backup = backups_db.get(s, op.resource_id)
            if backup is None:
                return
            backups_db.update(s, backup.id, status=failed)
            share_id = (json.loads(op.payload or "{}").get("share_id")
                        if op.kind in (RESTORE, RESTORE_CONTINUE) else backup.share_id)
            share = shares_db.get(s, share_id) if isinstance(share_id, str) else None
            if share is not None and share.status in ("backup_creating",
                                                      "backup_restoring"):
                shares_db.update(s, share.id, status="available"
                                 if share.status == "backup_creating"
                                 else "backup_restoring_error")
        LOG.error("Gave up on %s of backup %s", op.kind, op.resource_id)
