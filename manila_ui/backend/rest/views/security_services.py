"""Security service views (the password is shown as Manila shows it)."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import SecurityService

DETAIL_KEYS = ("description", "dns_ip", "server", "domain", "user", "password",
               "project_id")


class SecurityServiceView(ViewBuilder):
    collection = "security_services"
    modifiers = ("add_ou", "add_default_ad_site")

    def summary(self, req: ApiRequest, service: SecurityService) -> dict[str, Any]:
        # ``status`` left the model long ago; Manila still shows "new".
        return {"id": service.id, "name": service.name, "type": service.type,
                "status": "new"}

    def detail(self, req: ApiRequest, service: SecurityService) -> dict[str, Any]:
        view = self.summary(req, service)
        view["created_at"] = isotime(service.created_at)
        view["updated_at"] = isotime(service.updated_at)
        view.update({key: getattr(service, key) for key in DETAIL_KEYS})
        self.apply_modifiers(req, view, service)
        return view

    @since("2.44")
    def add_ou(self, req: ApiRequest, view: dict[str, Any],
               service: SecurityService) -> None:
        view["ou"] = service.ou

    @since("2.76")
    def add_default_ad_site(self, req: ApiRequest, view: dict[str, Any],
                            service: SecurityService) -> None:
        view["default_ad_site"] = service.default_ad_site
