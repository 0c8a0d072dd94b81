"""Quotas by counting (the nova design): usage is counted from the resources
themselves, so there are no reservations to leak and nothing to resync.

The engine other services call, inside their own write transaction::

    owner = quotas.Owner(project_id, user_id, share_type_id)
    self._quotas.check(s, owner, {"shares": 1, "gigabytes": size})   # first
    ... insert or update the rows ...
    self._quotas.recheck(s, owner, {"shares": 1, "gigabytes": size})  # last

``check`` takes the project's lock (the ``project_locks`` row on a server
database; SQLite's writers are exclusive already), counts, and raises
``QuotaExceeded`` (413, Manila's wording) when a positive delta would pass a
limit of the project, of the user or of the share type.  ``recheck`` counts
again with the change in place: a competitor that slipped in makes the
transaction roll back rather than both going over.

Limits: a scope's own value, else the project's, else the ``default`` quota
class, else the ``[quota]`` option.  Usage is what exists: every share and
snapshot row until it is gone, errors and the recycle bin included, except
those still being managed (Manila counts them once managed); a share being
extended or reverted to a larger snapshot counts its new size.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import quotas as quotas_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.types.values import INT32_MAX

LOG = logging.getLogger(__name__)

RESOURCES = ("shares", "gigabytes", "snapshots", "snapshot_gigabytes",
             "share_networks", "share_groups", "share_group_snapshots",
             "share_replicas", "replica_gigabytes", "per_share_gigabytes",
             "backups", "backup_gigabytes", "encryption_keys")
# The microversion that brought a resource into the quota API (others: 2.0).
SINCE = {"share_groups": "2.40", "share_group_snapshots": "2.40",
         "share_replicas": "2.53", "replica_gigabytes": "2.53",
         "per_share_gigabytes": "2.62", "backups": "2.80",
         "backup_gigabytes": "2.80", "encryption_keys": "2.90"}
# What a share type's quotas cannot constrain.
NOT_PER_TYPE = ("share_networks", "share_groups", "share_group_snapshots")
# A limit on one share's size, not a count: the delta is the size asked for.
PER_SHARE = "per_share_gigabytes"
DEFAULT_CLASS = "default"

# Manila's exception per exceeded resource, in the order Manila looks at
# them; "{allowed}" is the limit of the scope that refused.
WORDS: dict[str, str] = {
    "gigabytes": "ShareSizeExceedsAvailableQuota: Requested share exceeds allowed "
                 "project/user or share type gigabytes quota.",
    "shares": "ShareLimitExceeded: Maximum number of shares allowed ({allowed}) "
              "either per project/user or share type quota is exceeded.",
    "encryption_keys": "EncryptionKeysLimitExceeded: Maximum number of allowed "
                       "encryption keys is exceeded.",
    "share_replicas": "ShareReplicasLimitExceeded: Maximum number of allowed "
                      "share-replicas is exceeded.",
    "replica_gigabytes": "ShareReplicaSizeExceedsAvailableQuota: Requested share "
                         "replica exceeds allowed project/user or share type "
                         "gigabytes quota.",
    "snapshot_gigabytes": "SnapshotSizeExceedsAvailableQuota: Requested snapshot "
                          "exceeds allowed project/user or share type gigabytes quota.",
    "snapshots": "SnapshotLimitExceeded: Maximum number of snapshots allowed "
                 "({allowed}) either per project/user or share type quota is "
                 "exceeded.",
    "share_networks": "ShareNetworksLimitExceeded: Maximum number of share-networks "
                      "allowed ({allowed}) exceeded.",
    "share_groups": "ShareGroupsLimitExceeded: Maximum number of allowed "
                    "share-groups is exceeded.",
    "share_group_snapshots": "ShareGroupSnapshotsLimitExceeded: Maximum number of "
                             "allowed share-group-snapshots is exceeded.",
    "backup_gigabytes": "ShareBackupSizeExceedsAvailableQuota: Requested backup "
                        "exceeds allowed Backup gigabytes quota. Requested "
                        "{requested}G, quota is {allowed}G and {used}G has been "
                        "consumed.",
    "backups": "BackupLimitExceeded: Maximum number of backups allowed ({allowed}) "
               "exceeded.",
}
# Creating a share of a replicated type counts its active replica too.
SHARE_CREATE_WORDS: dict[str, str] = {
    **WORDS,
    "share_replicas": "ShareReplicasLimitExceeded: Failed while creating a share "
                      "with replication support. Maximum number of allowed "
                      "share-replicas is exceeded.",
    "replica_gigabytes": "ShareReplicaSizeExceedsAvailableQuota: Failed while "
                         "creating a share with replication support. Requested "
                         "share replica exceeds allowed project/user or share type "
                         "gigabytes quota.",
}
EXTEND_WORDS: dict[str, str] = {
    **WORDS,
    "replica_gigabytes": "ShareReplicaSizeExceedsAvailableQuota: Failed while "
                         "extending a share with replication support. There is no "
                         "available quota to extend the share and its 1 replicas. "
                         "Maximum number of allowed replica_gigabytes is exceeded.",
}


@dataclass(frozen=True)
class Owner:
    """Whose quotas a change counts against: the project, and (when known)
    the user who owns the resource and the share type it belongs to."""

    project_id: str
    user_id: str | None = None
    share_type_id: str | None = None


class QuotaExceeded(errors.OverQuota):
    """413 overLimit; also says which limit refused, for callers that word
    it otherwise (extend answers 403, a transfer without the prefix)."""

    def __init__(self, message: str, resource: str, requested: int, used: int,
                 limit: int) -> None:
        super().__init__(message)
        self.resource = resource
        self.requested = requested
        self.used = used
        self.limit = limit

    @property
    def unprefixed(self) -> str:
        """The message without Manila's exception name."""
        name, sep, rest = self.message.partition(": ")
        return rest if sep and " " not in name else self.message


def share_deltas(size: int, replicated: bool) -> dict[str, int]:
    """What one new share of ``size`` counts against (a share of a
    replicated type is also its active replica)."""
    deltas = {PER_SHARE: size, "shares": 1, "gigabytes": size}
    if replicated:
        deltas.update(share_replicas=1, replica_gigabytes=size)
    return deltas


def _over(limit: int, used: int, delta: int) -> bool:
    return 0 <= limit < used + delta



def _check_limit(limit: int) -> None:
    if limit > INT32_MAX:     # what Manila's columns hold
        raise errors.Invalid("Invalid input received: Quota limit should not exceed "
                             f"{INT32_MAX}.")

class QuotaService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    # -- limits ---------------------------------------------------------------

    def _config_defaults(self) -> dict[str, int]:
        return {name: getattr(self._conf.quota, name) for name in RESOURCES}

    def _defaults(self, s: Session) -> dict[str, int]:
        limits = self._config_defaults()
        limits.update(quotas_db.class_limits(s, DEFAULT_CLASS))
        return limits

    def _limits(self, s: Session, owner: Owner) -> dict[str, int]:
        """The effective limits of the owner's narrowest scope."""
        limits = self._defaults(s)
        limits.update(quotas_db.overrides(s, owner.project_id))
        if owner.user_id is not None or owner.share_type_id is not None:
            limits.update(quotas_db.overrides(s, owner.project_id, owner.user_id,
                                              owner.share_type_id))
        return limits

    def defaults(self) -> dict[str, int]:
        """What a project without limits of its own gets."""
        with self._db.read() as s:
            return self._defaults(s)

    def limits(self, owner: Owner) -> dict[str, int]:
        with self._db.read() as s:
            return self._limits(s, owner)

    def limits_and_usage(self, owner: Owner | str) -> tuple[dict[str, int], dict[str, int]]:
        """Effective limits and usage of a scope (a project id: the project)."""
        if isinstance(owner, str):
            owner = Owner(owner)
        with self._db.read() as s:
            return self._limits(s, owner), self._usage(s, [owner])[0]

    @staticmethod
    def _usage(s: Session, owners: list[Owner],
               resources: frozenset[str] = quotas_db.ALL_COUNTED) -> list[dict[str, int]]:
        counted = quotas_db.usage(s, [quotas_db.Scope(o.project_id, o.user_id,
                                                      o.share_type_id) for o in owners],
                                  resources)
        for usage in counted:
            for resource in RESOURCES:
                usage.setdefault(resource, 0)   # backups, keys: none here
        return counted

    # -- quota classes ----------------------------------------------------------

    def class_limits(self, class_name: str) -> dict[str, int]:
        """A class's limits; what it does not set comes from the options."""
        with self._db.read() as s:
            limits = self._config_defaults()
            limits.update(quotas_db.class_limits(s, class_name))
            return limits

    def update_class(self, class_name: str, limits: Mapping[str, int]) -> dict[str, int]:
        for limit in limits.values():
            _check_limit(limit)
        with self._db.write() as s:
            for resource, limit in limits.items():
                quotas_db.set_class_limit(s, class_name, resource, limit)
        return self.class_limits(class_name)

    # -- quota sets (admin) -----------------------------------------------------

    def update(self, owner: Owner, limits: Mapping[str, int], force: bool) -> None:
        """Set limits of a project, a user or a share type, with Manila's
        checks in the order the request names them: not below what is used
        (unless ``force``); a project not below what its users were given;
        a user or type not above the project."""
        with self._db.write() as s:
            quotas_db.lock_project(s, owner.project_id)
            project = Owner(owner.project_id)
            scoped = owner != project
            current = self._limits(s, owner)
            used = self._usage(s, [owner])[0]
            project_limits = self._limits(s, project) if scoped else {}
            user_sums = {} if scoped else quotas_db.user_limit_sums(s, owner.project_id)
            for resource, limit in limits.items():
                _check_limit(limit)
                if limit < -1:
                    raise errors.Invalid("Quota limit must be -1 or greater.")
                in_use = used.get(resource, 0)
                if not force and limit >= 0 and current[resource] >= 0 and in_use > limit:
                    raise errors.Invalid(
                        f"Quota value {limit} for {resource} is smaller than "
                        f"already used and reserved {in_use}.")
                if scoped:
                    minimum, maximum = in_use, project_limits[resource]
                else:
                    minimum = max(user_sums.get(resource, 0), in_use)
                    maximum = -1
                if (not force and limit < minimum
                        and (maximum != -1 or limit != -1)):
                    raise errors.Invalid(f"Quota limit must be greater than {minimum}.")
                if not force and maximum != -1 and limit > maximum:
                    raise errors.Invalid(f"Quota limit must be less than {maximum}.")
            for resource, limit in limits.items():
                quotas_db.set_limit(s, owner.project_id, resource, limit,
                                    owner.user_id, owner.share_type_id)

    def reset(self, owner: Owner) -> None:
        """Back to the defaults: a project's reset also drops its users'
        limits (not its share types'), as Manila's does."""
        with self._db.write() as s:
            if owner.user_id is None and owner.share_type_id is None:
                quotas_db.delete_project(s, owner.project_id)
            else:
                quotas_db.delete_scope(s, owner.project_id, owner.user_id,
                                       owner.share_type_id)

    # -- the engine -------------------------------------------------------------

    def check(self, s: Session, owner: Owner, deltas: Mapping[str, int],
              words: Mapping[str, str] = WORDS) -> None:
        """Lock the owner's project and refuse (QuotaExceeded) a change that
        would pass a limit.  Call it first in the write transaction."""
        quotas_db.lock_project(s, owner.project_id)
        if deltas.get(PER_SHARE) is not None:
            # Manila checks one share's size against the project's limit only.
            limit = self._scoped_limits(s, owner)[0][PER_SHARE]
            size = deltas[PER_SHARE]
            if 0 <= limit < size:
                raise QuotaExceeded(
                    f"ShareSizeExceedsLimit: Requested share size {size} is larger "
                    f"than maximum allowed limit {limit}.", PER_SHARE, size, 0, limit)
        self._enforce(s, owner, {k: v for k, v in deltas.items()
                                 if k != PER_SHARE and v > 0}, words)

    def recheck(self, s: Session, owner: Owner, deltas: Mapping[str, int],
                words: Mapping[str, str] = WORDS) -> None:
        """After the write: the counts, now with the change in them, must
        still be within the limits the change was checked against."""
        self._enforce(s, owner, {k: 0 for k, v in deltas.items()
                                 if k != PER_SHARE and v > 0}, words)

    def _enforce(self, s: Session, owner: Owner, deltas: Mapping[str, int],
                 words: Mapping[str, str]) -> None:
        if not deltas:
            return
        scopes = self._scopes(owner)
        limits = self._scoped_limits(s, owner)
        # A user's or type's usage is part of the project's: with the
        # project's limits it cannot fail first, so it is counted only
        # when its own limits are narrower.
        narrower = [i for i in range(1, len(scopes))
                    if any(limits[i][r] != limits[0][r] for r in deltas)]
        counted = dict(zip([0, *narrower],
                           self._usage(s, [scopes[0]] + [scopes[i] for i in narrower],
                                       frozenset(deltas)), strict=True))
        usages = [counted.get(i, counted[0]) for i in range(len(scopes))]
        # Manila's two passes: the project with the user, then the type.
        passes = [[0] + ([1] if owner.user_id is not None else [])]
        if owner.share_type_id is not None:
            passes.append([len(scopes) - 1])
        for indexes in passes:
            overs = {r: i for r in deltas for i in indexes
                     if (i == 0 or r not in NOT_PER_TYPE or scopes[i].user_id)
                     and _over(limits[i][r], usages[i][r], deltas[r])}
            if overs:
                shown = limits[indexes[-1]]   # Manila names the narrower limit
                resource = next(r for r in words if r in overs)
                i = overs[resource]
                LOG.warning("Quota exceeded for %s: %s %d requested, %d in use, "
                            "limit %d", owner.project_id, resource, deltas[resource],
                            usages[i][resource], limits[i][resource])
                raise QuotaExceeded(
                    words[resource].format(allowed=shown[resource],
                                           requested=deltas[resource],
                                           used=usages[i][resource]),
                    resource, deltas[resource], usages[i][resource],
                    limits[i][resource])

    @staticmethod
    def _scopes(owner: Owner) -> list[Owner]:
        """The project, then the user and the share type when known."""
        scopes = [Owner(owner.project_id)]
        if owner.user_id is not None:
            scopes.append(Owner(owner.project_id, user_id=owner.user_id))
        if owner.share_type_id is not None:
            scopes.append(Owner(owner.project_id, share_type_id=owner.share_type_id))
        return scopes

    def _scoped_limits(self, s: Session, owner: Owner) -> list[dict[str, int]]:
        """Effective limits of each of ``_scopes(owner)``, read once per
        transaction (two queries): check and recheck see the same."""
        cache: dict[Owner, list[dict[str, int]]] = s.info.setdefault("quota_limits", {})
        if owner not in cache:
            found = quotas_db.scope_overrides(s, owner.project_id, owner.user_id,
                                              owner.share_type_id)
            project = self._defaults(s)
            project.update(found.get(("", ""), {}))
            limits = [project]
            if owner.user_id is not None:
                limits.append({**project, **found.get((owner.user_id, ""), {})})
            if owner.share_type_id is not None:
                limits.append({**project, **found.get(("", owner.share_type_id), {})})
            cache[owner] = limits
        return cache[owner]

    @staticmethod
    def lock(s: Session, project_id: str) -> None:
        """Serialise usage changes of one project (first in a transaction)."""
        quotas_db.lock_project(s, project_id)
