"""``/share_instances`` (2.3, admins): list, show, a share's instances,
their export locations (2.9), and the admin actions ``reset_status`` and
``force_delete``.

Manila serves these unpaged, in creation order; its list filters are
``export_location_id`` / ``export_location_path`` (2.35), ``is_soft_deleted``
(2.69), and ``host``, ``status``, ``share_server_id``, which reach its
database query as they are.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_instances as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import state_argument
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.export_locations import ExportLocationView
from manila_ui.backend.rest.views.share_instances import ShareInstanceView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_instances import STATUSES
from manila_ui.backend.services.share_instances import check_state
from manila_ui.backend.types.queries import ShareInstanceFilters
from manila_ui.backend.types.records import ShareInstance

VIEW = ShareInstanceView()
EL_VIEW = ExportLocationView()


def _render(req: ApiRequest, instances: list[ShareInstance]) -> dict[str, Any]:
    paths = None
    if not req.at_least("2.9"):
        paths = req.services.share_instances.export_paths([i.id for i in instances])
    return VIEW.detail_list(req, instances, paths)


def _filters(req: ApiRequest) -> ShareInstanceFilters:
    params = req.GET
    f = ShareInstanceFilters(host=params.get("host") or None,
                             status=params.get("status") or None,
                             share_server_id=params.get("share_server_id") or None)
    if req.at_least("2.35"):
        f.export_location_id = params.get("export_location_id") or None
        f.export_location_path = params.get("export_location_path") or None
    if "is_soft_deleted" in params:
        if req.at_least("2.69"):
            f.is_soft_deleted = query.strict_bool(params["is_soft_deleted"],
                                                  "is_soft_deleted")
        else:
            # Below 2.69 Manila's query takes any text as true.
            f.is_soft_deleted = bool(params["is_soft_deleted"])
    return f


@api_version("2.3")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    return json_response(_render(req, req.services.share_instances.list_all(
        _filters(req))))


def _instance(req: ApiRequest, instance_id: str) -> ShareInstance:
    try:
        return req.services.share_instances.get(instance_id)
    except errors.NotFound:
        raise faults.NotFound() from None


@api_version("2.3")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    instance = _instance(req, req.url_args["share_instance_id"])
    return json_response({"share_instance": _render(req, [instance])["share_instances"][0]})


@api_version("2.3")
def for_share(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    share = visible_share(req, req.url_args["share_id"])
    return json_response(_render(req, req.services.share_instances.for_share(share.id)))


# -- export locations (2.9) -------------------------------------------------------

def _located(req: ApiRequest) -> ShareInstance:
    instance_id = req.url_args["share_instance_id"]
    try:
        return req.services.share_instances.get(instance_id)
    except errors.NotFound:
        raise faults.NotFound(f"Share instance '{instance_id}' not found.") from None


@api_version("2.9")
def export_locations(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EL_INDEX)
    instance = _located(req)
    found = req.services.share_instances.export_locations(instance.id)
    return json_response({"export_locations": [EL_VIEW.one(req, el, detail=False)
                                               for el in found]})


@api_version("2.9")
def export_location(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EL_SHOW)
    _located(req)
    el_id = req.url_args["export_location_id"]
    try:
        el = req.services.share_instances.export_location(el_id)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return json_response({"export_location": EL_VIEW.one(req, el, detail=True)})


# -- admin actions ----------------------------------------------------------------

def reset_status(req: ApiRequest, instance_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    status = check_state(state_argument(body, "status"), STATUSES)
    try:
        req.services.share_instances.reset_status(instance_id, status)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return empty_response(202)


def force_delete(req: ApiRequest, instance_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.FORCE_DELETE)
    try:
        req.services.share_instances.force_delete(instance_id, req.ctx.request_id)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "reset_status": Action(reset_status, "2.7"),
    "os-reset_status": Action(reset_status, "2.3", "2.6"),
    "force_delete": Action(force_delete, "2.7"),
    "os-force_delete": Action(force_delete, "2.3", "2.6"),
}
