"""Small views: availability zones, pools, export locations, messages."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.db.records import AvailabilityZone
from manila_ui.backend.db.records import ExportLocation
from manila_ui.backend.db.records import Message
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.services.messages import user_message
from manila_ui.backend.services.pools import PoolView


def availability_zones(zones: list[AvailabilityZone]) -> dict[str, Any]:
    return {"availability_zones": [
        {"id": z.id, "name": z.name, "created_at": isotime(z.created_at),
         "updated_at": isotime(z.updated_at)} for z in zones]}


def pools(found: list[PoolView], detail: bool) -> dict[str, Any]:
    views = []
    for pool in found:
        view: dict[str, Any] = {"name": pool.name, "host": pool.host,
                                "backend": pool.backend, "pool": pool.pool}
        if detail:
            view["capabilities"] = pool.capabilities
        views.append(view)
    return {"pools": views}


class ExportLocationView(ViewBuilder):
    collection = "export_locations"
    modifiers = ("add_preferred", "add_metadata")

    def one(self, req: ApiRequest, el: ExportLocation, detail: bool) -> dict[str, Any]:
        view: dict[str, Any] = {"id": el.id, "path": el.path}
        self.apply_modifiers(req, view, el)
        if req.ctx.is_admin:
            # One instance per share here: the share id stands for it.
            view["share_instance_id"] = el.share_id
            view["is_admin_only"] = el.is_admin_only
        if detail:
            view["created_at"] = isotime(el.created_at)
            view["updated_at"] = isotime(el.updated_at)
        return view

    @since("2.14")
    def add_preferred(self, req: ApiRequest, view: dict[str, Any],
                      el: ExportLocation) -> None:
        view["preferred"] = el.preferred

    @since("2.87")
    def add_metadata(self, req: ApiRequest, view: dict[str, Any],
                     el: ExportLocation) -> None:
        view["metadata"] = {}


class MessageView(ViewBuilder):
    collection = "messages"

    def detail(self, req: ApiRequest, msg: Message) -> dict[str, Any]:
        return {
            "id": msg.id,
            "project_id": msg.project_id,
            "action_id": msg.action_id,
            "detail_id": msg.detail_id,
            "message_level": msg.message_level,
            "created_at": isotime(msg.created_at),
            "expires_at": isotime(msg.expires_at),
            "request_id": msg.request_id,
            "links": self.links(req, msg.id),
            "resource_type": msg.resource_type,
            "resource_id": msg.resource_id,
            "user_message": user_message(msg.action_id, msg.detail_id),
        }

    def index(self, req: ApiRequest, messages: list[Message]) -> dict[str, Any]:
        body: dict[str, Any] = {"messages": [self.detail(req, m) for m in messages]}
        links = self.next_links(req, messages)
        if links:
            body["messages_links"] = links
        return body
