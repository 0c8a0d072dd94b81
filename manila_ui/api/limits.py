"""The project's absolute limits and usage (``GET /limits``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

UNLIMITED = float("inf")


@dataclass(frozen=True)
class Usage:
    """How much of one quota is used; ``quota`` is inf when unlimited."""

    used: int
    quota: float

    @property
    def available(self) -> float:
        return max(0.0, self.quota - self.used)

    @property
    def exhausted(self) -> bool:
        return self.used >= self.quota

    @property
    def unlimited(self) -> bool:
        return self.quota == UNLIMITED

    @property
    def limit(self) -> int | None:
        """The quota as a whole number, None when unlimited (for display)."""
        return None if self.unlimited else int(self.quota)


@dataclass(frozen=True)
class Limits:
    raw: dict[str, int]

    def _usage(self, max_key: str, used_key: str) -> Usage:
        quota = self.raw.get(max_key, -1)
        return Usage(used=int(self.raw.get(used_key, 0) or 0),
                     quota=UNLIMITED if quota is None or quota < 0
                     else float(quota))

    @property
    def shares(self) -> Usage:
        return self._usage("maxTotalShares", "totalSharesUsed")

    @property
    def gigabytes(self) -> Usage:
        return self._usage("maxTotalShareGigabytes", "totalShareGigabytesUsed")

    @property
    def snapshots(self) -> Usage:
        return self._usage("maxTotalShareSnapshots", "totalShareSnapshotsUsed")

    @property
    def snapshot_gigabytes(self) -> Usage:
        return self._usage("maxTotalSnapshotGigabytes",
                           "totalSnapshotGigabytesUsed")

    @property
    def can_create_snapshot(self) -> bool:
        return not (self.snapshots.exhausted or
                    self.snapshot_gigabytes.exhausted)

    @property
    def share_networks(self) -> Usage:
        return self._usage("maxTotalShareNetworks", "totalShareNetworksUsed")

    @property
    def share_groups(self) -> Usage:
        return self._usage("maxTotalShareGroups", "totalShareGroupsUsed")

    @property
    def share_group_snapshots(self) -> Usage:
        return self._usage("maxTotalShareGroupSnapshots", "totalShareGroupSnapshotsUsed")

    @property
    def backups(self) -> Usage:
        return self._usage("maxTotalShareBackups", "totalShareBackupsUsed")

    @property
    def backup_gigabytes(self) -> Usage:
        return self._usage("maxTotalBackupGigabytes", "totalBackupGigabytesUsed")

    @property
    def can_create_share(self) -> bool:
        return not (self.shares.exhausted or self.gigabytes.exhausted)

    def usages(self) -> list[tuple[str, Usage]]:
        """(limit name, usage) of every quota the server reported, in
        Manila's order: for usage charts."""
        return [(max_key, self._usage(max_key, used_key))
                for max_key, used_key in CHARTED if max_key in self.raw]


# Manila's absolute limits: (maxTotal..., total...Used), in the order a
# usage summary shows them.
CHARTED: tuple[tuple[str, str], ...] = (
    ("maxTotalShares", "totalSharesUsed"),
    ("maxTotalShareGigabytes", "totalShareGigabytesUsed"),
    ("maxTotalShareSnapshots", "totalShareSnapshotsUsed"),
    ("maxTotalSnapshotGigabytes", "totalSnapshotGigabytesUsed"),
    ("maxTotalShareNetworks", "totalShareNetworksUsed"),
    ("maxTotalShareGroups", "totalShareGroupsUsed"),
    ("maxTotalShareGroupSnapshots", "totalShareGroupSnapshotsUsed"),
    ("maxTotalShareReplicas", "totalShareReplicasUsed"),
    ("maxTotalReplicaGigabytes", "totalReplicaGigabytesUsed"),
    ("maxTotalShareBackups", "totalShareBackupsUsed"),
    ("maxTotalBackupGigabytes", "totalBackupGigabytesUsed"),
)


@base.request_memoized
def tenant_absolute_limits(request: Any) -> Limits:
    """The absolute limits, fetched at most once per Django request."""
    limits = client.manilaclient(request).limits.get()
    absolute = {item.name: item.value for item in limits.absolute}
    return Limits(raw=absolute)
