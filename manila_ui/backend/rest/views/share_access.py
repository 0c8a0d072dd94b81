"""Access rule views.  The list view has no ``share_id`` (Manila's
summary); a rule whose visibility is locked shows ``access_to`` and
``access_key`` as ``******`` to whoever may not lift the lock."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import AccessRule
from manila_ui.backend.types.records import Share

REDACTED = "******"


class AccessRuleView(ViewBuilder):
    collection = "share-access-rules"
    modifiers = ("add_access_key", "state_from_share", "add_timestamps",
                 "add_metadata")

    def _view(self, req: ApiRequest, rule: AccessRule, share: Share | None,
              restricted: bool, with_share_id: bool) -> dict[str, Any]:
        view: dict[str, Any] = {"id": rule.id}
        if with_share_id:
            view["share_id"] = rule.share_id
        view.update({"access_level": rule.access_level, "access_to": rule.access_to,
                     "access_type": rule.access_type, "state": rule.state})
        self.apply_modifiers(req, view, (rule, share))
        if restricted:
            view["access_to"] = REDACTED
            if "access_key" in view:
                view["access_key"] = REDACTED
        return view

    def detail(self, req: ApiRequest, rule: AccessRule, share: Share | None,
               restricted: bool = False) -> dict[str, Any]:
        return {"access": self._view(req, rule, share, restricted, True)}

    def index(self, req: ApiRequest, rules: list[AccessRule], share: Share | None,
              restricted: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
        return {"access_list": [self._view(req, rule, share, rule.id in restricted,
                                           False) for rule in rules]}

    @since("2.21")
    def add_access_key(self, req: ApiRequest, view: dict[str, Any],
                       item: tuple[AccessRule, Share | None]) -> None:
        view["access_key"] = item[0].access_key

    @since("2.0", "2.27")
    def state_from_share(self, req: ApiRequest, view: dict[str, Any],
                         item: tuple[AccessRule, Share | None]) -> None:
        """Rules had no state of their own before 2.28: the share's."""
        share = item[1]
        if share is not None:
            status = share.access_rules_status
            view["state"] = "new" if status == "syncing" else status

    @since("2.33")
    def add_timestamps(self, req: ApiRequest, view: dict[str, Any],
                       item: tuple[AccessRule, Share | None]) -> None:
        view["created_at"] = isotime(item[0].created_at)
        view["updated_at"] = isotime(item[0].updated_at)

    @since("2.45")
    def add_metadata(self, req: ApiRequest, view: dict[str, Any],
                     item: tuple[AccessRule, Share | None]) -> None:
        view["metadata"] = dict(item[0].metadata)
