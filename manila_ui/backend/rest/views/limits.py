"""Limits view: Manila's absolute-limit names, more per microversion."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import since


class LimitsView(ViewBuilder):
    modifiers = ("add_replica_limits", "add_share_group_limits", "add_backup_limits")

    def build(self, req: ApiRequest, limits: Mapping[str, int],
              usage: Mapping[str, int]) -> dict[str, Any]:
        names: dict[str, dict[str, str]] = {
            "limit": {
                "gigabytes": "maxTotalShareGigabytes",
                "snapshot_gigabytes": "maxTotalSnapshotGigabytes",
                "shares": "maxTotalShares",
                "snapshots": "maxTotalShareSnapshots",
                "share_networks": "maxTotalShareNetworks",
            },
            "in_use": {
                "shares": "totalSharesUsed",
                "snapshots": "totalShareSnapshotsUsed",
                "share_networks": "totalShareNetworksUsed",
                "gigabytes": "totalShareGigabytesUsed",
                "snapshot_gigabytes": "totalSnapshotGigabytesUsed",
            },
        }
        self.apply_modifiers(req, names, None)
        absolute: dict[str, int] = {}
        for resource, name in names["limit"].items():
            absolute[name] = limits[resource]
        for resource, name in names["in_use"].items():
            absolute[name] = usage.get(resource, 0)
        return {"limits": {"rate": [], "absolute": absolute}}

    @since("2.53")
    def add_replica_limits(self, req: ApiRequest, names: dict[str, dict[str, str]],
                           _: None) -> None:
        names["limit"].update(share_replicas="maxTotalShareReplicas",
                              replica_gigabytes="maxTotalReplicaGigabytes")
        names["in_use"].update(share_replicas="totalShareReplicasUsed",
                               replica_gigabytes="totalReplicaGigabytesUsed")

    @since("2.58")
    def add_share_group_limits(self, req: ApiRequest, names: dict[str, dict[str, str]],
                               _: None) -> None:
        names["limit"].update(share_groups="maxTotalShareGroups",
                              share_group_snapshots="maxTotalShareGroupSnapshots")
        names["in_use"].update(share_groups="totalShareGroupsUsed",
                               share_group_snapshots="totalShareGroupSnapshotsUsed")

    @since("2.80")
    def add_backup_limits(self, req: ApiRequest, names: dict[str, dict[str, str]],
                          _: None) -> None:
        names["limit"].update(backups="maxTotalShareBackups",
                              backup_gigabytes="maxTotalBackupGigabytes")
        names["in_use"].update(backups="totalShareBackupsUsed",
                               backup_gigabytes="totalBackupGigabytesUsed")
