"""User messages (2.37): what failed asynchronous operations left behind."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

# Filters Manila applies to /messages (it ignores others silently).
FILTERS = ("resource_type", "resource_id", "action_id", "detail_id",
           "message_level", "request_id")


class Message(base.ManilaResource):
    _attrs = ("id", "resource_type", "resource_id", "action_id",
              "user_message", "message_level", "detail_id", "created_at",
              "expires_at", "request_id", "project_id")
    id: str
    user_message: str | None
    resource_type: str | None
    resource_id: str | None
    message_level: str | None
    project_id: str | None


def _opts(search_opts: dict[str, Any] | None) -> dict[str, Any]:
    opts = {k: v for k, v in (search_opts or {}).items()
            if k in FILTERS and v}
    opts.update(sort_key="created_at", sort_dir="desc")
    return opts


def message_list(request: Any, *, resource_id: str | None = None,
                 limit: int | None = None) -> list[Message]:
    """Newest first; empty where the server predates user messages."""
    if not client.supports(request, "messages"):
        return []
    opts = _opts({"resource_id": resource_id})
    if limit:
        opts["limit"] = limit
    found = client.manilaclient(request).messages.list(search_opts=opts)
    return base.wrap_all(Message, found)


def message_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                       search_opts: dict[str, Any] | None = None
                       ) -> base.Page[Message]:
    """One page of messages in one call. Manila shows an admin every
    project's messages; the list has no project filter."""
    if not client.supports(request, "messages"):
        return base.Page(items=[], offset=0, page_size=page_size,
                         has_more=False)
    opts = _opts(search_opts)
    opts.update(limit=page_size + 1, offset=max(0, offset))
    found = base.wrap_all(
        Message, client.manilaclient(request).messages.list(search_opts=opts))
    return base.Page(items=found[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(found) > page_size)


def message_get(request: Any, message_id: str) -> Message:
    return Message.from_resource(
        client.manilaclient(request).messages.get(message_id))


def message_delete(request: Any, message_id: str) -> None:
    client.manilaclient(request).messages.delete(message_id)
    base.forget(request)
