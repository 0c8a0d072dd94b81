"""Share group snapshots: one consistent point in time for every share of a
group, a member per share.

create:  ``creating`` → ``available`` (every member with it) | ``error``.
delete:  ``deleting`` → gone | ``error_deleting``.

Members are not share snapshots: they count against no snapshot quota, and
a share with members cannot be deleted (Manila's rules and words).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from collections.abc import Mapping

from sqlalchemy.orm import Session

from manila_ui.backend.db import share_group_snapshots as group_snapshots_db
from manila_ui.backend.db import share_groups as groups_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.share_groups import DELETABLE
from manila_ui.backend.services.share_groups import check_sort
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareGroupSnapshotFilters

LOG = logging.getLogger(__name__)

CREATE = "create_share_group_snapshot"
DELETE = "delete_share_group_snapshot"
QUOTA_WORDS = {"share_group_snapshots": "ShareGroupSnapshotsLimitExceeded: Maximum "
                                        "number of allowed share-group-snapshots is "
                                        "exceeded."}


class ShareGroupSnapshotService(QueuedService):
    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create, DELETE: self._run_delete}

    # -- reads ------------------------------------------------------------------

    def get(self, snapshot_id: str) -> records.ShareGroupSnapshot:
        with self._db.read() as s:
            snapshot = group_snapshots_db.get(s, snapshot_id)
        if snapshot is None:
            raise errors.NotFound(f"Share group snapshot {snapshot_id} could not be "
                                  "found.")
        return snapshot

    @staticmethod
    def filter_keys() -> list[str]:
        """What Manila filters group snapshots on: every column of its model."""
        return [*group_snapshots_db.COLUMNS, *group_snapshots_db.OTHER_FILTERS]

    def list_page(self, filters: ShareGroupSnapshotFilters, *, sort_key: str,
                  sort_dir: str, limit: int | None, offset: int
                  ) -> list[records.ShareGroupSnapshot]:
        check_sort(sort_key, sort_dir, list(group_snapshots_db.COLUMNS))
        with self._db.read() as s:
            return group_snapshots_db.list_page(s, filters, sort_key=sort_key,
                                                sort_dir=sort_dir.lower(), limit=limit,
                                                offset=offset)

    def members(self, snapshot_id: str) -> list[records.ShareGroupSnapshotMember]:
        """Whatever the snapshot is, or whether it is (Manila lists the
        members of an id without looking the snapshot up)."""
        with self._db.read() as s:
            found = group_snapshots_db.get(s, snapshot_id)
        return list(found.members) if found else []

    # -- create, update, delete ------------------------------------------------------

    def create(self, group: records.ShareGroup, name: str | None,
               description: str | None, caller: Caller) -> records.ShareGroupSnapshot:
        with self._db.write() as s:
            self._quotas.lock(s, caller.project_id)
            current = groups_db.get(s, group.id, for_update=True)
            if current is None:
                raise errors.Invalid(f"Share group {group.id} could not be found.")
            if current.status != "available":
                raise errors.Conflict("Invalid share group: Share group status must be "
                                      "available")
            shares = [shares_db.get(s, i) for i in groups_db.share_ids(s, group.id)]
            for share in shares:
                if share is not None and share.status != "available":
                    raise errors.Conflict(
                        f"Invalid share group: Share {share.id} in share group must "
                        "have status of available in order to create a group snapshot")
            owner = Owner(caller.project_id, caller.user_id)
            self._quotas.check(s, owner, {"share_group_snapshots": 1}, QUOTA_WORDS)
            snapshot_id = str(uuid.uuid4())
            now = shares_db.now()
            snapshot = group_snapshots_db.create(s, {
                "id": snapshot_id, "project_id": caller.project_id,
                "user_id": caller.user_id, "share_group_id": group.id, "name": name,
                "description": description, "status": "creating", "created_at": now,
            }, [{"id": str(uuid.uuid4()), "share_id": share.id,
                 "project_id": caller.project_id, "user_id": caller.user_id,
                 "size": share.size, "share_proto": share.share_proto,
                 "status": "creating", "created_at": now}
                for share in shares if share is not None])
            self._quotas.recheck(s, owner, {"share_group_snapshots": 1}, QUOTA_WORDS)
            self._queue.enqueue(s, CREATE, snapshot_id, request_id=caller.request_id)
        self._queue.wake()
        return snapshot

    def update(self, snapshot_id: str, changes: Mapping[str, object]
               ) -> records.ShareGroupSnapshot:
        with self._db.write() as s:
            snapshot = group_snapshots_db.update(s, snapshot_id, **changes)
        if snapshot is None:
            raise errors.NotFound(f"Share group snapshot {snapshot_id} could not be "
                                  "found.")
        return snapshot

    def delete(self, snapshot_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            snapshot = self._locked(s, snapshot_id)
            if snapshot.status not in DELETABLE:
                raise errors.Conflict("Invalid share group snapshot: Share group "
                                      f"snapshot status must be one of {DELETABLE}")
            group_snapshots_db.update(s, snapshot.id, status="deleting")
            self._queue.enqueue(s, DELETE, snapshot.id, request_id=request_id)
        self._queue.wake()

    def reset_status(self, snapshot_id: str, status: str) -> None:
        with self._db.write() as s:
            self._locked(s, snapshot_id)
            group_snapshots_db.update(s, snapshot_id, status=status)

    def force_delete(self, snapshot_id: str) -> None:
        """Manila's admin force delete: the rows go at once."""
        with self._db.write() as s:
            self._locked(s, snapshot_id)
            group_snapshots_db.destroy(s, snapshot_id)

    # -- the steps -----------------------------------------------------------------

    @staticmethod
    def _locked(s: Session, snapshot_id: str) -> records.ShareGroupSnapshot:
        snapshot = group_snapshots_db.get(s, snapshot_id, for_update=True)
        if snapshot is None:
            raise errors.NotFound(f"Share group snapshot {snapshot_id} could not be "
                                  "found.")
        return snapshot

    @staticmethod
    def _hints(s: Session, snapshot: records.ShareGroupSnapshot) -> dict[str, str]:
        """The members' shares steer the simulated driver (their types'
        extra specs and their metadata)."""
        found: dict[str, str] = {}
        for member in snapshot.members:
            share = shares_db.get(s, member.share_id)
            found.update(hints(s, share) if share is not None else {})
        return found

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            snapshot = group_snapshots_db.get(s, op.resource_id)
            if snapshot is None or snapshot.status != "creating":
                finish(s)
                return
            try:
                locations = self._driver.create_share_group_snapshot(
                    snapshot.id, [m.id for m in snapshot.members],
                    self._hints(s, snapshot))
            except simulated.DriverError as failure:
                LOG.info("Share group snapshot %s failed: %s", snapshot.id, failure)
                group_snapshots_db.update(s, snapshot.id, status="error")
                group_snapshots_db.update_members(s, snapshot.id, status="error")
                self._messages.record(
                    s, project_id=snapshot.project_id,
                    resource_type="SHARE_GROUP_SNAPSHOT", resource_id=snapshot.id,
                    action_id=messages.CREATE, detail_id=messages.UNKNOWN_ERROR,
                    request_id=op.request_id)
                finish(s)
                return
            for member in snapshot.members:
                group_snapshots_db.update_member(
                    s, member.id, status="available",
                    provider_location=locations.get(member.id))
            group_snapshots_db.update(s, snapshot.id, status="available")
            finish(s)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            snapshot = group_snapshots_db.get(s, op.resource_id)
            if snapshot is not None and snapshot.status == "deleting":
                try:
                    self._driver.delete_share_group_snapshot(snapshot.id,
                                                             self._hints(s, snapshot))
                except simulated.DriverError as failure:
                    LOG.info("Deleting share group snapshot %s failed: %s",
                             snapshot.id, failure)
                    group_snapshots_db.update(s, snapshot.id, status="error")
                    finish(s)
                    return
                group_snapshots_db.destroy(s, snapshot.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", DELETE: "error_deleting"}[op.kind]
        with self._db.write() as s:
            if group_snapshots_db.get(s, op.resource_id) is not None:
                group_snapshots_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share group snapshot %s", op.kind, op.resource_id)
