"""Security services (LDAP, Kerberos, Active Directory): what a share
server joins.  Checks and messages are Manila 23's
(``api/v2/security_service.py``).

The password is stored as given and returned in the detail view, exactly
as Manila does (it is no secret from the project); the dashboard never
shows it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from manila_ui.backend.db import security_services as services_db
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services.context import Caller
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import SecurityServiceFilters

TYPES = ("active_directory", "ldap", "kerberos")
FIELDS = ("name", "description", "dns_ip", "server", "domain", "user", "password",
          "ou", "default_ad_site")
# Manila's search options for non-admins (admins may filter on any field).
SEARCH_KEYS = ("name", "id", "type", "user", "server", "dns_ip", "domain")
LIMITS = {"dns_ip": 64}


def _field(key: str, value: Any) -> str | None:
    return fields.text(value, key, LIMITS.get(key, fields.NAME_MAX))


def _check_ad_site(kind: str, values: Mapping[str, Any], at_least_276: bool,
                   joiner: str) -> None:
    site = values.get("default_ad_site")
    if not site:
        return
    if not at_least_276:
        raise errors.Invalid('"default_ad_site" is only supported from API version 2.76.')
    if kind == "active_directory" and values.get("server"):
        raise errors.Invalid(
            "Invalid input received: Cannot create security service because both server "
            f"and 'default_ad_site' were provided{joiner} Specify either server or "
            "'default_ad_site'.")


class SecurityServiceService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, service_id: str) -> records.SecurityService:
        with self._db.read() as s:
            found = services_db.get(s, service_id)
        if found is None:
            raise errors.NotFound(f"Security service {service_id} could not be found.")
        return found

    def list_services(self, query: SecurityServiceFilters,
                      network_project: str | None) -> list[records.SecurityService]:
        """The services of a project, of every project, or of one share
        network (``network_project``: whose networks the caller sees)."""
        with self._db.read() as s:
            if query.share_network_id is not None:
                network = networks_db.get_network(s, query.share_network_id)
                if network is None or (network_project is not None
                                       and network.project_id != network_project):
                    raise errors.NotFound(f"Share network {query.share_network_id} could "
                                          "not be found.")
                found = services_db.get_many(s, list(network.security_service_ids))
            else:
                found = services_db.list_all(s, query.project_id)
        return [service for service in found
                if all(str(getattr(service, key, None)) == value
                       if getattr(service, key, None) is not None else False
                       for key, value in query.attributes.items())]

    def networks_of(self, service_ids: list[str]) -> dict[str, list[str]]:
        with self._db.read() as s:
            return networks_db.networks_of_services(s, service_ids)

    def create(self, caller: Caller, values: Mapping[str, Any],
               at_least_276: bool) -> records.SecurityService:
        kind = values.get("type")
        if kind not in TYPES:
            raise errors.Invalid(
                f"Invalid input received: Invalid type {kind} specified for security "
                f"service. Valid types are {','.join(TYPES)}.")
        _check_ad_site(str(kind), values, at_least_276, ",")
        row = {key: _field(key, values.get(key)) for key in FIELDS}
        with self._db.write() as s:
            return services_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id, "type": kind,
                "created_at": networks_db.now(), **row})

    def in_use_by_servers(self, service_id: str) -> bool:
        """Whether a network with share servers uses it."""
        with self._db.read() as s:
            for network_id in networks_db.networks_of_service(s, service_id):
                network = networks_db.get_network(s, network_id)
                if network is not None and network.servers:
                    return True
        return False

    def update(self, service: records.SecurityService, values: Mapping[str, Any],
               at_least_276: bool) -> records.SecurityService:
        if self.in_use_by_servers(service.id) and any(
                key not in ("name", "description") for key in values):
            raise errors.Refused(
                f"Cannot update security service {service.id}. It is attached to share "
                "network with share server associated. Only 'name' and 'description' "
                "fields are available for update.")
        kind = values.get("type", service.type)
        if kind not in TYPES:
            raise errors.Invalid(
                f"Invalid input received: Invalid type {kind} specified for security "
                f"service. Valid types are {','.join(TYPES)}.")
        _check_ad_site(str(kind), values, at_least_276, ".")
        changes: dict[str, Any] = {key: _field(key, values[key]) for key in FIELDS
                                   if key in values}
        changes["type"] = kind
        with self._db.write() as s:
            found = services_db.update(s, service.id, changes)
        if found is None:
            raise errors.NotFound(f"Security service {service.id} could not be found.")
        return found

    def check_deletable(self, service_id: str) -> None:
        with self._db.read() as s:
            if networks_db.networks_of_service(s, service_id):
                raise errors.Refused("Cannot delete security service. It is assigned to "
                                     "share network(s)")

    def delete(self, service_id: str) -> None:
        with self._db.write() as s:
            if networks_db.networks_of_service(s, service_id):
                raise errors.Refused("Cannot delete security service. It is assigned to "
                                     "share network(s)")
            services_db.delete_service(s, service_id)
