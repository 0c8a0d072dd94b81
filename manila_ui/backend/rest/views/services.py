"""Service views (``/services``; ``/os-services`` up to 2.6)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import Service


class ServiceView(ViewBuilder):
    collection = "services"
    modifiers = ("add_disabled_reason", "add_ensuring")

    def detail(self, req: ApiRequest, service: Service) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": service.id, "binary": service.binary, "host": service.host,
            "zone": service.zone, "status": service.status, "state": service.state,
            "updated_at": isotime(service.updated_at),
        }
        self.apply_modifiers(req, view, {"disabled_reason": service.disabled_reason,
                                         "ensuring": service.ensuring})
        return view

    def index(self, req: ApiRequest, services: list[Service]) -> dict[str, Any]:
        return {"services": [self.detail(req, service) for service in services]}

    def summary(self, req: ApiRequest, host: str, binary: str, disabled: bool,
                disabled_reason: str | None) -> dict[str, Any]:
        """The answer to enable/disable: what was asked (Manila echoes the
        request; ``ensuring`` stays null there)."""
        view: dict[str, Any] = {"host": host, "binary": binary,
                                "status": "disabled" if disabled else "enabled"}
        self.apply_modifiers(req, view, {"disabled_reason": disabled_reason,
                                         "ensuring": None})
        return view

    @since("2.83")
    def add_disabled_reason(self, req: ApiRequest, view: dict[str, Any],
                            item: dict[str, Any]) -> None:
        view["disabled_reason"] = item["disabled_reason"]

    @since("2.86")
    def add_ensuring(self, req: ApiRequest, view: dict[str, Any],
                     item: dict[str, Any]) -> None:
        view["ensuring"] = item["ensuring"]
