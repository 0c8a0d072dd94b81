"""Security services (LDAP, Kerberos, Active Directory).

Manila returns a service's password in its detail views; the wrapper drops
it on arrival, so no page can ever show it.  Setting one is write-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

TYPES = ("ldap", "kerberos", "active_directory")
# Fields each type uses (Manila stores them all; these are the meaningful ones).
FIELDS = ("dns_ip", "server", "domain", "user", "ou", "default_ad_site")
SECRET_FIELD = "password"  # noqa: S105 - the field name, not a secret


class SecurityService(base.ManilaResource):
    _attrs = ("id", "name", "description", "type", "status", "project_id",
              "created_at", "updated_at", "dns_ip", "server", "domain", "user",
              "ou", "default_ad_site", "share_networks")
    id: str
    name: str | None
    description: str | None
    type: str | None
    project_id: str | None
    share_networks: list[str] | None

    def __init__(self, info: Mapping[str, Any]) -> None:
        super().__init__({k: v for k, v in info.items() if k != SECRET_FIELD})


def _manager(request: Any) -> Any:
    return client.manilaclient(request).security_services


def security_service_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                                search_opts: dict[str, Any] | None = None,
                                all_projects: bool = False
                                ) -> base.Page[SecurityService]:
    """One page in ONE call. Manila 23 takes an admin's ``limit`` and
    ``offset`` as filters (the page comes back empty) and has no sort, so the
    whole (filtered) list is fetched and the page cut here."""
    opts: dict[str, Any] = dict(search_opts or {})
    if all_projects:
        opts["all_tenants"] = 1
    items = base.wrap_all(SecurityService, _manager(request).list(
        detailed=True, search_opts=opts))
    start = max(0, offset)
    return base.Page(items=items[start:start + page_size], offset=start,
                     page_size=page_size, has_more=len(items) > start + page_size)


@base.request_memoized
def security_service_list(request: Any, share_network_id: str | None = None
                          ) -> list[SecurityService]:
    """The project's services, or one share network's (one call)."""
    opts = {"share_network_id": share_network_id} if share_network_id else None
    return base.wrap_all(SecurityService, _manager(request).list(
        detailed=True, search_opts=opts))


def security_service_get(request: Any, service_id: str) -> SecurityService:
    return SecurityService.from_resource(_manager(request).get(service_id))


def _values(request: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    found = {key: value for key, value in values.items() if value not in (None, "")}
    if not client.supports(request, "security_service_ou"):
        found.pop("ou", None)
    if not client.supports(request, "default_ad_site"):
        found.pop("default_ad_site", None)
    return found


def security_service_create(request: Any, *, type: str, name: str | None = None,
                            description: str | None = None,
                            password: str | None = None,
                            **fields: Any) -> SecurityService:
    values = _values(request, {"name": name, "description": description,
                               "password": password, **fields})
    created = _manager(request).create(type, **values)
    base.forget(request)
    return SecurityService.from_resource(created)


def security_service_update(request: Any, service_id: str, *,
                            password: str | None = None,
                            **fields: Any) -> SecurityService:
    """Change what is given; an empty password leaves the old one alone."""
    values = {key: value for key, value in fields.items() if value is not None}
    if password:
        values["password"] = password
    if not client.supports(request, "security_service_ou"):
        values.pop("ou", None)
    if not client.supports(request, "default_ad_site"):
        values.pop("default_ad_site", None)
    updated = _manager(request).update(service_id, **values)
    base.forget(request)
    return SecurityService.from_resource(updated)


def security_service_delete(request: Any, service_id: str) -> None:
    _manager(request).delete(service_id)
    base.forget(request)
