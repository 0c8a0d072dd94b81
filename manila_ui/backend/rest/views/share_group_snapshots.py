"""Share group snapshot views, with their members, as Manila's."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import ShareGroupSnapshot
from manila_ui.backend.types.records import ShareGroupSnapshotMember


class ShareGroupSnapshotView(ViewBuilder):
    collection = "share-group-snapshots"

    def summary(self, req: ApiRequest, snapshot: ShareGroupSnapshot) -> dict[str, Any]:
        return {"id": snapshot.id, "name": snapshot.name,
                "links": self.links(req, snapshot.id)}

    def detail(self, req: ApiRequest, snapshot: ShareGroupSnapshot,
               members: bool = True) -> dict[str, Any]:
        return {
            "id": snapshot.id,
            "name": snapshot.name,
            "created_at": isotime(snapshot.created_at),
            "status": snapshot.status,
            "description": snapshot.description,
            "project_id": snapshot.project_id,
            "share_group_id": snapshot.share_group_id,
            # Manila's create answer is read before the members are made.
            "members": [{"id": m.id, "size": m.size, "share_id": m.share_id}
                        for m in snapshot.members] if members else [],
            "links": self.links(req, snapshot.id),
        }

    def show(self, req: ApiRequest, snapshot: ShareGroupSnapshot,
             members: bool = True) -> dict[str, Any]:
        return {"share_group_snapshot": self.detail(req, snapshot, members)}

    def summary_list(self, req: ApiRequest, snapshots: list[ShareGroupSnapshot]
                     ) -> dict[str, Any]:
        return self._list(req, snapshots, [self.summary(req, s) for s in snapshots])

    def detail_list(self, req: ApiRequest, snapshots: list[ShareGroupSnapshot]
                    ) -> dict[str, Any]:
        return self._list(req, snapshots, [self.detail(req, s) for s in snapshots])

    def _list(self, req: ApiRequest, snapshots: list[ShareGroupSnapshot],
              items: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"share_group_snapshots": items}
        links = self.next_links(req, snapshots)
        if links:
            body["share_group_snapshot_links"] = links
        return body

    def member_list(self, req: ApiRequest, members: list[ShareGroupSnapshotMember]
                    ) -> dict[str, Any]:
        body: dict[str, Any] = {"share_group_snapshot_members": [{
            "id": m.id,
            "created_at": isotime(m.created_at),
            "size": m.size,
            "share_protocol": m.share_proto,
            "project_id": m.project_id,
            "share_group_snapshot_id": m.share_group_snapshot_id,
            "share_id": m.share_id,
        } for m in members]}
        links = self.next_links(req, members)
        if links:
            body["share_group_snapshot_members_links"] = links
        return body
