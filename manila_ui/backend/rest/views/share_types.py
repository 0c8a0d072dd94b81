"""Share type views.  Non-admins see only the standard extra specs, plus
the optional capabilities Manila infers (False) when a type omits them."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.services import share_types as types
from manila_ui.backend.types.records import ShareType

SNAPSHOT_INHERIT = "snapshot_inherit_share_access_support"


class ShareTypeView(ViewBuilder):
    collection = "types"
    modifiers = (
        "add_public_flag",
        "add_legacy_public_flag",
        "add_inferred_optional_specs",
        "add_inferred_snapshot_inherit_spec",
        "add_description",
        "add_is_default",
    )

    def brief(self, req: ApiRequest, share_type: ShareType) -> dict[str, Any]:
        specs = dict(share_type.extra_specs)
        if not req.ctx.is_admin:
            specs = {k: v for k, v in specs.items() if k in types.TENANT_VISIBLE}
        required = {k: v for k, v in specs.items() if k == types.DHSS}
        view: dict[str, Any] = {
            "id": share_type.id,
            "name": share_type.name,
            "extra_specs": specs,
            "required_extra_specs": required,
        }
        self.apply_modifiers(req, view, share_type)
        return view

    def show(self, req: ApiRequest, share_type: ShareType) -> dict[str, Any]:
        view = self.brief(req, share_type)
        return {"share_type": view, "volume_type": view}

    def index(self, req: ApiRequest, share_types: list[ShareType]) -> dict[str, Any]:
        views = [self.brief(req, t) for t in share_types]
        return {"share_types": views, "volume_types": views}

    @since("2.7")
    def add_public_flag(self, req: ApiRequest, view: dict[str, Any], t: ShareType) -> None:
        view["share_type_access:is_public"] = t.is_public

    @since("2.0", "2.6")
    def add_legacy_public_flag(self, req: ApiRequest, view: dict[str, Any],
                               t: ShareType) -> None:
        view["os-share-type-access:is_public"] = t.is_public

    @since("2.24")
    def add_inferred_optional_specs(self, req: ApiRequest, view: dict[str, Any],
                                    t: ShareType) -> None:
        if not req.ctx.is_admin:
            for key, default in types.INFERRED_OPTIONAL.items():
                if key != SNAPSHOT_INHERIT:
                    view["extra_specs"].setdefault(key, default)

    @since("2.99")
    def add_inferred_snapshot_inherit_spec(self, req: ApiRequest, view: dict[str, Any],
                                           t: ShareType) -> None:
        if not req.ctx.is_admin:
            view["extra_specs"].setdefault(SNAPSHOT_INHERIT, False)

    @since("2.41")
    def add_description(self, req: ApiRequest, view: dict[str, Any], t: ShareType) -> None:
        view["description"] = t.description

    @since("2.46")
    def add_is_default(self, req: ApiRequest, view: dict[str, Any], t: ShareType) -> None:
        view["is_default"] = t.name == req.services.share_types.default_name
