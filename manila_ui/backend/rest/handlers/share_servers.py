"""``/share-servers`` (admin): list, show, details, delete, manage (2.49)
and the actions ``reset_status`` and ``unmanage`` (2.49)."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_servers as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_servers import ShareServerView
from manila_ui.backend.services.share_servers import STATUSES
from manila_ui.backend.services.share_servers import ManagedServer

VIEW = ShareServerView()
# List filters (Manila's are attribute filters on the server rows).
_FILTERS = {"share_network_id": "share_network_id", "host": "host", "status": "status",
            "project_id": "project_id", "identifier": "identifier",
            "share_network_subnet_id": "subnet_id", "share_network": "share_network_id"}


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    filters = {target: req.GET[key] for key, target in _FILTERS.items() if key in req.GET}
    found = req.services.share_servers.list_all(**filters)
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


ACTIONS: dict[str, Action] = {
    "reset_status": Action(reset_status, "2.49"),
    "unmanage": Action(unmanage, "2.49"),
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
