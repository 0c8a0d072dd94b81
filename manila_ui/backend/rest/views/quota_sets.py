"""Quota set views, with the resources each microversion adds."""

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


class QuotaClassSetView(QuotaSetView):
    """A quota class: the quota set's keys, ``share_networks`` always."""

    def show(self, req: ApiRequest, values: Mapping[str, Any], project_id: str | None,
             for_share_type: bool = False) -> dict[str, Any]:
        view = super().show(req, values, project_id)["quota_set"]
        return {"quota_class_set": view}
