"""``/share-networks/{id}/subnets`` (2.51): list, create (the body key is
hyphenated: ``share-network-subnet``), show, delete, and their metadata
(2.78).  Adding a subnet where share servers already are (2.70) goes
through the checked update flow."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_network_subnets as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import metadata
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.common import visible_network
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_networks import SubnetView
from manila_ui.backend.services import errors
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.share_network_updates import Visible

VIEW = SubnetView()


@api_version("2.51")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    network = visible_network(req, req.url_args["share_network_id"])
    return json_response({"share_network_subnets": [
        VIEW.detail(req, subnet) for subnet in network.subnets]})


@api_version("2.51")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    subnet = req.services.share_networks.subnet(
        req.url_args["share_network_id"], req.url_args["share_network_subnet_id"],
        own(req), any_network=True)
    return json_response({"share_network_subnet": VIEW.detail(req, subnet)})


@api_version("2.51")
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = req.json_body()
    data = body.get("share-network-subnet") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        raise faults.BadRequest("Share Network Subnet is missing from the request body.")
    items: dict[str, Any] = {}
    if req.at_least("2.78") and data.get("metadata"):
        items = data["metadata"]
        if not isinstance(items, dict):
            raise faults.BadRequest("Malformed request body")
        check_metadata(items)
    network_id = req.url_args["share_network_id"]
    networks = req.services.share_networks
    subnet = networks.add_subnet(network_id, own(req), data, items,
                                 multiple=req.at_least("2.70"))
    if subnet is None:   # servers there must get addresses on it (2.70)
        subnet = req.services.share_network_updates.add_subnet_to_servers(
            network_id, Visible(own(req)), data, items)
    found = networks.subnet(network_id, subnet.id, own(req))
    return json_response({"share_network_subnet": VIEW.detail(req, found)})


@api_version("2.51")
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    req.services.share_networks.delete_subnet(
        req.url_args["share_network_id"], req.url_args["share_network_subnet_id"],
        own(req))
    return empty_response(202)


def _find(req: ApiRequest, modify: bool) -> str:
    try:
        return req.services.share_networks.subnet(
            req.url_args["share_network_id"], req.url_args["share_network_subnet_id"],
            own(req)).id
    except errors.NotFound:
        # Manila's generic metadata controller: the same words whichever is missing.
        raise faults.NotFound("Share_network_subnet not found.") from None


SUBNETS = metadata.Resource(
    policy.GET_METADATA, policy.UPDATE_METADATA, policy.DELETE_METADATA,
    find=_find,
    read=lambda req, subnet_id: req.services.share_networks.subnet_metadata(subnet_id),
    write=lambda req, subnet_id, items, replace: (
        req.services.share_networks.set_subnet_metadata(subnet_id, items, replace)),
    remove=lambda req, subnet_id, key: req.services.share_networks.delete_subnet_metadata(
        subnet_id, key),
    item_key="metadata")


def routes() -> dict[str, dict[str, Any]]:
    base = "/share-networks/{share_network_id}/subnets"
    subnet = base + "/{share_network_subnet_id}"
    since = api_version("2.78")

    def versioned(handler: Any) -> Any:
        return since(lambda req: handler(req))

    return {
        base: {"GET": index, "POST": create},
        subnet: {"GET": show, "DELETE": delete},
        subnet + "/metadata": {"GET": versioned(SUBNETS.index),
                               "POST": versioned(SUBNETS.create),
                               "PUT": versioned(SUBNETS.replace)},
        # No PUT on one key: Manila routes none (a plain 404).
        subnet + "/metadata/{key}": {"GET": versioned(SUBNETS.show),
                                     "POST": versioned(SUBNETS.update_item),
                                     "DELETE": versioned(SUBNETS.delete)},
    }
