"""``POST /shares/{share_id}/action`` and ``POST /shares/manage``.

Each action reads: API-level policy → body schema → the share (404 when
the caller cannot see it) → the policy on that share → the service, whose
refusals carry Manila's messages.  The access-rule actions are
share_access.ACTIONS; the router serves both tables on one URL.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import shares as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import entity
from manila_ui.backend.rest.common import share_for_modification
from manila_ui.backend.rest.common import share_target
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import share_actions as schema
from manila_ui.backend.rest.validation import validate_body
from manila_ui.backend.rest.views.shares import ShareView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_manage import ManagedShare
from manila_ui.backend.types.records import Share

VIEW = ShareView()


def _share(req: ApiRequest, share_id: str, message: str | None = None) -> Share:
    try:
        return visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound(message) from None


def _resize(req: ApiRequest, share_id: str, body: dict[str, Any]) -> tuple[Share, int]:
    (name,) = body
    try:
        new_size = int(body[name]["new_size"])
    except (KeyError, ValueError, TypeError):
        raise faults.BadRequest(
            "New share size must be specified as an integer.") from None
    return _share(req, share_id, "Resource could not be found."), new_size


def extend(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    if req.at_least("2.64"):
        validate_body(schema.extend_v264, body)
    else:
        validate_body(schema.extend if "extend" in body else schema.extend_legacy, body)
    req.authorize(policy.EXTEND)
    share, new_size = _resize(req, share_id, body)
    force = False
    if req.at_least("2.64") and "force" in body["extend"]:
        force = query.strict_bool(body["extend"]["force"], "force")
    req.authorize(policy.FORCE_EXTEND if force else policy.EXTEND, share_target(share))
    req.services.share_actions.extend(
        share.id, new_size, force,
        beyond_max_size=req.allowed(policy.EXTEND_BEYOND_MAX_SIZE, share_target(share)),
        request_id=req.ctx.request_id)
    return empty_response(202)


def shrink(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    validate_body(schema.shrink if "shrink" in body else schema.shrink_legacy, body)
    req.authorize(policy.SHRINK)
    share, new_size = _resize(req, share_id, body)
    req.authorize(policy.SHRINK, share_target(share))
    req.services.share_actions.shrink(share.id, new_size, req.ctx.request_id)
    return empty_response(202)


def revert(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    validate_body(schema.revert, body)
    req.authorize(policy.REVERT_TO_SNAPSHOT)
    share = _share(req, share_id, "NotFound: Resource could not be found.")
    snapshot_id = body["revert"]["snapshot_id"]
    try:
        snapshot = req.services.snapshots.get(snapshot_id)
    except errors.NotFound:
        raise faults.BadRequest(f"Snapshot {snapshot_id} could not be found.") from None
    if snapshot.project_id != share.project_id and not req.ctx.is_admin:
        raise faults.BadRequest(f"Snapshot {snapshot_id} could not be found.")
    req.authorize(policy.REVERT_TO_SNAPSHOT, share_target(share))
    req.services.share_actions.revert(share.id, snapshot, req.ctx.request_id)
    return empty_response(202)


def reset_status(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    (name,) = body
    validate_body(schema.reset_status if name == "reset_status"
                  else schema.reset_status_legacy, body)
    share = _share(req, share_id)
    argument = body[name]
    status = argument.get("status", argument.get("os-status"))
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    req.authorize(policy.RESET_STATUS, share_target(share))
    req.services.share_actions.reset_status(share.id, status)
    return empty_response(202)


def force_delete(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.FORCE_DELETE)
    share = _share(req, share_id)
    req.authorize(policy.FORCE_DELETE, share_target(share))
    req.services.share_actions.force_delete(share.id, req.ctx.request_id)
    return empty_response(202)


def soft_delete(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.SOFT_DELETE)
    validate_body(schema.soft_delete, body)
    share = share_for_modification(req, share_id)
    req.authorize(policy.SOFT_DELETE, share_target(share))
    req.services.share_actions.soft_delete(share.id)
    return empty_response(202)


def restore(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESTORE)
    validate_body(schema.restore, body)
    share = _share(req, share_id, f"No share exists with ID {share_id}.")
    req.authorize(policy.GET, share_target(share))
    if req.services.share_actions.restore(share.id):
        return empty_response(202)
    return empty_response(200)   # not in the recycle bin: nothing to do


def unmanage(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.UNMANAGE)
    validate_body(schema.unmanage, body)
    share = _share(req, share_id, "Resource could not be found.")
    req.services.share_manage.unmanage(share.id, req.ctx.request_id)
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "extend": Action(extend, "2.7"),
    "os-extend": Action(extend, "2.0", "2.6"),
    "shrink": Action(shrink, "2.7"),
    "os-shrink": Action(shrink, "2.0", "2.6"),
    "revert": Action(revert, "2.27"),
    "reset_status": Action(reset_status, "2.7"),
    "os-reset_status": Action(reset_status, "2.0", "2.6"),
    "force_delete": Action(force_delete, "2.7"),
    "os-force_delete": Action(force_delete, "2.0", "2.6"),
    "soft_delete": Action(soft_delete, "2.69"),
    "restore": Action(restore, "2.69"),
    "unmanage": Action(unmanage, "2.7"),
}


# -- POST /shares/manage (admin) ------------------------------------------------

_MANAGE_REQUIRED = ("export_path", "service_host", "protocol")


@api_version("2.7")
def manage(req: ApiRequest) -> webob.Response:
    req.authorize(policy.MANAGE)
    if not req.body:
        raise faults.BadRequest()  # Manila's webob default, not "Missing request body."
    data = entity(req, "share", message="Share entity not found in request body")
    for name in _MANAGE_REQUIRED:
        if name not in data:
            raise faults.UnprocessableEntity(f"Required parameter {name} not found")
        if not data[name]:
            raise faults.UnprocessableEntity(f"Required parameter {name} is empty")
    export_path = data["export_path"]
    if isinstance(export_path, dict):
        if "path" not in export_path:
            raise faults.UnprocessableEntity(
                "Export path must be a string, or a dictionary with a 'path' item")
        export_path = export_path["path"]
    for name, value in (("export_path", export_path), ("service_host",
                        data["service_host"]), ("protocol", data["protocol"])):
        if not isinstance(value, str):
            raise faults.BadRequest(f"Parameter {name} must be a string.")
    is_public = False
    if req.at_least("2.8") and data.get("is_public") is not None:
        is_public = query.strict_bool(data["is_public"], "is_public")
        if is_public and not req.allowed(policy.CREATE_PUBLIC):
            raise faults.Forbidden(
                "User is not authorized to set 'is_public' to True in the request.")
    options = data.get("driver_options") or {}
    if not isinstance(options, dict):
        raise faults.BadRequest("driver_options must be a dictionary.")
    share = req.services.share_manage.manage(ManagedShare(
        export_path=export_path, service_host=data["service_host"],
        protocol=data["protocol"], share_type=data.get("share_type"),
        name=data.get("display_name", data.get("name")),
        description=data.get("display_description", data.get("description")),
        is_public=is_public, driver_options=options,
        share_server_id=data.get("share_server_id") if req.at_least("2.49") else None),
        req.ctx.caller())
    return json_response({"share": VIEW.detail(req, share)})
