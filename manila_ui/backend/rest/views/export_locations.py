"""Export location views."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ExportLocation


class ExportLocationView(ViewBuilder):
    collection = "export_locations"
    modifiers = ("add_preferred", "add_metadata")

    def one(self, req: ApiRequest, el: ExportLocation, detail: bool) -> dict[str, Any]:
        view: dict[str, Any] = {"id": el.id, "path": el.path}
        self.apply_modifiers(req, view, el)
        if req.ctx.is_admin:
            view["share_instance_id"] = el.share_instance_id or el.share_id
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
        view["metadata"] = dict(el.metadata)
