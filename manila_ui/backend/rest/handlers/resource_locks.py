"""``/resource-locks`` (2.81): locks on deleting shares and access rules,
and on showing a rule's ``access_to``.  A project sees its own locks
(admins any by id, every project's with ``all_projects``)."""

from __future__ import annotations

import datetime

import webob

from manila_ui.backend.policies import resource_locks as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.common import lock_target
from manila_ui.backend.rest.common import locker
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import resource_locks as schema
from manila_ui.backend.rest.validation import validate_body
from manila_ui.backend.rest.views.resource_locks import ResourceLockView
from manila_ui.backend.services import errors
from manila_ui.backend.services import resource_locks as service
from manila_ui.backend.types.queries import LOCK_FILTER_KEYS
from manila_ui.backend.types.queries import LOCK_SORT_KEYS
from manila_ui.backend.types.queries import LockFilters
from manila_ui.backend.types.records import ResourceLock

VIEW = ResourceLockView()


def _visible(req: ApiRequest, lock_id: str) -> ResourceLock:
    try:
        lock = req.services.resource_locks.get(lock_id)
    except errors.NotFound:
        lock = None
    if lock is None or (not req.ctx.is_admin and lock.project_id != req.ctx.project_id):
        raise faults.NotFound(f"Resource lock {lock_id} could not be found.")
    return lock


def _time(value: str, name: str) -> datetime.datetime:
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise faults.BadRequest(
            f"Invalid value specified for the query key: {name}") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.UTC).replace(tzinfo=None)
    return parsed


@api_version("2.81")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    sort_key = params.get("sort_key", "created_at")
    if sort_key not in LOCK_SORT_KEYS:
        raise faults.BadRequest(f"Invalid input received: Invalid sort key {sort_key}.")
    sort_dir = "desc" if params.get("sort_dir", "desc") == "desc" else "asc"
    with_count = query.strict_bool(params.get("with_count", False), "with_count")
    filters = LockFilters(
        exact={k: v for k, v in params.items() if k in LOCK_FILTER_KEYS},
        lock_reason_like=params.get("lock_reason~"))
    exact = filters.exact
    all_projects = "all_projects" in params and query.strict_bool(
        params["all_projects"] or "true", "all_projects")
    if all_projects and not req.allowed(policy.GET_ALL_PROJECTS):
        all_projects = False
        exact.pop("project_id", None)
    if "project_id" in exact:
        if not req.ctx.is_admin and exact["project_id"] != req.ctx.project_id:
            raise faults.Forbidden()
    elif not all_projects:
        exact["project_id"] = req.ctx.project_id or ""
    if "created_since" in params:
        filters.created_since = _time(params["created_since"], "created_since")
    if "created_before" in params:
        filters.created_before = _time(params["created_before"], "created_before")
    found, count = req.services.resource_locks.list_page(
        filters, sort_key=sort_key, sort_dir=sort_dir, limit=limit,
        offset=offset, with_count=with_count)
    return json_response(VIEW.index(req, found, count))


@api_version("2.81")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    return json_response(VIEW.detail(req, _visible(req, req.url_args["lock_id"])))


@api_version("2.81")
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = req.json_body()
    validate_body(schema.create, body)
    data = body["resource_lock"]
    # Manila 23 answers a missing resource_type with a 500; ours is a share.
    resource_type = data.get("resource_type") or service.SHARE
    action = data.get("resource_action") or service.DELETE
    if action not in service.ACTIONS_BY_TYPE[resource_type]:
        raise faults.BadRequest(service.actions_message(resource_type))
    try:
        lock = req.services.resource_locks.create(
            locker(req), resource_type=resource_type, resource_id=data["resource_id"],
            action=action, reason=data.get("lock_reason"),
            may_lock=lambda target: req.allowed(policy.CREATE, target))
    except errors.Refused as exc:
        raise faults.Forbidden(exc.message) from None
    return json_response(VIEW.detail(req, lock))


@api_version("2.81")
def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    body = req.json_body()
    validate_body(schema.update, body)
    lock = _visible(req, req.url_args["lock_id"])
    data = body["resource_lock"] or {}
    action = data.get("resource_action") or service.DELETE
    if action not in service.ACTIONS_BY_TYPE[lock.resource_type]:
        raise faults.BadRequest(service.actions_message(lock.resource_type))
    req.authorize(policy.UPDATE, lock_target(lock))
    changes = {key: data[key] for key in ("resource_action", "lock_reason")
               if key in data}
    updated = req.services.resource_locks.update(lock, locker(req).context, changes)
    return json_response(VIEW.detail(req, updated))


@api_version("2.81")
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    lock = _visible(req, req.url_args["lock_id"])
    req.authorize(policy.DELETE, lock_target(lock))
    req.services.resource_locks.delete(lock, locker(req).context)
    return empty_response(204)
