"""``/snapshots``: list (summary and detail), create, show, update, delete,
the admin actions, manage (2.12) and unmanage.

A snapshot is visible to its project (and admins) only: others get 404.
"""

from __future__ import annotations

import re
from typing import Any

import webob

from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.policies import snapshots as policy
from manila_ui.backend.rest import common
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import share_target
from manila_ui.backend.rest.common import snapshot_target
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.common import visible_snapshot
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.snapshots import SnapshotView
from manila_ui.backend.services import errors
from manila_ui.backend.types.queries import SnapshotFilters
from manila_ui.backend.types.values import decimal
from manila_ui.backend.types.values import echo

VIEW = SnapshotView()


# -- list -------------------------------------------------------------------

# What a member may filter on (Manila drops the rest unread), by Manila's names.
_MEMBER_FILTERS = {"name": "display_name", "display_name": "display_name",
                   "status": "status", "share_id": "share_id", "size": "size",
                   "name~": "display_name~", "description": "display_description",
                   "description~": "display_description~", "metadata": "metadata"}
_UNCHECKED = {"limit", "offset", "all_tenants", "metadata", "with_count"}
_BOOLEAN_WORDS = "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"


def _check_filters(params: dict[str, str], sort: dict[str, str], admin: bool) -> None:
    """Manila's share API refuses a filter (or sort) given empty."""
    for key, value in {**sort, **params}.items():
        if key in _UNCHECKED or not (admin or key in _MEMBER_FILTERS or key in sort):
            continue
        if not value:
            name = _MEMBER_FILTERS.get(key, key)
            raise faults.BadRequest(
                f"Invalid input received: Wrong '{name}' filter provided: ''.")


def _filters(req: ApiRequest, params: dict[str, str]) -> SnapshotFilters:
    f = SnapshotFilters(project_id=req.ctx.project_id)
    # A member's all_tenants is dropped unread; an admin's must be a boolean.
    if req.allowed(policy.LIST_ALL_PROJECTS):
        try:
            every_project = query.all_tenants(params)
        except faults.BadRequest:
            raise faults.BadRequest(
                f"Unrecognized value '{echo(params['all_tenants'])}', acceptable values "
                f"are: {_BOOLEAN_WORDS}") from None
        if every_project:
            f.project_id = params.get("project_id") or None
    f.display_name = params.get("name") or params.get("display_name") or None
    f.status = params.get("status") or None
    f.share_id = params.get("share_id") or None
    if params.get("size"):
        size = params["size"]
        # A negative size is a filter nothing matches, as in Manila.
        f.size = -1 if re.fullmatch(r"-\d+", size) else decimal(size)
        if f.size is None:
            raise faults.BadRequest(
                f"Invalid input for query parameters size. Value: {echo(size)}. "
                f"'{echo(size)}' does not match '^[0-9]*$'")
    if req.at_least("2.36"):
        f.display_name_like = params.get("name~") or None
        f.display_description = params.get("description") or None
        f.display_description_like = params.get("description~") or None
    if req.at_least("2.73") and params.get("metadata"):
        f.metadata = query.literal_dict(params["metadata"], "metadata")
    return f


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    sort_key = params.pop("sort_key", "created_at")
    sort_dir = params.pop("sort_dir", "desc")
    _check_filters(params, {"sort_key": sort_key, "sort_dir": sort_dir},
                   req.allowed(policy.LIST_ALL_PROJECTS))
    sort_key = {"name": "display_name", "description": "display_description"}.get(
        sort_key, sort_key)
    with_count = False
    # Manila honours with_count on the detail list at every version, on the
    # summary list from 2.79.
    if (detail or req.at_least("2.79")) and "with_count" in params:
        with_count = query.strict_bool(params["with_count"], "with_count")
    page = req.services.snapshots.list_page(
        _filters(req, params), sort_key=sort_key, sort_dir=sort_dir, limit=limit,
        offset=offset, with_count=with_count)
    build = VIEW.detail_list if detail else VIEW.summary_list
    return json_response(build(req, page))


def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one snapshot -----------------------------------------------------------

def create(req: ApiRequest) -> webob.Response:
    entity = common.entity(req, "snapshot")
    share_id = entity.get("share_id")
    if not isinstance(share_id, str) or not share_id:
        # Manila fails here with a 500; a clear 400 is kinder.
        raise faults.BadRequest("Required parameter share_id not found.")
    try:
        share = visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound("NotFound: Resource could not be found.") from None
    if not share.snapshot_support:
        raise faults.UnprocessableEntity(
            f"Snapshots cannot be created for share '{share_id}' since it does not "
            "have that capability.")
    if share.is_soft_deleted:
        raise faults.Forbidden(f"Snapshots cannot be created for share '{share_id}' "
                               "since it has been soft deleted.")
    req.authorize(share_policy.CREATE_SNAPSHOT, share_target(share))
    name = entity.get("name", entity.get("display_name"))
    description = entity.get("description", entity.get("display_description"))
    for field, value in (("name", name), ("description", description)):
        if value is not None and not isinstance(value, str):
            raise faults.BadRequest(f"Invalid input received: {field} must be a string.")
    metadata: dict[str, str] = {}
    if req.at_least("2.73") and entity.get("metadata"):
        if not isinstance(entity["metadata"], dict):
            raise faults.BadRequest("Malformed request body")
        metadata = entity["metadata"]
    snapshot = req.services.snapshots.create(share, name, description, metadata,
                                             req.ctx.caller())
    return json_response({"snapshot": VIEW.detail(req, snapshot)}, 202)


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    snapshot = visible_snapshot(req, req.url_args["snapshot_id"])
    return json_response({"snapshot": VIEW.detail(req, snapshot)})


def update(req: ApiRequest) -> webob.Response:
    # Manila checks these two rules itself (not by decorator): the 403 names
    # the rule.
    req.authorize(share_policy.SNAPSHOT_UPDATE, req.ctx.policy_target())
    entity = common.entity(req, "snapshot")
    changes: dict[str, Any] = {key: entity[key] for key in (
        "display_name", "display_description") if key in entity}
    for key, value in changes.items():
        if value is not None and not isinstance(value, str):
            raise faults.BadRequest(f"Invalid input received: {key} must be a string.")
    snapshot = visible_snapshot(req, req.url_args["snapshot_id"])
    req.authorize(share_policy.SNAPSHOT_UPDATE, snapshot_target(snapshot))
    updated = req.services.snapshots.update(snapshot.id, changes)
    return json_response({"snapshot": VIEW.detail(req, updated)})


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(share_policy.DELETE_SNAPSHOT, req.ctx.policy_target())
    snapshot = visible_snapshot(req, req.url_args["snapshot_id"])
    req.services.snapshots.delete(snapshot.id, request_id=req.ctx.request_id)
    return empty_response(202)


# -- actions ------------------------------------------------------------------

def reset_status(req: ApiRequest, snapshot_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    (name,) = body
    argument = body[name]
    status = argument.get("status", argument.get("os-status")) \
        if isinstance(argument, dict) else None
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    snapshot = visible_snapshot(req, snapshot_id)
    req.authorize(policy.RESET_STATUS, snapshot_target(snapshot))
    req.services.snapshots.reset_status(snapshot.id, str(status))
    return empty_response(202)


def force_delete(req: ApiRequest, snapshot_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    req.authorize(policy.FORCE_DELETE)
    snapshot = visible_snapshot(req, snapshot_id)
    req.authorize(policy.FORCE_DELETE, snapshot_target(snapshot))
    req.services.snapshots.delete(snapshot.id, force=True,
                                  request_id=req.ctx.request_id)
    return empty_response(202)


def unmanage(req: ApiRequest, snapshot_id: str, body: dict[str, Any]
             ) -> webob.Response:
    req.authorize(policy.UNMANAGE)
    snapshot = visible_snapshot(req, snapshot_id,
                                f"Snapshot {snapshot_id} could not be found.")
    req.services.snapshots.unmanage(snapshot.id, req.ctx.request_id)
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "reset_status": Action(reset_status, "2.7"),
    "os-reset_status": Action(reset_status, "2.0", "2.6"),
    "force_delete": Action(force_delete, "2.7"),
    "os-force_delete": Action(force_delete, "2.0", "2.6"),
    "unmanage": Action(unmanage, "2.12"),
}


@api_version("2.12")
def manage(req: ApiRequest) -> webob.Response:
    req.authorize(policy.MANAGE)
    if not req.body:
        raise faults.BadRequest()  # Manila's webob default, not "Missing request body."
    data = common.entity(req, "snapshot",
                         message="Snapshot entity not found in request body.")
    for name in ("share_id", "provider_location"):
        if name not in data:
            raise faults.UnprocessableEntity(f"Required parameter {name} not found.")
        if not data[name]:
            raise faults.UnprocessableEntity(f"Required parameter {name} is empty.")
        if not isinstance(data[name], str):
            raise faults.UnprocessableEntity(f"Parameter {name} must be a string.")
    try:
        share = req.services.shares.get(data["share_id"])
    except errors.NotFound:
        raise faults.NotFound(f"ShareNotFound: Share {data['share_id']} could not "
                              "be found.") from None
    metadata = data.get("metadata") if req.at_least("2.73") else None
    options = data.get("driver_options") or {}
    if not isinstance(metadata or {}, dict) or not isinstance(options, dict):
        raise faults.BadRequest("Malformed request body")
    snapshot = req.services.snapshots.manage(
        share, data["provider_location"],
        name=data.get("display_name", data.get("name")),
        description=data.get("display_description", data.get("description")),
        metadata=metadata or {}, driver_options=options, caller=req.ctx.caller())
    return json_response({"snapshot": VIEW.detail(req, snapshot)}, 202)


