"""``POST /share-networks/{id}/action``: security services (add, remove;
from 2.63 replace and the ``*_check`` variants), ``reset_status`` (admin,
2.63) and ``share_network_subnet_create_check`` (2.70).

As in Manila, the network is looked up before the policy check on it, and
a network the caller cannot see is a 404 whose message carries the
exception's name.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_networks as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import network_target
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_networks import ShareNetworkView
from manila_ui.backend.rest.views.share_networks import check_view
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_network_updates import Visible
from manila_ui.backend.services.share_networks import STATUSES
from manila_ui.backend.types.records import ShareNetwork

VIEW = ShareNetworkView()


def _network(req: ApiRequest, network_id: str, rule: str) -> ShareNetwork:
    try:
        network = req.services.share_networks.get(network_id, own(req))
    except errors.NotFound as missing:
        raise faults.NotFound(f"ShareNetworkNotFound: {missing.message}") from None
    req.authorize(rule, network_target(network))
    return network


def _argument(body: dict[str, Any], name: str, malformed: str) -> dict[str, Any]:
    argument = body.get(name)
    if not isinstance(argument, dict):
        raise faults.BadRequest(malformed)
    return argument


def _reset(argument: dict[str, Any]) -> bool:
    if "reset_operation" not in argument:
        return False
    try:
        return query.strict_bool(argument["reset_operation"], "reset_operation")
    except faults.BadRequest:
        raise faults.BadRequest(
            f"Invalid value {argument['reset_operation']} for parameter reset_operation,"
            " value must be either True or False.") from None


def _who(req: ApiRequest) -> Visible:
    return Visible(project_id=own(req))


def add_security_service(req: ApiRequest, network_id: str,
                         body: dict[str, Any]) -> webob.Response:
    network = _network(req, network_id, policy.ADD_SECURITY_SERVICE)
    argument = _argument(body, "add_security_service", "Malformed request body")
    if "security_service_id" not in argument:
        raise faults.BadRequest("Malformed request body")
    found = req.services.share_network_updates.add_security_service(
        network.id, _who(req), str(argument["security_service_id"]),
        in_use_allowed=req.at_least("2.63"))
    return json_response(VIEW.one(req, found))


def remove_security_service(req: ApiRequest, network_id: str,
                            body: dict[str, Any]) -> webob.Response:
    network = _network(req, network_id, policy.REMOVE_SECURITY_SERVICE)
    argument = _argument(body, "remove_security_service", "Malformed request body")
    if "security_service_id" not in argument:
        raise faults.BadRequest("Malformed request body")
    found = req.services.share_network_updates.remove_security_service(
        network.id, _who(req), str(argument["security_service_id"]))
    return json_response(VIEW.one(req, found))


def _pair(argument: dict[str, Any]) -> tuple[str, str]:
    if "current_service_id" not in argument or "new_service_id" not in argument:
        raise faults.BadRequest("Malformed request body.")
    return str(argument["current_service_id"]), str(argument["new_service_id"])


def update_security_service(req: ApiRequest, network_id: str,
                            body: dict[str, Any]) -> webob.Response:
    network = _network(req, network_id, policy.UPDATE_SECURITY_SERVICE)
    current, new = _pair(_argument(body, "update_security_service",
                                   "Malformed request body."))
    found = req.services.share_network_updates.update_security_service(
        network.id, _who(req), current, new)
    return json_response(VIEW.one(req, found), 202)


def _operation(argument: dict[str, Any], current: str | None) -> dict[str, Any]:
    return {"operation": "update_security_service" if current
            else "add_security_service",
            "current_security_service": current,
            "new_security_service": argument.get("new_service_id")
            or argument.get("security_service_id")}


def update_security_service_check(req: ApiRequest, network_id: str,
                                  body: dict[str, Any]) -> webob.Response:
    network = _network(req, network_id, policy.UPDATE_SECURITY_SERVICE_CHECK)
    argument = _argument(body, "update_security_service_check", "Malformed request body.")
    current, new = _pair(argument)
    compatible, hosts = req.services.share_network_updates.check_security_service(
        network.id, _who(req), new, current, _reset(argument))
    return json_response(check_view(req, compatible, hosts,
                                    _operation(argument, current)), 202)


def add_security_service_check(req: ApiRequest, network_id: str,
                               body: dict[str, Any]) -> webob.Response:
    network = _network(req, network_id, policy.ADD_SECURITY_SERVICE_CHECK)
    argument = _argument(body, "add_security_service_check", "Malformed request body.")
    if "security_service_id" not in argument:
        raise faults.BadRequest("Malformed request body.")
    compatible, hosts = req.services.share_network_updates.check_security_service(
        network.id, _who(req), str(argument["security_service_id"]), None,
        _reset(argument))
    return json_response(check_view(req, compatible, hosts,
                                    _operation(argument, None)), 202)


def reset_status(req: ApiRequest, network_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    argument = body.get("reset_status")
    status = argument.get("status") if isinstance(argument, dict) else None
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    if status not in STATUSES:
        raise faults.BadRequest(f"Invalid state. Valid states: {', '.join(STATUSES)}.")
    try:
        network = req.services.share_networks.get(network_id)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    req.authorize(policy.RESET_STATUS, network_target(network))
    req.services.share_networks.reset_status(network.id, status)
    return empty_response(202)


def subnet_create_check(req: ApiRequest, network_id: str,
                        body: dict[str, Any]) -> webob.Response:
    argument = body.get("share_network_subnet_create_check")
    if not isinstance(argument, dict):
        raise faults.BadRequest("Share Network Subnet Create Check is missing from the "
                                "request body.")
    req.authorize(policy.SUBNET_CREATE_CHECK, req.ctx.policy_target())
    compatible, hosts = req.services.share_network_updates.subnet_create_check(
        network_id, _who(req), argument, _reset(argument))
    return json_response(check_view(req, compatible, hosts), 202)


ACTIONS: dict[str, Action] = {
    "add_security_service": Action(add_security_service),
    "remove_security_service": Action(remove_security_service),
    "update_security_service": Action(update_security_service, "2.63"),
    "update_security_service_check": Action(update_security_service_check, "2.63"),
    "add_security_service_check": Action(add_security_service_check, "2.63"),
    "reset_status": Action(reset_status, "2.63"),
    "share_network_subnet_create_check": Action(subnet_create_check, "2.70"),
}
