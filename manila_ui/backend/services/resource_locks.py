"""Resource locks (2.81/2.82): a lock forbids deleting a share or an access
rule, or (``show``) reveals a rule's ``access_to`` and ``access_key`` only
to whoever may lift it.

Who may touch a lock depends on the context it was made in (Manila's
table): a user's lock yields to anyone, a service's only to services and
admins, an admin's only to admins.  Policy checks are the REST layer's.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import resource_locks as locks_db
from manila_ui.backend.db import share_access as access_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.types.queries import LockFilters
from manila_ui.backend.types.records import ResourceLock

SHARE = "share"
ACCESS_RULE = "access_rule"
RESOURCE_TYPES = (SHARE, ACCESS_RULE)
DELETE = "delete"
SHOW = "show"
ACTIONS_BY_TYPE = {SHARE: (DELETE,), ACCESS_RULE: (DELETE, SHOW)}
SHARE_LOCKED_BY_RULE = "Locked by access lock: {lock_id}"
# Locking the deletion of something already on its way out is futile.
UNLOCKABLE_SHARE_STATUSES = ("deleting", "error_deleting", "unmanage_starting",
                             "manage_error_unmanage_starting", "unmanage_error",
                             "unmanaged", "deleted")
UNLOCKABLE_RULE_STATES = ("queued_to_deny", "denying", "error", "deleted")
# Manila means to say "already locked by other user" but its 409 carries
# webob's default explanation.
VISIBILITY_LOCKED = "There was a conflict when trying to complete your request."
Target = dict[str, Any]     # a policy target: project_id, user_id
NOT_MANIPULABLE = ("Resource lock cannot be manipulated by user. Please contact "
                   "the administrator.")


@dataclasses.dataclass(frozen=True)
class Locker:
    """Who locks: ids, and the context Manila records (user, admin, service)."""

    user_id: str
    project_id: str
    context: str


def can_manipulate(lock: ResourceLock, requester_context: str) -> bool:
    return not ((lock.lock_context == "admin" and requester_context != "admin")
                or (lock.lock_context == "service" and requester_context == "user"))


def actions_message(resource_type: str) -> str:
    return f"'resource_action' can only be one of {list(ACTIONS_BY_TYPE[resource_type])}"


def prevent_delete_message(locks: list[ResourceLock]) -> str:
    return (f"Resource lock/s [{', '.join(lock.id for lock in locks)}] prevent "
            "delete action.")


def check_share_unlocked(s: Session, share_id: str) -> None:
    """Deleting, soft deleting or unmanaging a share with deletion locks is
    refused, naming the locks (newest first), as Manila does."""
    found = locks_db.for_resources(s, [share_id], DELETE)
    if found:
        raise errors.Refused(prevent_delete_message(found))


def release_share_rule_locks(s: Session, share_id: str) -> None:
    """The share is being deleted: its rules (deleted with it) leave no
    locks behind."""
    ResourceLockService.release_rule_locks(
        s, [rule.id for rule in access_db.for_share(s, share_id)])


class ResourceLockService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reads ------------------------------------------------------------------

    def get(self, lock_id: str) -> ResourceLock:
        with self._db.read() as s:
            found = locks_db.get(s, lock_id)
        if found is None:
            raise errors.NotFound(f"Resource lock {lock_id} could not be found.")
        return found

    def list_page(self, filters: LockFilters, *, sort_key: str, sort_dir: str,
                  limit: int | None, offset: int, with_count: bool
                  ) -> tuple[list[ResourceLock], int | None]:
        with self._db.read() as s:
            return locks_db.list_page(s, filters=filters, sort_key=sort_key,
                                      sort_dir=sort_dir, limit=limit, offset=offset,
                                      with_count=with_count)

    def for_resources(self, resource_ids: list[str],
                      action: str | None = None) -> list[ResourceLock]:
        with self._db.read() as s:
            return locks_db.for_resources(s, resource_ids, action)

    # -- the resources they lock -------------------------------------------------

    @staticmethod
    def resource_state(s: Session, resource_type: str, resource_id: str
                       ) -> tuple[Target, str, bool] | None:
        """(policy target, status, soft deleted) of the locked resource."""
        if resource_type == SHARE:
            share = shares_db.get(s, resource_id)
            if share is None:
                return None
            return ({"project_id": share.project_id, "user_id": share.user_id},
                    share.status, share.is_soft_deleted)
        rule = access_db.get(s, resource_id)
        if rule is None:
            return None
        share = shares_db.get(s, rule.share_id)
        if share is None:
            return None
        return ({"project_id": share.project_id, "user_id": share.user_id},
                rule.state, False)

    @staticmethod
    def check_lockable(resource_type: str, action: str, status: str,
                       soft_deleted: bool) -> None:
        unlockable = (UNLOCKABLE_SHARE_STATUSES if resource_type == SHARE
                      else UNLOCKABLE_RULE_STATES)
        if action == DELETE and status in unlockable:
            raise errors.Conflict("Resource status not suitable for locking")
        if resource_type == SHARE and soft_deleted:
            raise errors.Conflict(
                "Resource cannot be locked since it has been soft deleted.")

    # -- writes -----------------------------------------------------------------

    def add(self, s: Session, locker: Locker, *, resource_type: str, resource_id: str,
            action: str, reason: str | None) -> ResourceLock:
        """Lock, in the caller's transaction (checks done)."""
        if action == SHOW and locks_db.for_resources(s, [resource_id], SHOW):
            # A second visibility lock could show the rule to someone else.
            raise errors.Conflict(VISIBILITY_LOCKED)
        return locks_db.create(
            s, id=str(uuid.uuid4()), user_id=locker.user_id,
            project_id=locker.project_id, lock_context=locker.context,
            resource_type=resource_type, resource_id=resource_id,
            resource_action=action, lock_reason=reason,
            created_at=shares_db.now())

    def create(self, locker: Locker, *, resource_type: str, resource_id: str,
               action: str, reason: str | None,
               may_lock: Callable[[Target], bool]) -> ResourceLock:
        """``POST /resource-locks``; ``may_lock`` is the REST layer's policy
        check on the locked resource.  As in Manila, any existing resource
        is found (another project's too): the policy check refuses it."""
        with self._db.write() as s:
            if action == SHOW and locks_db.for_resources(s, [resource_id], SHOW):
                raise errors.Conflict(VISIBILITY_LOCKED)
            found = self.resource_state(s, resource_type, resource_id)
            if found is None:
                raise errors.Invalid("No such resource found.")
            target, status, soft_deleted = found
            if not may_lock(target):
                raise errors.Refused(
                    "Policy doesn't allow resource_lock:create to be performed.")
            self.check_lockable(resource_type, action, status, soft_deleted)
            return self.add(s, locker, resource_type=resource_type,
                            resource_id=resource_id, action=action, reason=reason)

    def update(self, lock: ResourceLock, requester_context: str,
               changes: Mapping[str, Any]) -> ResourceLock:
        if not can_manipulate(lock, requester_context):
            raise errors.Refused(NOT_MANIPULABLE)
        with self._db.write() as s:
            action = changes.get("resource_action")
            if action is not None:
                if (action == SHOW and lock.resource_action != SHOW
                        and locks_db.for_resources(s, [lock.resource_id], SHOW)):
                    raise errors.Invalid("The resource already has a visibility lock.")
                found = self.resource_state(s, lock.resource_type, lock.resource_id)
                if found is not None:
                    _, status, soft_deleted = found
                    self.check_lockable(lock.resource_type, action, status,
                                        soft_deleted)
            if changes:
                locks_db.update_lock(s, lock.id, **dict(changes))
            updated = locks_db.get(s, lock.id)
        assert updated is not None
        return updated

    def delete(self, lock: ResourceLock, requester_context: str) -> None:
        if not can_manipulate(lock, requester_context):
            raise errors.Refused(NOT_MANIPULABLE)
        with self._db.write() as s:
            locks_db.destroy(s, [lock.id])

    @staticmethod
    def release_rule_locks(s: Session, rule_ids: list[str]) -> None:
        """The rules are gone: so are their locks, and the share deletion
        locks their deletion locks put on the share."""
        locks = locks_db.for_resources(s, rule_ids)
        doomed = [lock.id for lock in locks]
        for lock in locks:
            if lock.resource_action == DELETE:
                doomed += [share_lock.id for share_lock in locks_db.with_reason(
                    s, SHARE_LOCKED_BY_RULE.format(lock_id=lock.id))]
        locks_db.destroy(s, doomed)

    @staticmethod
    def share_delete_locks(s: Session, share_id: str) -> list[ResourceLock]:
        return locks_db.for_resources(s, [share_id], DELETE)
