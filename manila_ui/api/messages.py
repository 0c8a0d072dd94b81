"""User messages (2.37): what failed asynchronous operations left behind."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class Message(base.ManilaResource):
    _attrs = ("id", "resource_type", "resource_id", "action_id",
              "user_message", "message_level", "detail_id", "created_at",
              "expires_at", "request_id", "project_id")
    id: str
    user_message: str | None
    resource_id: str | None


def message_list(request: Any, *, resource_id: str | None = None,
                 limit: int | None = None) -> list[Message]:
    """Newest first; empty where the server predates user messages."""
    if not client.supports(request, "messages"):
        return []
    opts: dict[str, Any] = {"sort_key": "created_at", "sort_dir": "desc"}
    if resource_id:
        opts["resource_id"] = resource_id
    if limit:
        opts["limit"] = limit
    found = client.manilaclient(request).messages.list(search_opts=opts)
    return base.wrap_all(Message, found)
