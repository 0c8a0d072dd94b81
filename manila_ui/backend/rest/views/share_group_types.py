"""Share group type views, as Manila's (``is_default`` from 2.46)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ShareGroupType


class ShareGroupTypeView(ViewBuilder):
    collection = "share-group-types"
    modifiers = ("add_is_default",)

    def brief(self, req: ApiRequest, group_type: ShareGroupType) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": group_type.id,
            "name": group_type.name,
            "is_public": group_type.is_public,
            "group_specs": dict(group_type.group_specs),
            "share_types": list(group_type.share_type_ids),
        }
        self.apply_modifiers(req, view, group_type)
        return view

    def show(self, req: ApiRequest, group_type: ShareGroupType) -> dict[str, Any]:
        return {"share_group_type": self.brief(req, group_type)}

    def index(self, req: ApiRequest, group_types: list[ShareGroupType]) -> dict[str, Any]:
        return {"share_group_types": [self.brief(req, t) for t in group_types]}

    @since("2.46")
    def add_is_default(self, req: ApiRequest, view: dict[str, Any],
                       group_type: ShareGroupType) -> None:
        view["is_default"] = group_type.name == req.services.share_group_types.default_name
