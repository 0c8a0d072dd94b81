"""Share servers (admin): list, get, delete, reset status, manage (2.49)
and unmanage, and what a server holds.

``backend_details`` are the driver's own strings.  Some drivers put a
security service in there as JSON, password included (Manila's dummy
driver does): the wrapper drops any password before a page sees them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from manila_ui.api import base
from manila_ui.api import client
from manila_ui.api import shares as api_shares

STATUSES = ("active", "error", "deleting", "creating", "manage_starting",
            "unmanage_starting", "unmanage_error", "manage_error", "inactive",
            "server_migrating", "server_migrating_to", "network_change")
DELETABLE = ("active", "error")
# Share-server migration (2.57, experimental): the source server is
# ``server_migrating`` while it runs; its task state says how far.
MIGRATING = "server_migrating"
COPYING = ("migration_starting", "migration_in_progress", "migration_driver_starting",
           "migration_driver_in_progress")
PHASE1_DONE = "migration_driver_phase1_done"
CANCELLABLE = (PHASE1_DONE, "migration_driver_in_progress")
# What reset_task_state takes ("" clears it), Manila's list.
TASK_STATES = ("", "migration_error", "migration_success", "migration_cancelled",
               "migration_starting", "migration_in_progress", "migration_completing",
               "migration_cancel_in_progress", "migration_driver_in_progress",
               "migration_driver_phase1_done")
UNMANAGEABLE = ("active", "error", "manage_error", "unmanage_error")


def _without_secrets(value: Any) -> Any:
    """A detail value with every ``password`` (also inside JSON) removed."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        return json.dumps(_without_secrets(parsed), sort_keys=True)
    if isinstance(value, Mapping):
        return {k: _without_secrets(v) for k, v in value.items()
                if "password" not in str(k).lower()}
    if isinstance(value, list):
        return [_without_secrets(v) for v in value]
    return value


def safe_details(details: Mapping[str, Any] | None) -> dict[str, Any]:
    return {key: _without_secrets(value) for key, value in (details or {}).items()
            if "password" not in key.lower()}


class ShareServer(base.ManilaResource):
    _attrs = ("id", "project_id", "updated_at", "created_at", "status", "host",
              "share_network_name", "share_network_id", "is_auto_deletable",
              "identifier", "task_state", "source_share_server_id",
              "share_network_subnet_id",
              "share_network_subnet_ids", "security_service_update_support",
              "network_allocation_update_support", "backend_details")
    id: str
    status: str | None
    host: str | None
    project_id: str | None
    share_network_id: str | None
    share_network_name: str | None
    is_auto_deletable: bool | None
    identifier: str | None
    task_state: str | None
    backend_details: dict[str, Any] | None

    def __init__(self, info: Mapping[str, Any]) -> None:
        # manilaclient copies the details to "details:<key>": keep none.
        clean = {k: v for k, v in info.items() if not str(k).startswith("details:")}
        clean["backend_details"] = safe_details(clean.get("backend_details"))
        super().__init__(clean)

    @property
    def subnet_ids(self) -> list[str]:
        ids = self._info.get("share_network_subnet_ids")
        if ids is None and self._info.get("share_network_subnet_id"):
            ids = [self._info["share_network_subnet_id"]]
        return list(ids or [])

    @property
    def addresses(self) -> list[tuple[str, str]]:
        """(role, address) pairs the details tell (dummy-driver style keys:
        ``subnet_allocations`` and ``service_ip``)."""
        found: list[tuple[str, str]] = []
        details = self.backend_details or {}
        try:
            per_subnet = json.loads(details.get("subnet_allocations") or "[]")
        except (TypeError, ValueError):
            per_subnet = []
        for entry in per_subnet if isinstance(per_subnet, list) else []:
            if not isinstance(entry, Mapping):
                continue
            for role, key in (("primary", "primary_public_ip"),
                              ("secondary", "secondary_public_ip")):
                if entry.get(key):
                    found.append((role, str(entry[key])))
        if details.get("service_ip"):
            found.append(("admin", str(details["service_ip"])))
        return found


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_servers


def share_server_list(request: Any, search_opts: dict[str, Any] | None = None
                      ) -> list[ShareServer]:
    """All servers (Manila does not page them), in one call."""
    return base.wrap_all(ShareServer, _manager(request).list(search_opts=search_opts))


def share_server_get(request: Any, server_id: str) -> ShareServer:
    return ShareServer.from_resource(_manager(request).get(server_id))


def share_server_delete(request: Any, server_id: str) -> None:
    _manager(request).delete(server_id)
    base.forget(request)


def share_server_reset_status(request: Any, server_id: str, status: str) -> None:
    _manager(request).reset_state(server_id, status)
    base.forget(request)


def share_server_unmanage(request: Any, server_id: str) -> None:
    _manager(request).unmanage(server_id)
    base.forget(request)


def share_server_manage(request: Any, *, host: str, share_network_id: str,
                        identifier: str, share_network_subnet_id: str | None = None,
                        driver_options: dict[str, str] | None = None) -> ShareServer:
    kwargs: dict[str, Any] = {"driver_options": driver_options or {}}
    if share_network_subnet_id and client.supports(request, "share_network_subnets"):
        kwargs["share_network_subnet_id"] = share_network_subnet_id
    managed = _manager(request).manage(host, share_network_id, identifier, **kwargs)
    base.forget(request)
    return ShareServer.from_resource(managed)


def share_manage_on_server(request: Any, server_id: str, *, service_host: str,
                           protocol: str, export_path: str, share_type: str,
                           name: str | None = None, description: str | None = None,
                           is_public: bool = False,
                           driver_options: dict[str, str] | None = None) -> api_shares.Share:
    """Take over a share a managed share server holds (DHSS=True, 2.49):
    the second step of managing a server and its shares."""
    managed = client.manilaclient(request).shares.manage(
        service_host=service_host, protocol=protocol, export_path=export_path,
        driver_options=driver_options or {}, share_type=share_type, name=name or None,
        description=description or None, is_public=is_public, share_server_id=server_id)
    base.forget(request)
    return api_shares.Share.from_resource(managed)


def shares_on(request: Any, server_id: str) -> list[api_shares.Share]:
    """The shares a server holds (every project's), in one call."""
    page = api_shares.share_list_paged(request, search_opts={"share_server_id": server_id},
                                       page_size=1000, all_projects=True)
    return list(page.items)


# -- migration (2.57, experimental: manilaclient sends Manila's header) ------------

def migration_check(request: Any, server_id: str, host: str, *, writable: bool,
                    nondisruptive: bool, preserve_snapshots: bool,
                    new_share_network_id: str | None = None) -> dict[str, Any]:
    """Manila's answer: ``compatible`` and the requested and supported
    capabilities."""
    answer = _manager(request).migration_check(
        server_id, host, writable, nondisruptive, preserve_snapshots,
        new_share_network_id=new_share_network_id)
    return dict(answer) if isinstance(answer, Mapping) else {}


def migration_start(request: Any, server_id: str, host: str, *, writable: bool,
                    nondisruptive: bool, preserve_snapshots: bool,
                    new_share_network_id: str | None = None) -> None:
    _manager(request).migration_start(server_id, host, writable, nondisruptive,
                                      preserve_snapshots,
                                      new_share_network_id=new_share_network_id)
    base.forget(request)


def migration_complete(request: Any, server_id: str) -> None:
    _manager(request).migration_complete(server_id)
    base.forget(request)


def migration_cancel(request: Any, server_id: str) -> None:
    _manager(request).migration_cancel(server_id)
    base.forget(request)


def migration_progress(request: Any, server_id: str) -> dict[str, Any]:
    """``{"total_progress": int, "task_state": ..., "destination_share_server_id": ...}``."""
    answer = _manager(request).migration_get_progress(server_id)
    return dict(answer) if isinstance(answer, Mapping) else {}


def reset_task_state(request: Any, server_id: str, task_state: str | None) -> None:
    _manager(request).reset_task_state(server_id, task_state)
    base.forget(request)
