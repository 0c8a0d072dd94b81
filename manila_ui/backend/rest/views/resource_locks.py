"""Resource lock views."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import ResourceLock


class ResourceLockView(ViewBuilder):
    collection = "resource-locks"

    def one(self, req: ApiRequest, lock: ResourceLock) -> dict[str, Any]:
        return {
            "id": lock.id,
            "user_id": lock.user_id,
            "project_id": lock.project_id,
            "lock_context": lock.lock_context,
            "resource_type": lock.resource_type,
            "resource_id": lock.resource_id,
            "resource_action": lock.resource_action,
            "lock_reason": lock.lock_reason,
            "created_at": isotime(lock.created_at),
            "updated_at": isotime(lock.updated_at),
            "links": self.links(req, lock.id),
        }

    def detail(self, req: ApiRequest, lock: ResourceLock) -> dict[str, Any]:
        return {"resource_lock": self.one(req, lock)}

    def index(self, req: ApiRequest, locks: list[ResourceLock],
              count: int | None) -> dict[str, Any]:
        body: dict[str, Any] = {"resource_locks": [self.one(req, lock) for lock in locks]}
        if count:
            body["count"] = count
        links = self.next_links(req, locks)
        if links:
            body["resource_locks_links"] = links
        return body
