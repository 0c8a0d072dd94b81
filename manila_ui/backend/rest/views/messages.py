"""User message views: exactly Manila's keys (tempest checks the set)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.services.messages import user_message
from manila_ui.backend.types.records import Message


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
