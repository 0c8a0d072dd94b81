"""``/share-servers`` (admin): list, show, details, delete, manage (2.49),
the actions ``reset_status`` and ``unmanage`` (2.49) and the migration
actions (2.57, experimental in Manila 23)."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_migration as migration_policy
from manila_ui.backend.policies import share_servers as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_servers import ShareServerView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_server_migration import TASK_STATES
from manila_ui.backend.services.share_server_migration import ServerMigrationRequest
from manila_ui.backend.services.share_servers import ROW_FILTERS
from manila_ui.backend.services.share_servers import STATUSES
from manila_ui.backend.services.share_servers import ManagedServer
from manila_ui.backend.services.share_servers import check_network_active
from manila_ui.backend.types.records import ShareServer

VIEW = ShareServerView()
# What Manila's share_server_get_all_with_filters knows; any other key
# makes the list empty.
_NETWORK_FILTERS = {"project_id": "project_id", "share_network": "share_network",
                    "share_network_id": "share_network_id",
                    "share_network_subnet_id": "subnet_id"}
_BOOLEAN_FILTERS = ("is_auto_deletable", "security_service_update_support",
                    "network_allocation_update_support")
# PostgreSQL's boolean literals (Manila compares the string in SQL).
_TRUE = ("t", "true", "y", "yes", "on", "1")
_FALSE = ("f", "false", "n", "no", "off", "0")


def _filters(req: ApiRequest) -> dict[str, Any] | None:
    """The list's filters, or None when nothing can match."""
    found: dict[str, Any] = {}
    for key in req.GET:
        value = req.GET[key]
        if key in _NETWORK_FILTERS:
            found[_NETWORK_FILTERS[key]] = value or None
        elif key in _BOOLEAN_FILTERS:
            text = value.strip().lower()
            if text not in _TRUE + _FALSE:
                return None   # Manila's database refuses it (a 500 there)
            found[key] = text in _TRUE
        elif key in ROW_FILTERS:
            found[key] = value
        elif key != "deleted" or value != "False":
            # Unknown, a deleted server (none is listed) or an encryption
            # key (no server has one here).
            return None
    return found


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    filters = _filters(req)
    found = [] if filters is None else req.services.share_servers.list_all(**filters)
    return json_response({"share_servers": [VIEW.build(req, server) for server in found]})


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    server = req.services.share_servers.get(req.url_args["share_server_id"])
    if server.share_network_name is None and server.project_id is None:
        raise faults.NotFound("Share server could not be found. Its associated share "
                              "network does not exist.")
    return json_response({"share_server": VIEW.build(req, server, detail=True)})


def details(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DETAILS)
    server = req.services.share_servers.get(req.url_args["share_server_id"])
    return json_response({"details": dict(server.backend_details)})


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    req.services.share_servers.delete(req.url_args["share_server_id"], req.ctx.request_id)
    return empty_response(202)


def reset_status(req: ApiRequest, server_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    argument = body.get("reset_status", body.get("os-reset_status"))
    status = argument.get("status") if isinstance(argument, dict) else None
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    if status not in STATUSES:
        raise faults.BadRequest(f"Invalid state. Valid states: {', '.join(STATUSES)}.")
    req.services.share_servers.reset_status(server_id, status)
    return empty_response(202)


def unmanage(req: ApiRequest, server_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.UNMANAGE)
    req.services.share_servers.unmanage(server_id, req.ctx.request_id)
    return empty_response(202)


# -- migration (2.57, experimental) ---------------------------------------------

_MANDATORY = ["writable", "nondisruptive", "preserve_snapshots", "host"]


def _server(req: ApiRequest, server_id: str) -> ShareServer:
    try:
        return req.services.share_servers.get(server_id)
    except errors.NotFound as missing:
        raise faults.NotFound(str(missing)) from None


def _migration_request(req: ApiRequest, server: ShareServer, body: dict[str, Any],
                       name: str) -> ServerMigrationRequest:
    """Manila's checks of migration_check and migration_start, in its order."""
    params = body.get(name)
    if not params:
        raise faults.BadRequest("Request is missing body.")
    if not isinstance(params, dict) or any(key not in params for key in _MANDATORY):
        raise faults.BadRequest(f"Must specify all mandatory parameters: {_MANDATORY}")
    flags = {key: query.strict_bool(params[key], key) for key in _MANDATORY[:3]}
    host = params["host"]
    if not isinstance(host, str):
        raise faults.BadRequest(f"Invalid value {host} for host.")
    if len(host.split("#")) > 1:
        raise faults.BadRequest("The destination host can not contain pool information.")
    network_id = params.get("new_share_network_id")
    new_network = None
    if network_id:
        try:
            new_network = req.services.share_networks.get(str(network_id))
        except errors.NotFound:
            raise faults.BadRequest(f"Share network {network_id} not found.") from None
        check_network_active(new_network)
    else:
        check_network_active(req.services.share_networks.get(server.share_network_id))
    return ServerMigrationRequest(host=host, new_share_network=new_network, **flags)


def migration_check(req: ApiRequest, server_id: str, body: dict[str, Any]
                    ) -> webob.Response:
    req.authorize(migration_policy.SERVER_CHECK)
    server = _server(req, server_id)
    migration = _migration_request(req, server, body, "migration_check")
    result = req.services.share_server_migration.check(server.id, migration)
    params = body["migration_check"]
    return json_response({
        "compatible": result["compatible"],
        "requested_capabilities": {
            "writable": params["writable"], "nondisruptive": params["nondisruptive"],
            "preserve_snapshots": params["preserve_snapshots"],
            # Manila reads it unchecked (a 500 when it is missing).
            "share_network_id": params.get("new_share_network_id"),
            "host": params["host"]},
        "supported_capabilities": {key: result[key] for key in (
            "writable", "nondisruptive", "preserve_snapshots", "share_network_id",
            "migration_cancel", "migration_get_progress")},
    })


def migration_start(req: ApiRequest, server_id: str, body: dict[str, Any]
                    ) -> webob.Response:
    req.authorize(migration_policy.SERVER_START)
    server = _server(req, server_id)
    migration = _migration_request(req, server, body, "migration_start")
    req.services.share_server_migration.start(server.id, migration, req.ctx.request_id)
    return empty_response(202)


def migration_complete(req: ApiRequest, server_id: str, body: dict[str, Any]
                       ) -> webob.Response:
    req.authorize(migration_policy.SERVER_COMPLETE)
    server = _server(req, server_id)
    dest = req.services.share_server_migration.complete(server.id, req.ctx.request_id)
    return json_response({"destination_share_server_id": dest})


def migration_cancel(req: ApiRequest, server_id: str, body: dict[str, Any]
                     ) -> webob.Response:
    req.authorize(migration_policy.SERVER_CANCEL)
    server = _server(req, server_id)
    req.services.share_server_migration.cancel(server.id, req.ctx.request_id)
    return empty_response(202)


def migration_get_progress(req: ApiRequest, server_id: str, body: dict[str, Any]
                           ) -> webob.Response:
    req.authorize(migration_policy.SERVER_GET_PROGRESS)
    result = req.services.share_server_migration.progress(server_id)
    return json_response({key: result[key] for key in (
        "total_progress", "task_state", "destination_share_server_id")})


def reset_task_state(req: ApiRequest, server_id: str, body: dict[str, Any]
                     ) -> webob.Response:
    req.authorize(migration_policy.SERVER_RESET_TASK_STATE)
    argument = body.get("reset_task_state", body.get("os-reset_task_state"))
    if not isinstance(argument, dict) or "task_state" not in argument:
        raise faults.BadRequest("Must specify 'task_state'")
    if argument["task_state"] not in TASK_STATES:
        raise faults.BadRequest("Invalid state. Valid states: "
                                f"{', '.join(str(s) for s in TASK_STATES)}.")
    server = _server(req, server_id)
    req.authorize(policy.RESET_STATUS)
    req.services.share_server_migration.reset_task_state(server.id,
                                                         argument["task_state"])
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "reset_status": Action(reset_status, "2.49"),
    "unmanage": Action(unmanage, "2.49"),
    "migration_check": Action(migration_check, "2.57", experimental=True),
    "migration_start": Action(migration_start, "2.57", experimental=True),
    "migration_complete": Action(migration_complete, "2.57", experimental=True),
    "migration_cancel": Action(migration_cancel, "2.57", experimental=True),
    "migration_get_progress": Action(migration_get_progress, "2.57", experimental=True),
    "reset_task_state": Action(reset_task_state, "2.57", experimental=True),
}


@api_version("2.49")
def manage(req: ApiRequest) -> webob.Response:
    req.authorize(policy.MANAGE)
    body = req.json_body()
    data = body.get("share_server") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise faults.UnprocessableEntity("Share Server entity not found in request body")
    for name in ("host", "share_network_id", "identifier"):
        if name not in data:
            raise faults.BadRequest(f"Required parameter {name} not found")
        if not data.get(name):
            raise faults.BadRequest(f"Required parameter {name} is empty")
    options = data.get("driver_options")
    if options is not None and not isinstance(options, dict):
        raise faults.BadRequest("Driver options must be in dictionary format.")
    subnet = data.get("share_network_subnet_id") if req.at_least("2.51") else None
    server = req.services.share_servers.manage(ManagedServer(
        host=str(data["host"]), share_network_id=str(data["share_network_id"]),
        identifier=str(data["identifier"]),
        share_network_subnet_id=str(subnet) if subnet else None,
        driver_options=options or {}), req.ctx.request_id)
    return json_response({"share_server": VIEW.build(req, server, detail=True)}, 202)
