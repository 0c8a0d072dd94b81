"""Access rules: allow, deny, change the level (2.88), rule metadata.

Each change takes the share's lock, checks what Manila checks (in its
order, with its messages), queues the rule (``queued_to_*``) and asks for
a sync (services/access_sync.py), all in one transaction: 20 concurrent
requests on one share end as 20 consistent changes.  Visibility and policy
are the REST layer's business; so are the microversion switches, passed
in as flags.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping

from sqlalchemy.orm import Session

from manila_ui.backend.db import share_access as access_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import access_rules
from manila_ui.backend.services import errors
from manila_ui.backend.services.access_sync import request_sync
from manila_ui.backend.services.access_sync import squash_context
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.resource_locks import ACCESS_RULE
from manila_ui.backend.services.resource_locks import DELETE
from manila_ui.backend.services.resource_locks import SHARE
from manila_ui.backend.services.resource_locks import SHARE_LOCKED_BY_RULE
from manila_ui.backend.services.resource_locks import SHOW
from manila_ui.backend.services.resource_locks import Locker
from manila_ui.backend.services.resource_locks import ResourceLockService
from manila_ui.backend.services.shares import TRANSITIONAL
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import RuleFilters
from manila_ui.backend.types.records import AccessRule


@dataclasses.dataclass(frozen=True)
class NewRule:
    access_type: str
    access_to: str
    access_level: object = None          # checked here, as Manila does
    metadata: Mapping[str, str] = dataclasses.field(default_factory=dict)
    lock_visibility: bool = False
    lock_deletion: bool = False
    lock_reason: str | None = None


@dataclasses.dataclass(frozen=True)
class Flags:
    """What the request's microversion allows."""

    enable_ceph: bool = True             # 2.13
    allow_on_error_status: bool = True   # 2.28: add rules while some failed
    enable_ipv6: bool = True             # 2.38
    allow_on_error_state: bool = True    # 2.74: change rules of a share in error


def _busy(share: records.Share, allow_on_error_state: bool) -> bool:
    """Manila's "invalid share instance": no host yet, or a transitional
    status (or ``error``, before 2.74)."""
    return (not share.host or share.status in TRANSITIONAL
            or (share.status == "error" and not allow_on_error_state))


class ShareAccessService:
    def __init__(self, db: Database, queue: OperationQueue, driver: SimulatedDriver,
                 locks: ResourceLockService) -> None:
        self._db = db
        self._queue = queue
        self._driver = driver
        self._locks = locks

    # -- reads ------------------------------------------------------------------

    def get(self, rule_id: str) -> AccessRule:
        with self._db.read() as s:
            rule = access_db.get(s, rule_id)
        if rule is None:
            raise errors.NotFound(f"Share access rule {rule_id} not found.")
        return rule

    def list_for_share(self, share_id: str,
                       filters: RuleFilters | None = None) -> list[AccessRule]:
        with self._db.read() as s:
            return access_db.for_share(s, share_id, filters)

    # -- allow ------------------------------------------------------------------

    def _locked_share(self, s: Session, share_id: str) -> records.Share:
        share = shares_db.get(s, share_id, for_update=True)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def _check_attributes(self, s: Session, share: records.Share, access_type: str,
                          metadata: Mapping[str, str]) -> None:
        attrs = access_rules.attributes(metadata)
        type_name, specs, pool_name, modes = squash_context(s, self._driver, share)
        access_rules.check_squash_allowed(
            attrs, access_type=access_type, share_proto=share.share_proto,
            type_name=type_name, type_specs=specs, pool_name=pool_name,
            pool_modes=modes)

    def allow(self, share_id: str, new: NewRule, locker: Locker,
              flags: Flags) -> AccessRule:
        with self._db.write() as s:
            share = self._locked_share(s, share_id)
            if share.is_soft_deleted:
                raise errors.Refused(f"Cannot allow access for share '{share_id}' "
                                     "since it has been soft deleted.")
            if not flags.allow_on_error_status and share.access_rules_status == "error":
                raise errors.Invalid(
                    "Access rules cannot be added while the share or any of its "
                    "replicas or migration copies has its access_rules_status set "
                    "to error. Deny any rules in error state and try again.")
            if not (new.lock_visibility or new.lock_deletion) and new.lock_reason:
                raise errors.Invalid(
                    "Lock reason can only be specified when locking the visibility "
                    "or the deletion of an access rule.")
            access_rules.check_access(new.access_type, new.access_to,
                                      enable_ceph=flags.enable_ceph,
                                      enable_ipv6=flags.enable_ipv6)
            level = access_rules.check_level(new.access_level)
            check_metadata(new.metadata)
            self._check_attributes(s, share, new.access_type, new.metadata)
            for rule in access_db.same_type_on_share(s, share.id, new.access_type):
                if access_rules.is_duplicate(new.access_type, new.access_to,
                                             rule.access_type, rule.access_to):
                    raise errors.Invalid(
                        f"Share access {new.access_type}:{new.access_to} exists.")
            if _busy(share, flags.allow_on_error_state):
                raise errors.Invalid(
                    "New access rules cannot be applied while the share or any of "
                    "its replicas or migration copies lacks a valid host or is in "
                    "an invalid state.")
            rule = access_db.create(s, {
                "id": str(uuid.uuid4()), "share_id": share.id,
                "access_type": new.access_type, "access_to": new.access_to,
                "access_level": level, "state": "queued_to_apply",
                "created_at": shares_db.now()}, new.metadata)
            self._lock_new_rule(s, rule, locker, new)
            request_sync(s, self._queue, share)
        self._queue.wake()
        return rule

    def _lock_new_rule(self, s: Session, rule: AccessRule, locker: Locker,
                       new: NewRule) -> None:
        if new.lock_deletion:
            lock = self._locks.add(s, locker, resource_type=ACCESS_RULE,
                                   resource_id=rule.id, action=DELETE,
                                   reason=new.lock_reason)
            self._locks.add(s, locker, resource_type=SHARE, resource_id=rule.share_id,
                            action=DELETE,
                            reason=SHARE_LOCKED_BY_RULE.format(lock_id=lock.id))
        if new.lock_visibility:
            self._locks.add(s, locker, resource_type=ACCESS_RULE, resource_id=rule.id,
                            action=SHOW, reason=new.lock_reason)

    # -- deny and update --------------------------------------------------------

    def deny(self, share_id: str, rule_id: str, flags: Flags,
             unrestrict: bool = False) -> None:
        """Queue a rule's removal.  ``unrestrict``: its deletion locks are
        lifted (the REST layer checked the caller may lift each of them)."""
        with self._db.write() as s:
            share = self._locked_share(s, share_id)
            if share.is_soft_deleted:
                raise errors.Refused(f"Cannot deny access for share '{share_id}' "
                                     "since it has been soft deleted.")
            rule = access_db.get(s, rule_id)
            if rule is None or rule.share_id != share.id:
                raise errors.NotFound("Resource could not be found.")
            if _busy(share, flags.allow_on_error_state):
                raise errors.Invalid(
                    "Access rules cannot be denied while the share, any of its "
                    "replicas or migration copies lacks a valid host or is in an "
                    "invalid state.")
            if unrestrict:
                self._locks.release_rule_locks(s, [rule.id])
            access_db.update_rule(s, rule.id, state="queued_to_deny")
            request_sync(s, self._queue, share)
        self._queue.wake()

    def update_level(self, rule_id: str, level: str) -> AccessRule:
        """2.88; the answer shows the rule before the update is queued, as
        Manila's does (new level, old state)."""
        with self._db.write() as s:
            rule = access_db.get(s, rule_id)
            if rule is None:
                raise errors.NotFound(f"Share access rule {rule_id} not found.")
            if level == rule.access_level:
                return rule
            share = self._locked_share(s, rule.share_id)
            if _busy(share, allow_on_error_state=True):
                raise errors.Invalid(
                    "Access rules cannot be updated while the share, any of its "
                    "replicas or migration copies lacks a valid host or is in an "
                    "invalid state.")
            access_db.update_rule(s, rule.id, access_level=level)
            answer = access_db.get(s, rule.id)
            access_db.update_rule(s, rule.id, state="queued_to_update")
            request_sync(s, self._queue, share)
        self._queue.wake()
        assert answer is not None
        return answer

    # -- metadata (2.45) --------------------------------------------------------

    def _reapply_if_needed(self, s: Session, rule: AccessRule,
                           before: Mapping[str, str], after: Mapping[str, str]) -> None:
        """Squash and priority are how the rule is exported: a change of
        them is an update of the rule (ours; Manila only stores metadata)."""
        changed = any(before.get(k) != after.get(k) for k in access_rules.RESERVED_KEYS)
        if changed and rule.state in ("active", "error"):
            share = self._locked_share(s, rule.share_id)
            access_db.update_rule(s, rule.id, state="queued_to_update")
            request_sync(s, self._queue, share)

    def update_metadata(self, rule_id: str, items: Mapping[str, str]) -> dict[str, str]:
        """Merge ``items`` into the rule's metadata; returns ``items``, as
        Manila answers."""
        # Manila's checks, answered without their detail here.
        for key, value in items.items():
            if not key or not value:
                raise errors.Invalid("Invalid metadata.")
            if len(key) > 255 or len(value) > 1023:
                raise errors.Invalid("Invalid metadata size.")
        with self._db.write() as s:
            rule = access_db.get(s, rule_id)
            if rule is None:
                raise errors.NotFound("Resource could not be found.")
            share = self._locked_share(s, rule.share_id)
            merged = {**rule.metadata, **items}
            self._check_attributes(s, share, rule.access_type, merged)
            access_db.metadata_update(s, rule.id, items)
            self._reapply_if_needed(s, rule, rule.metadata, merged)
        self._queue.wake()
        return dict(items)

    def delete_metadata(self, rule_id: str, key: str) -> None:
        with self._db.write() as s:
            rule = access_db.get(s, rule_id)
            if rule is None:
                raise errors.NotFound("Resource could not be found.")
            if key not in rule.metadata:
                raise errors.NotFound("Share access rule metadata does not exist.")
            share = self._locked_share(s, rule.share_id)
            remaining = {k: v for k, v in rule.metadata.items() if k != key}
            self._check_attributes(s, share, rule.access_type, remaining)
            access_db.metadata_delete(s, rule.id, key)
            self._reapply_if_needed(s, rule, rule.metadata, remaining)
        self._queue.wake()
