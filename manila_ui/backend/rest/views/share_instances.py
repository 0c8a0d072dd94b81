"""Share instance and snapshot instance views (admins), with Manila's
per-microversion additions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ShareInstance
from manila_ui.backend.types.records import SnapshotInstance


class ShareInstanceView(ViewBuilder):
    collection = "share_instances"
    modifiers = (
        "drop_export_locations",
        "add_access_rules_status",
        "add_replica_state",
        "add_share_type_id",
        "add_cast_rules_to_readonly",
        "add_progress",
        "show_creating_from_snapshot_as_creating",
        "add_updated_at",
    )

    def detail(self, req: ApiRequest, instance: ShareInstance,
               export_paths: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
        paths = (export_paths or {}).get(instance.id, [])
        view: dict[str, Any] = {
            "id": instance.id,
            "share_id": instance.share_id,
            "availability_zone": instance.availability_zone,
            "created_at": isotime(instance.created_at),
            "host": instance.host,
            "status": instance.status,
            "share_network_id": instance.share_network_id,
            "share_server_id": instance.share_server_id,
            "export_location": paths[0] if paths else None,
            "export_locations": paths,
        }
        self.apply_modifiers(req, view, instance)
        return view

    def detail_list(self, req: ApiRequest, instances: list[ShareInstance],
                    export_paths: Mapping[str, list[str]] | None = None
                    ) -> dict[str, Any]:
        return {"share_instances": [self.detail(req, i, export_paths) for i in instances]}

    @since("2.9")
    def drop_export_locations(self, req: ApiRequest, view: dict[str, Any],
                              instance: ShareInstance) -> None:
        view.pop("export_location")
        view.pop("export_locations")

    @since("2.10")
    def add_access_rules_status(self, req: ApiRequest, view: dict[str, Any],
                                instance: ShareInstance) -> None:
        view["access_rules_status"] = instance.access_rules_status

    @since("2.11")
    def add_replica_state(self, req: ApiRequest, view: dict[str, Any],
                          instance: ShareInstance) -> None:
        view["replica_state"] = instance.replica_state

    @since("2.22")
    def add_share_type_id(self, req: ApiRequest, view: dict[str, Any],
                          instance: ShareInstance) -> None:
        view["share_type_id"] = instance.share_type_id

    @since("2.30")
    def add_cast_rules_to_readonly(self, req: ApiRequest, view: dict[str, Any],
                                   instance: ShareInstance) -> None:
        view["cast_rules_to_readonly"] = instance.cast_rules_to_readonly

    @since("2.54")
    def add_progress(self, req: ApiRequest, view: dict[str, Any],
                     instance: ShareInstance) -> None:
        view["progress"] = instance.progress

    @since("2.0", "2.53")
    def show_creating_from_snapshot_as_creating(self, req: ApiRequest,
                                                view: dict[str, Any],
                                                instance: ShareInstance) -> None:
        if instance.status == "creating_from_snapshot":
            view["status"] = "creating"

    @since("2.71")
    def add_updated_at(self, req: ApiRequest, view: dict[str, Any],
                       instance: ShareInstance) -> None:
        view["updated_at"] = isotime(instance.updated_at)


class SnapshotInstanceView(ViewBuilder):
    collection = "snapshot_instances"

    def summary(self, req: ApiRequest, instance: SnapshotInstance) -> dict[str, Any]:
        return {"id": instance.id, "snapshot_id": instance.snapshot_id,
                "status": instance.status}

    def detail(self, req: ApiRequest, instance: SnapshotInstance) -> dict[str, Any]:
        return {
            "id": instance.id,
            "snapshot_id": instance.snapshot_id,
            "created_at": isotime(instance.created_at),
            "updated_at": isotime(instance.updated_at),
            "status": instance.status,
            "share_id": instance.share_id,
            "share_instance_id": instance.share_instance_id,
            "progress": instance.progress,
            "provider_location": instance.provider_location,
        }
