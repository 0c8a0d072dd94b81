"""Share transfer views (2.77); the auth key shows in the create answer
only."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import Transfer


class TransferView(ViewBuilder):
    collection = "share-transfers"

    def summary(self, req: ApiRequest, transfer: Transfer) -> dict[str, Any]:
        return {"id": transfer.id, "name": transfer.display_name,
                "resource_type": transfer.resource_type,
                "resource_id": transfer.resource_id,
                "links": self.links(req, transfer.id)}

    def detail(self, req: ApiRequest, transfer: Transfer) -> dict[str, Any]:
        return {
            "id": transfer.id,
            "created_at": isotime(transfer.created_at),
            "name": transfer.display_name,
            "resource_type": transfer.resource_type,
            "resource_id": transfer.resource_id,
            "source_project_id": transfer.source_project_id,
            "destination_project_id": transfer.destination_project_id,
            "accepted": transfer.accepted,
            "expires_at": isotime(transfer.expires_at),
            "links": self.links(req, transfer.id),
        }

    def created(self, req: ApiRequest, transfer: Transfer, auth_key: str
                ) -> dict[str, Any]:
        return {"transfer": {**self.detail(req, transfer), "auth_key": auth_key}}

    def index(self, req: ApiRequest, transfers: list[Transfer],
              detail: bool) -> dict[str, Any]:
        build = self.detail if detail else self.summary
        body: dict[str, Any] = {"transfers": [build(req, t) for t in transfers]}
        links = self.next_links(req, transfers)
        if links:
            body["transfers_links"] = links
        return body
