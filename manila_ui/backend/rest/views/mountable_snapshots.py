"""Views of mountable snapshots (2.32): access rules and export locations,
exactly Manila's keys (admins also see the instance and admin-only flag)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.types.records import SnapshotAccessRule
from manila_ui.backend.types.records import SnapshotExportLocation


class SnapshotAccessView:
    @staticmethod
    def detail(rule: SnapshotAccessRule) -> dict[str, Any]:
        return {"id": rule.id, "access_type": rule.access_type,
                "access_to": rule.access_to, "state": rule.state}


class SnapshotExportLocationView(ViewBuilder):
    collection = "share_snapshot_export_locations"

    def one(self, req: ApiRequest, el: SnapshotExportLocation,
            detail: bool) -> dict[str, Any]:
        view: dict[str, Any] = {"id": el.id, "path": el.path,
                                "links": self.links(req, el.id)}
        if req.ctx.is_admin:
            view["share_snapshot_instance_id"] = el.snapshot_id
            view["is_admin_only"] = el.is_admin_only
        if detail:
            view["created_at"] = isotime(el.created_at)
            view["updated_at"] = isotime(el.updated_at)
        return view

    def index(self, req: ApiRequest,
              found: list[SnapshotExportLocation]) -> dict[str, Any]:
        return {self.collection: [self.one(req, el, detail=False) for el in found]}

    def show(self, req: ApiRequest, el: SnapshotExportLocation) -> dict[str, Any]:
        return {"share_snapshot_export_location": self.one(req, el, detail=True)}
