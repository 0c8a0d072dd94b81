"""Share server views, with Manila's per-microversion additions."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ShareServer


class ShareServerView(ViewBuilder):
    collection = "share_servers"
    modifiers = (
        "add_is_auto_deletable_and_identifier",
        "add_share_network_subnet_id",
        "add_task_state_and_source_server",
        "add_security_service_update_support",
        "add_subnet_ids_and_network_allocation_update_support",
        "add_encryption_key_ref",
    )

    def build(self, req: ApiRequest, server: ShareServer,
              detail: bool = False) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": server.id,
            "project_id": server.project_id,
            "updated_at": isotime(server.updated_at),
            "status": server.status,
            "host": server.host,
            "share_network_name": server.share_network_name,
            "share_network_id": server.share_network_id,
        }
        if detail:
            view["created_at"] = isotime(server.created_at)
            view["backend_details"] = dict(server.backend_details)
        self.apply_modifiers(req, view, server)
        return view

    @since("2.49")
    def add_is_auto_deletable_and_identifier(self, req: ApiRequest, view: dict[str, Any],
                                             server: ShareServer) -> None:
        view["is_auto_deletable"] = server.is_auto_deletable
        view["identifier"] = server.identifier

    @since("2.51", "2.69")
    def add_share_network_subnet_id(self, req: ApiRequest, view: dict[str, Any],
                                    server: ShareServer) -> None:
        view["share_network_subnet_id"] = server.subnet_ids[0] if server.subnet_ids \
            else None

    @since("2.57")
    def add_task_state_and_source_server(self, req: ApiRequest, view: dict[str, Any],
                                         server: ShareServer) -> None:
        view["task_state"] = server.task_state
        view["source_share_server_id"] = server.source_share_server_id

    @since("2.63")
    def add_security_service_update_support(self, req: ApiRequest, view: dict[str, Any],
                                            server: ShareServer) -> None:
        view["security_service_update_support"] = server.security_service_update_support

    @since("2.70")
    def add_subnet_ids_and_network_allocation_update_support(
            self, req: ApiRequest, view: dict[str, Any], server: ShareServer) -> None:
        view["share_network_subnet_ids"] = sorted(server.subnet_ids)
        view["network_allocation_update_support"] = (
            server.network_allocation_update_support)

    @since("2.90")
    def add_encryption_key_ref(self, req: ApiRequest, view: dict[str, Any],
                               server: ShareServer) -> None:
        view["encryption_key_ref"] = None
