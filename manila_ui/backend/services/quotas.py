"""Quotas by counting: usage is counted from the resources themselves, so
there are no reservations to leak.  A create checks before its insert and
re-checks after it inside the same transaction.  Competing creates of one
project are serialised: on SQLite by its exclusive write transaction, on a
server database by the project's lock row, taken first.

Shares, gigabytes, snapshots, snapshot gigabytes and share networks are
counted; the other resources report their limits and zero usage.
"""

from __future__ import annotations

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import quotas as quotas_db
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors

RESOURCES = ("shares", "gigabytes", "snapshots", "snapshot_gigabytes",
             "share_networks", "share_groups", "share_group_snapshots",
             "share_replicas", "replica_gigabytes", "per_share_gigabytes",
             "backups", "backup_gigabytes", "encryption_keys")


class QuotaService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts) -> None:
        self._db = db
        self._conf = conf

    def defaults(self) -> dict[str, int]:
        return {name: getattr(self._conf.quota, name) for name in RESOURCES}

    def _limits(self, s: Session, project_id: str) -> dict[str, int]:
        limits = self.defaults()
        limits.update(quotas_db.overrides(s, project_id))
        return limits

    @staticmethod
    def _usage(s: Session, project_id: str) -> dict[str, int]:
        usage = dict.fromkeys(RESOURCES, 0)
        usage["shares"], usage["gigabytes"] = shares_db.usage(s, project_id)
        usage["snapshots"], usage["snapshot_gigabytes"] = snapshots_db.usage(
            s, project_id)
        usage["share_networks"] = networks_db.count_networks(s, project_id)
        usage.pop("per_share_gigabytes")
        return usage

    def limits(self, project_id: str) -> dict[str, int]:
        with self._db.read() as s:
            return self._limits(s, project_id)

    def limits_and_usage(self, project_id: str) -> tuple[dict[str, int], dict[str, int]]:
        with self._db.read() as s:
            return self._limits(s, project_id), self._usage(s, project_id)

    def update(self, project_id: str, limits: dict[str, int], force: bool) -> None:
        """Set a project's limits (-1: unlimited).  Without ``force`` a limit
        below what the project already uses is refused, as in Manila."""
        with self._db.write() as s:
            current = self._limits(s, project_id)
            usage = self._usage(s, project_id)
            for resource, limit in limits.items():
                if limit < -1:
                    raise errors.Invalid("Quota limit must be -1 or greater.")
                used = usage.get(resource, 0)
                if not force and limit >= 0 and current[resource] >= 0 and used > limit:
                    raise errors.Invalid(
                        f"Quota value {limit} for {resource} is smaller than "
                        f"already used and reserved {used}.")
            for resource, limit in limits.items():
                quotas_db.set_limit(s, project_id, resource, limit)

    def reset(self, project_id: str) -> None:
        """Back to the defaults."""
        with self._db.write() as s:
            quotas_db.delete_all(s, project_id)

    @staticmethod
    def lock(s: Session, project_id: str) -> None:
        """Serialise usage changes of one project (first in a transaction)."""
        quotas_db.lock_project(s, project_id)

    def check_share_size(self, s: Session, project_id: str, size: int) -> None:
        limit = self._limits(s, project_id)["per_share_gigabytes"]
        if limit >= 0 and size > limit:
            raise errors.OverQuota(
                f"ShareSizeExceedsLimit: Requested share size {size} is larger "
                f"than maximum allowed limit {limit}.")

    def check_shares(self, s: Session, project_id: str, add_shares: int,
                     add_gigabytes: int) -> None:
        """Raise OverQuota if the project, with the deltas added, is over its
        share or gigabyte quota (the deltas are 0 for the re-check)."""
        limits = self._limits(s, project_id)
        shares, gigabytes = shares_db.usage(s, project_id)
        if 0 <= limits["gigabytes"] < gigabytes + add_gigabytes:
            raise errors.OverQuota(
                "ShareSizeExceedsAvailableQuota: Requested share exceeds "
                "allowed project/user or share type gigabytes quota.")
        if 0 <= limits["shares"] < shares + add_shares:
            raise errors.OverQuota(
                f"ShareLimitExceeded: Maximum number of shares allowed "
                f"({limits['shares']}) either per project/user or share type "
                "quota is exceeded.")

    def over_gigabytes(self, s: Session, project_id: str, add_gigabytes: int) -> bool:
        """Whether ``add_gigabytes`` more would pass the gigabyte quota
        (extend and revert check this; Manila refuses those with 403)."""
        limit = self._limits(s, project_id)["gigabytes"]
        return 0 <= limit < shares_db.usage(s, project_id)[1] + add_gigabytes

    def check_snapshots(self, s: Session, project_id: str, add_snapshots: int,
                        add_gigabytes: int) -> None:
        """Raise OverQuota if the project, with the deltas added, is over its
        snapshot or snapshot gigabyte quota (0, 0 for the re-check)."""
        limits = self._limits(s, project_id)
        number, gigabytes = snapshots_db.usage(s, project_id)
        if 0 <= limits["snapshot_gigabytes"] < gigabytes + add_gigabytes:
            raise errors.OverQuota(
                "SnapshotSizeExceedsAvailableQuota: Requested snapshot exceeds "
                "allowed project/user or share type gigabytes quota.")
        if 0 <= limits["snapshots"] < number + add_snapshots:
            raise errors.OverQuota(
                f"SnapshotLimitExceeded: Maximum number of snapshots allowed "
                f"({limits['snapshots']}) either per project/user or share type "
                "quota is exceeded.")

    def check_share_networks(self, s: Session, project_id: str, add: int) -> None:
        """Raise OverQuota if the project, with ``add`` more, is over its
        share network quota (0 for the re-check)."""
        limit = self._limits(s, project_id)["share_networks"]
        if 0 <= limit < networks_db.count_networks(s, project_id) + add:
            raise errors.OverQuota(
                f"Maximum number of share-networks allowed ({limit}) exceeded.")
