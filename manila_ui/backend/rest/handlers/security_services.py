"""``/security-services``: list (summary and detail), create, show,
update, delete.

Manila's visibility: any user may fetch a service by id, but the policy on
it refuses other projects (403, not 404); lists show the caller's project,
every project for admins asking ``all_tenants``, or one share network's.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import security_services as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.common import check_policy
from manila_ui.backend.rest.common import entity
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.security_services import SecurityServiceView
from manila_ui.backend.services import errors
from manila_ui.backend.services.security_services import SEARCH_KEYS
from manila_ui.backend.types.queries import SecurityServiceFilters
from manila_ui.backend.types.records import SecurityService

VIEW = SecurityServiceView()


def _target(service: SecurityService) -> dict[str, Any]:
    return {"project_id": service.project_id}


def _found(req: ApiRequest, service_id: str) -> SecurityService:
    try:
        return req.services.security_services.get(service_id)
    except errors.NotFound:
        raise faults.NotFound() from None


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    check_policy(req, policy.DETAIL if detail else policy.INDEX)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    params.pop("status", None)
    network_id = params.pop("share_network_id", None)
    project: str | None = req.ctx.project_id
    if network_id is None and query.all_tenants(params) and req.allowed(
            policy.GET_ALL, req.ctx.policy_target()):
        project = None
    params.pop("all_tenants", None)
    # As Manila 23: an admin's unknown keys stay filters, ``limit`` and
    # ``offset`` too, so an admin's paged listing is empty; others' are paged.
    if not req.ctx.is_admin:
        params = {key: value for key, value in params.items() if key in SEARCH_KEYS}
    found = req.services.security_services.list_services(
        SecurityServiceFilters(project_id=project, share_network_id=network_id,
                               attributes=params),
        network_project=own(req))
    page = found[offset:offset + (limit or req.services.conf.osapi_max_limit)]
    if not detail:
        return json_response({"security_services": [VIEW.summary(req, s) for s in page]})
    networks = req.services.security_services.networks_of([s.id for s in page])
    views = []
    for service in page:
        view = VIEW.detail(req, service)
        view["share_networks"] = networks.get(service.id, [])
        views.append(view)
    return json_response({"security_services": views})


def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


def create(req: ApiRequest) -> webob.Response:
    check_policy(req, policy.CREATE)
    values = entity(req, "security_service")
    service = req.services.security_services.create(req.ctx.caller(), values,
                                                    req.at_least("2.76"))
    return json_response({"security_service": VIEW.detail(req, service)})


def show(req: ApiRequest) -> webob.Response:
    service = _found(req, req.url_args["security_service_id"])
    req.authorize(policy.SHOW, _target(service))
    return json_response({"security_service": VIEW.detail(req, service)})


def update(req: ApiRequest) -> webob.Response:
    values = entity(req, "security_service")
    service = _found(req, req.url_args["security_service_id"])
    req.authorize(policy.UPDATE, _target(service))
    updated = req.services.security_services.update(service, values, req.at_least("2.76"))
    return json_response({"security_service": VIEW.detail(req, updated)})


def delete(req: ApiRequest) -> webob.Response:
    service = _found(req, req.url_args["security_service_id"])
    req.services.security_services.check_deletable(service.id)
    req.authorize(policy.DELETE, _target(service))
    req.services.security_services.delete(service.id)
    return empty_response(202)
