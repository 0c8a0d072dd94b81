"""``/share-replicas`` (2.11 experimental, GA 2.56): list (``?share_id=``,
Manila's offset/limit), show, create, delete, the actions ``promote``,
``resync``, ``reset_status``, ``reset_replica_state`` and ``force_delete``,
their export locations (2.47) and metadata (2.95).

A member sees and changes the replicas of its project's shares (others are
404); the admin actions are the admins'.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_replicas as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import metadata
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.common import share_for_modification
from manila_ui.backend.rest.common import state_argument
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_replicas import ReplicaExportLocationView
from manila_ui.backend.rest.views.share_replicas import ReplicaView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_instances import REPLICA_STATES
from manila_ui.backend.services.share_instances import STATUSES
from manila_ui.backend.services.share_instances import check_state
from manila_ui.backend.services.share_replicas import NewReplica
from manila_ui.backend.services.share_servers import check_network_active
from manila_ui.backend.types.records import ShareInstance
from manila_ui.backend.types.values import decimal

VIEW = ReplicaView()
EL_VIEW = ReplicaExportLocationView()
GA = "2.56"


def _replica(req: ApiRequest, replica_id: str, message: str | None) -> ShareInstance:
    try:
        return req.services.share_replicas.get_replica(replica_id, own(req))
    except errors.NotFound as missing:
        raise faults.NotFound(message or missing.message) from None


# -- list, show --------------------------------------------------------------------

def _list(req: ApiRequest, detail: bool) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    found = req.services.share_replicas.list_replicas(params.get("share_id") or None,
                                                      own(req))
    end = None if limit is None else offset + limit
    return json_response(VIEW.list_view(req, found[offset:end], detail))


@api_version("2.11", experimental_until=GA)
def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


@api_version("2.11", experimental_until=GA)
def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


@api_version("2.11", experimental_until=GA)
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    replica_id = req.url_args["share_replica_id"]
    replica = _replica(req, replica_id, f"Replica {replica_id} not found.")
    return json_response({"share_replica": VIEW.detail(req, replica)})


# -- create, delete ------------------------------------------------------------------

@api_version("2.11", experimental_until=GA)
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = req.json_body()
    entity = body.get("share_replica") if isinstance(body, dict) else None
    if not isinstance(entity, dict):
        raise faults.UnprocessableEntity(
            "Body does not contain 'share_replica' information.")
    share_id = entity.get("share_id")
    if not share_id:
        raise faults.BadRequest("Must provide Share ID to add replica.")
    if not isinstance(share_id, str):
        raise faults.NotFound(f"No share exists with ID {share_id}.")
    try:
        share = share_for_modification(req, share_id)
    except faults.NotFound:
        raise faults.NotFound(f"No share exists with ID {share_id}.") from None
    if share.is_soft_deleted:
        raise faults.Forbidden(f"Replica cannot be created for share '{share_id}' "
                               "since it has been soft deleted.")
    network_id = entity.get("share_network_id")
    if network_id and not req.at_least("2.72"):
        raise faults.BadRequest(
            "'share_network_id' option is not supported by this microversion. Use "
            "2.72 or greater microversion to be able to use 'share_network_id'.")
    network_id = network_id or share.share_network_id
    if network_id:
        try:
            network = req.services.share_networks.get(str(network_id), own(req))
        except errors.NotFound:
            raise faults.BadRequest(
                f"No share network exists with ID {network_id}.") from None
        check_network_active(network)
    hints = entity.get("scheduler_hints") if req.at_least("2.67") else None
    if hints is not None and not isinstance(hints, dict):
        raise faults.BadRequest("Invalid input received: Arg 'scheduler_hints' "
                                "supports only 'only_host' key.")
    items: dict[str, Any] = {}
    if req.at_least("2.95"):
        items = entity.get("metadata") or {}
        if not isinstance(items, dict):
            raise faults.BadRequest("Malformed request body")
    zone = entity.get("availability_zone")
    if zone is not None and not isinstance(zone, str):
        raise faults.BadRequest(f"Availability zone {zone} could not be found.")
    replica = req.services.share_replicas.create_replica(
        share, NewReplica(availability_zone=zone or None,
                          share_network_id=str(network_id) if network_id else None,
                          scheduler_hints=hints, metadata=items),
        req.ctx.request_id)
    return json_response({"share_replica": VIEW.detail(req, replica)}, 202)


@api_version("2.11", experimental_until=GA)
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    replica_id = req.url_args["share_replica_id"]
    replica = _replica(req, replica_id, f"No replica exists with ID {replica_id}.")
    req.services.share_replicas.delete_replica(replica, False, req.ctx.request_id)
    return empty_response(202)


# -- actions --------------------------------------------------------------------------

def promote(req: ApiRequest, replica_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.PROMOTE)
    replica = _replica(req, replica_id, f"No replica exists with ID {replica_id}.")
    if replica.share_network_id:
        try:
            check_network_active(req.services.share_networks.get(
                replica.share_network_id, None))
        except errors.NotFound:
            pass
    if replica.replica_state == "active":
        return empty_response(200)
    if req.at_least("2.75"):
        argument = body["promote"] or {}
        wait = argument.get("quiesce_wait_time") if isinstance(argument, dict) else None
        if wait and (isinstance(wait, bool) or decimal(
                wait if isinstance(wait, str) else str(wait), 1) is None):
            raise faults.BadRequest(
                "quiesce_wait_time must be an integer and greater than 0.")
    promoted = req.services.share_replicas.promote(replica, bool(req.ctx.is_admin),
                                                   req.ctx.request_id)
    if promoted is None:
        return empty_response(200)
    return json_response({"share_replica": VIEW.detail(req, promoted)}, 202)


def resync(req: ApiRequest, replica_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESYNC)
    replica = _replica(req, replica_id, f"No replica exists with ID {replica_id}.")
    if not req.services.share_replicas.resync(replica, req.ctx.request_id):
        return empty_response(200)
    return empty_response(202)


def _admin_replica(req: ApiRequest, replica_id: str) -> ShareInstance:
    return _replica(req, replica_id, f"Share Replica {replica_id} could not be found.")


def reset_status(req: ApiRequest, replica_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    status = check_state(state_argument(body, "status"), STATUSES)
    replica = _admin_replica(req, replica_id)
    req.services.share_instances.reset_status(replica.id, status)
    return empty_response(202)


def reset_replica_state(req: ApiRequest, replica_id: str, body: dict[str, Any]
                        ) -> webob.Response:
    req.authorize(policy.RESET_REPLICA_STATE)
    req.authorize(policy.RESET_STATUS)
    state = check_state(state_argument(body, "replica_state"), REPLICA_STATES)
    replica = _admin_replica(req, replica_id)
    if replica.replica_state == "active":
        raise faults.BadRequest("Cannot reset replica_state of an active replica")
    req.services.share_replicas.reset_replica_state(replica.id, state)
    return empty_response(202)


def force_delete(req: ApiRequest, replica_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.FORCE_DELETE)
    replica = _admin_replica(req, replica_id)
    req.services.share_replicas.delete_replica(replica, True, req.ctx.request_id)
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    name: Action(handler, "2.11", experimental_until=GA) for name, handler in (
        ("promote", promote), ("resync", resync), ("reset_status", reset_status),
        ("reset_replica_state", reset_replica_state), ("force_delete", force_delete))
}


# -- export locations (2.47) ----------------------------------------------------------

@api_version("2.47", experimental_until=GA)
def export_locations(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EL_INDEX)
    replica_id = req.url_args["share_replica_id"]
    replica = _replica(req, replica_id, f"Share replica '{replica_id}' not found.")
    found = req.services.share_instances.export_locations(replica.id,
                                                          bool(req.ctx.is_admin))
    return json_response({"export_locations": [
        EL_VIEW.replica_one(req, el, replica, detail=False) for el in found]})


@api_version("2.47", experimental_until=GA)
def export_location(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EL_SHOW)
    replica_id = req.url_args["share_replica_id"]
    _replica(req, replica_id, f"Share replica '{replica_id}' not found.")
    el_id = req.url_args["export_location_id"]
    try:
        el = req.services.share_instances.export_location(el_id)
        owner = req.services.share_instances.get(el.share_instance_id or "")
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return json_response({"export_location": EL_VIEW.replica_one(req, el, owner,
                                                                 detail=True)})


# -- metadata (2.95) ----------------------------------------------------------------

def _metadata_owner(req: ApiRequest, modify: bool) -> str:
    try:
        return req.services.share_replicas.get_replica(
            req.url_args["share_replica_id"], own(req)).id
    except errors.NotFound:
        raise faults.NotFound("Share_replica not found.") from None


METADATA = metadata.Resource(
    policy.GET_METADATA, policy.UPDATE_METADATA, policy.DELETE_METADATA,
    find=_metadata_owner,
    read=lambda req, replica_id: req.services.share_replicas.metadata(replica_id),
    write=lambda req, replica_id, items, replace: metadata.service_errors(
        lambda: req.services.share_replicas.set_metadata(replica_id, items, replace)),
    remove=lambda req, replica_id, key: metadata.service_errors(
        lambda: req.services.share_replicas.delete_metadata(replica_id, key)),
    merge_answers_all=False, item_key="metadata")


def routes() -> dict[str, dict[str, Any]]:
    """The metadata routes (2.95)."""
    def versioned(handler: Any) -> Any:
        return api_version("2.95")(lambda req: handler(req))
    served = "/share-replicas/{share_replica_id}/metadata"
    return {
        served: {"GET": versioned(METADATA.index), "POST": versioned(METADATA.create),
                 "PUT": versioned(METADATA.replace)},
        served + "/{key}": {"GET": versioned(METADATA.show),
                            "POST": versioned(METADATA.update_item),
                            "DELETE": versioned(METADATA.delete)},
    }
