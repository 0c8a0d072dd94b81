"""Share replica views, with Manila's per-microversion additions, and the
export locations of a replica (its state and zone beside each)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.rest.views.export_locations import ExportLocationView
from manila_ui.backend.types.records import ExportLocation
from manila_ui.backend.types.records import ShareInstance


class ReplicaView(ViewBuilder):
    collection = "share-replicas"
    modifiers = ("add_cast_rules_to_readonly", "add_metadata")

    def summary(self, req: ApiRequest, replica: ShareInstance) -> dict[str, Any]:
        return {"id": replica.id, "share_id": replica.share_id,
                "status": replica.status, "replica_state": replica.replica_state}

    def detail(self, req: ApiRequest, replica: ShareInstance) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": replica.id,
            "share_id": replica.share_id,
            "availability_zone": replica.availability_zone,
            "created_at": isotime(replica.created_at),
            "status": replica.status,
            "share_network_id": replica.share_network_id,
            "replica_state": replica.replica_state,
            "updated_at": isotime(replica.updated_at),
        }
        if req.ctx.is_admin:
            view["share_server_id"] = replica.share_server_id
            view["host"] = replica.host
        self.apply_modifiers(req, view, replica)
        return view

    def list_view(self, req: ApiRequest, replicas: list[ShareInstance],
                  detail: bool) -> dict[str, Any]:
        render = self.detail if detail else self.summary
        body: dict[str, Any] = {"share_replicas": [render(req, r) for r in replicas]}
        links = self.next_links(req, replicas)
        if links:
            body["share_replica_links"] = links
        return body

    @since("2.30")
    def add_cast_rules_to_readonly(self, req: ApiRequest, view: dict[str, Any],
                                   replica: ShareInstance) -> None:
        if req.ctx.is_admin:
            view["cast_rules_to_readonly"] = replica.cast_rules_to_readonly

    @since("2.95")
    def add_metadata(self, req: ApiRequest, view: dict[str, Any],
                     replica: ShareInstance) -> None:
        view["metadata"] = dict(replica.metadata)


class ReplicaExportLocationView(ExportLocationView):
    def replica_one(self, req: ApiRequest, el: ExportLocation, replica: ShareInstance,
                    detail: bool) -> dict[str, Any]:
        view = self.one(req, el, detail)
        view["replica_state"] = replica.replica_state
        view["availability_zone"] = replica.availability_zone
        return view
