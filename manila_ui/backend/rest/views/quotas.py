"""Quota set and limits views, with the resources each microversion adds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import since


class QuotaSetView(ViewBuilder):
    modifiers = ("add_share_group_quotas", "add_replica_quotas",
                 "add_per_share_gigabytes", "add_backup_quotas",
                 "add_encryption_keys")

    def show(self, req: ApiRequest, values: Mapping[str, Any], project_id: str | None,
             for_share_type: bool = False) -> dict[str, Any]:
        """The quota set; ``id`` only when given (Manila's update answer has
        none)."""
        view: dict[str, Any] = {key: values[key] for key in (
            "shares", "gigabytes", "snapshots", "snapshot_gigabytes")}
        if project_id:
            view["id"] = project_id
        shown = dict(values)
        if for_share_type:
            shown.pop("share_groups", None)
            shown.pop("share_group_snapshots", None)
        else:
            view["share_networks"] = values["share_networks"]
        self.apply_modifiers(req, view, shown)
        return {"quota_set": view}

    @since("2.40")
    def add_share_group_quotas(self, req: ApiRequest, view: dict[str, Any],
                               values: Mapping[str, Any]) -> None:
        for key in ("share_groups", "share_group_snapshots"):
            if key in values:
                view[key] = values[key]

    @since("2.53")
    def add_replica_quotas(self, req: ApiRequest, view: dict[str, Any],
                           values: Mapping[str, Any]) -> None:
        view["share_replicas"] = values["share_replicas"]
        view["replica_gigabytes"] = values["replica_gigabytes"]

    @since("2.62")
    def add_per_share_gigabytes(self, req: ApiRequest, view: dict[str, Any],
                                values: Mapping[str, Any]) -> None:
        view["per_share_gigabytes"] = values["per_share_gigabytes"]

    @since("2.80")
    def add_backup_quotas(self, req: ApiRequest, view: dict[str, Any],
                          values: Mapping[str, Any]) -> None:
        view["backups"] = values["backups"]
        view["backup_gigabytes"] = values["backup_gigabytes"]

    @since("2.90")
    def add_encryption_keys(self, req: ApiRequest, view: dict[str, Any],
                            values: Mapping[str, Any]) -> None:
        view["encryption_keys"] = values["encryption_keys"]


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
