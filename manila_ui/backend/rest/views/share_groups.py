"""Share group views: exactly Manila's keys per microversion."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ShareGroup


class ShareGroupView(ViewBuilder):
    collection = "share-groups"
    modifiers = ("add_consistent_snapshot_support_and_zone",)

    def summary(self, req: ApiRequest, group: ShareGroup) -> dict[str, Any]:
        return {"id": group.id, "name": group.name, "links": self.links(req, group.id)}

    def detail(self, req: ApiRequest, group: ShareGroup) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": group.id,
            "name": group.name,
            "created_at": isotime(group.created_at),
            "status": group.status,
            "description": group.description,
            "project_id": group.project_id,
            "host": group.host,
            "share_group_type_id": group.share_group_type_id,
            "source_share_group_snapshot_id": group.source_share_group_snapshot_id,
            "share_network_id": group.share_network_id,
            "share_types": list(group.share_type_ids),
            "links": self.links(req, group.id),
        }
        self.apply_modifiers(req, view, group)
        if req.ctx.is_admin:
            view["share_server_id"] = group.share_server_id
        return view

    def show(self, req: ApiRequest, group: ShareGroup) -> dict[str, Any]:
        return {"share_group": self.detail(req, group)}

    def summary_list(self, req: ApiRequest, groups: list[ShareGroup]) -> dict[str, Any]:
        return self._list(req, groups, [self.summary(req, g) for g in groups])

    def detail_list(self, req: ApiRequest, groups: list[ShareGroup]) -> dict[str, Any]:
        return self._list(req, groups, [self.detail(req, g) for g in groups])

    def _list(self, req: ApiRequest, groups: list[ShareGroup],
              items: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"share_groups": items}
        links = self.next_links(req, groups)
        if links:
            body["share_groups_links"] = links
        return body

    @since("2.34")
    def add_consistent_snapshot_support_and_zone(self, req: ApiRequest,
                                                 view: dict[str, Any],
                                                 group: ShareGroup) -> None:
        view["availability_zone"] = group.availability_zone
        view["consistent_snapshot_support"] = group.consistent_snapshot_support
