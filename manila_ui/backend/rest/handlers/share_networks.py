"""``/share-networks``: list (summary and detail), create, show, update,
delete; the actions are in share_network_actions.py.

Visibility is Manila's: a project sees its own networks (others' are 404),
admins see every one; the list shows an admin's own project unless
``all_tenants`` or ``project_id`` say otherwise.  The API-level policy
checks name their rule in the 403, as Manila's ``check_policy`` does.
"""

from __future__ import annotations

import datetime

import webob

from manila_ui.backend.policies import share_networks as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.common import check_policy
from manila_ui.backend.rest.common import entity
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.common import visible_network
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_networks import ShareNetworkView
from manila_ui.backend.rest.views.share_networks import show_details
from manila_ui.backend.types.queries import NetworkFilters

VIEW = ShareNetworkView()
# Query parameters the list handles itself; the rest filter attributes.
_HANDLED = ("all_tenants", "created_since", "created_before", "limit", "offset",
            "security_service_id", "project_id")












# -- list -------------------------------------------------------------------------

def _date(params: dict[str, str], key: str) -> datetime.datetime | None:
    if key not in params:
        return None
    try:
        return datetime.datetime.strptime(params[key], "%Y-%m-%d")
    except ValueError:
        raise faults.BadRequest(f"{params[key]} is not in yyyy-mm-dd format.") from None


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    check_policy(req, policy.DETAIL if detail else policy.INDEX)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    project: str | None = req.ctx.project_id
    if req.ctx.is_admin:
        if "project_id" in params:
            project = params["project_id"]
        elif query.all_tenants(params):
            project = None
    filters = {key: value for key, value in params.items() if key not in _HANDLED}
    if not show_details(req):
        for key in ("network_type", "segmentation_id"):
            filters.pop(key, None)
    found = req.services.share_networks.list_networks(NetworkFilters(
        project_id=project, security_service_id=params.get("security_service_id"),
        created_since=_date(params, "created_since"),
        created_before=_date(params, "created_before"), attributes=filters,
        like=req.at_least("2.36")))
    page = found[offset:offset + (limit or req.services.conf.osapi_max_limit)]
    return json_response(VIEW.many(req, page, detail))


def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one network --------------------------------------------------------------------

def create(req: ApiRequest) -> webob.Response:
    check_policy(req, policy.CREATE)
    values = entity(req, "share_network")
    network = req.services.share_networks.create(req.ctx.caller(), values,
                                                 with_zone=req.at_least("2.51"))
    return json_response(VIEW.one(req, network))


def show(req: ApiRequest) -> webob.Response:
    check_policy(req, policy.SHOW)
    return json_response(VIEW.one(req, visible_network(req, req.url_args["share_network_id"])))


def update(req: ApiRequest) -> webob.Response:
    check_policy(req, policy.UPDATE)
    values = entity(req, "share_network")
    network = req.services.share_networks.update(req.url_args["share_network_id"],
                                                 own(req), values)
    return json_response(VIEW.one(req, network))


def delete(req: ApiRequest) -> webob.Response:
    check_policy(req, policy.DELETE)
    req.services.share_networks.delete(req.url_args["share_network_id"], own(req))
    return empty_response(202)
