"""Manila's services (admin): the scheduler and a share service per back
end; enable/disable (a reason from 2.83) and ensure shares (2.86)."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

SHARE_BINARY = "manila-share"


class Service(base.ManilaResource):
    _attrs = ("id", "binary", "host", "zone", "status", "state", "updated_at",
              "disabled_reason", "ensuring")
    id: Any
    binary: str | None
    host: str | None
    zone: str | None
    status: str | None
    state: str | None
    updated_at: str | None
    disabled_reason: str | None
    ensuring: bool | None

    @property
    def is_share_service(self) -> bool:
        return self.binary == SHARE_BINARY

    @property
    def ensure_state(self) -> str:
        """``ensuring`` while the back end ensures its shares, else ``idle``."""
        return "ensuring" if self.ensuring else "idle"

    @property
    def backend(self) -> str:
        """The back end a share service runs (``host@backend``)."""
        return (self.host or "").partition("@")[2]


def service_list(request: Any, search_opts: dict[str, str] | None = None
                 ) -> list[Service]:
    """Every service (Manila does not page them), in one call."""
    services = client.manilaclient(request).services.list(search_opts=search_opts)
    return sorted(base.wrap_all(Service, services),
                  key=lambda s: (s.binary or "", s.host or ""))


def service_enable(request: Any, host: str, binary: str) -> None:
    client.manilaclient(request).services.enable(host, binary)
    base.forget(request)


def service_disable(request: Any, host: str, binary: str,
                    reason: str | None = None) -> None:
    services = client.manilaclient(request).services
    if reason and client.supports(request, "service_disabled_reason"):
        services.disable(host, binary, disable_reason=reason)
    else:
        services.disable(host, binary)
    base.forget(request)


def ensure_shares(request: Any, host: str) -> None:
    """``POST /services/ensure-shares`` with Manila's body (python-manilaclient
    6.3 sends ``{"host": ...}``, which Manila's schema refuses)."""
    manila = client.manilaclient(request)
    manila.client.post("/services/ensure-shares",
                       body={"ensure_shares": {"host": host}})
    base.forget(request)
