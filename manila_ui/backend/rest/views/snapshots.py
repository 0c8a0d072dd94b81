"""Snapshot views: exactly Manila's keys per microversion (peer suites
check the set strictly)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import Page
from manila_ui.backend.types.records import Snapshot


class SnapshotView(ViewBuilder):
    collection = "snapshots"
    modifiers = ("add_provider_location", "add_project_and_user_ids", "add_metadata")

    def summary(self, req: ApiRequest, snapshot: Snapshot) -> dict[str, Any]:
        return {"id": snapshot.id, "name": snapshot.display_name,
                "links": self.links(req, snapshot.id)}

    def detail(self, req: ApiRequest, snapshot: Snapshot) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": snapshot.id,
            "share_id": snapshot.share_id,
            "share_size": snapshot.share_size,
            "created_at": isotime(snapshot.created_at),
            "status": snapshot.status,
            "name": snapshot.display_name,
            "description": snapshot.display_description,
            "size": snapshot.size,
            "share_proto": snapshot.share_proto,
            "links": self.links(req, snapshot.id),
        }
        self.apply_modifiers(req, view, snapshot)
        return view

    def summary_list(self, req: ApiRequest, page: Page[Snapshot]) -> dict[str, Any]:
        return self._list(req, page, [self.summary(req, s) for s in page.items])

    def detail_list(self, req: ApiRequest, page: Page[Snapshot]) -> dict[str, Any]:
        return self._list(req, page, [self.detail(req, s) for s in page.items])

    def _list(self, req: ApiRequest, page: Page[Snapshot],
              items: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"snapshots": items}
        if page.count is not None:
            body["count"] = page.count
        links = self.next_links(req, page.items)
        if links:
            body["share_snapshots_links"] = links
        return body

    # -- modifiers, oldest first -------------------------------------------

    @since("2.12")
    def add_provider_location(self, req: ApiRequest, view: dict[str, Any],
                              snapshot: Snapshot) -> None:
        if req.ctx.is_admin:
            view["provider_location"] = snapshot.provider_location

    @since("2.17")
    def add_project_and_user_ids(self, req: ApiRequest, view: dict[str, Any],
                                 snapshot: Snapshot) -> None:
        view["user_id"] = snapshot.user_id
        view["project_id"] = snapshot.project_id

    @since("2.73")
    def add_metadata(self, req: ApiRequest, view: dict[str, Any],
                     snapshot: Snapshot) -> None:
        view["metadata"] = dict(snapshot.metadata)
