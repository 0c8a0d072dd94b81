"""``/share-group-snapshots``: list (summary and detail), create, show with
members, ``/members``, update, delete, and the admin actions
``reset_status`` and ``force_delete``.  GA at 2.55 (experimental from 2.31).

A group snapshot is visible to its project (and admins) only: others get
404.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_group_snapshots as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import admin_status
from manila_ui.backend.rest.common import graduated
from manila_ui.backend.rest.common import optional_text
from manila_ui.backend.rest.common import uuid_like
from manila_ui.backend.rest.common import visible_share_group
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_group_snapshots import ShareGroupSnapshotView
from manila_ui.backend.services import errors
from manila_ui.backend.types.queries import ShareGroupSnapshotFilters
from manila_ui.backend.types.records import ShareGroupSnapshot

VIEW = ShareGroupSnapshotView()
GA = "2.55"
_ENTITY = "share_group_snapshot"
_UPDATE_FIELDS = {"name", "description"}


def _visible(req: ApiRequest, snapshot_id: str, message: str | None = None
             ) -> ShareGroupSnapshot:
    try:
        snapshot = req.services.share_group_snapshots.get(snapshot_id)
    except errors.NotFound:
        raise faults.NotFound(message) from None
    if not req.ctx.is_admin and snapshot.project_id != req.ctx.project_id:
        raise faults.NotFound(message)
    return snapshot


def _snapshot(req: ApiRequest, snapshot_id: str) -> ShareGroupSnapshot:
    return _visible(req, snapshot_id, f"Share group snapshot {snapshot_id} not found.")


def _entity(req: ApiRequest) -> dict[str, Any]:
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get(_ENTITY), dict):
        raise faults.BadRequest(f"'{_ENTITY}' is missing from the request body.")
    found: dict[str, Any] = body[_ENTITY]
    return found


# -- list -------------------------------------------------------------------

def _filters(req: ApiRequest, found: query.ColumnQuery) -> ShareGroupSnapshotFilters:
    f = ShareGroupSnapshotFilters(
        project_id=None if found.everyone else req.ctx.project_id)
    known = set(req.services.share_group_snapshots.filter_keys())
    for key, value in found.filters.items():
        if key not in known:
            raise faults.BadRequest(f"Invalid input received: Share group snapshots "
                                    f"cannot be filtered using '{key}' key.")
        f.exact[key] = value
    return f


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.GET_ALL)
    found = query.column_query(req.GET, req.services.conf.osapi_max_limit,
                               bool(req.ctx.is_admin))
    snapshots = req.services.share_group_snapshots.list_page(
        _filters(req, found), sort_key=found.sort_key, sort_dir=found.sort_dir,
        limit=found.limit, offset=found.offset)
    build = VIEW.detail_list if detail else VIEW.summary_list
    return json_response(build(req, snapshots))


@api_version("2.31")
def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


@api_version("2.31")
def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one group snapshot ------------------------------------------------------

@api_version("2.31")
def create(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.CREATE)
    entity = _entity(req)
    group_id = entity.get("share_group_id")
    if not group_id:
        raise faults.BadRequest("Must supply 'share_group_id' attribute.")
    if not uuid_like(group_id):
        raise faults.BadRequest("The 'share_group_id' attribute must be a uuid.")
    name, description = optional_text(entity, "name"), optional_text(entity, "description")
    try:
        group = visible_share_group(req, group_id)
    except faults.NotFound:
        raise faults.BadRequest(f"Share group {group_id} could not be found.") from None
    snapshot = req.services.share_group_snapshots.create(group, name, description,
                                                         req.ctx.caller())
    return json_response(VIEW.show(req, snapshot, members=False), 202)


@api_version("2.31")
def show(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.GET)
    snapshot = _snapshot(req, req.url_args["share_group_snapshot_id"])
    return json_response(VIEW.show(req, snapshot))


@api_version("2.31")
def members(req: ApiRequest) -> webob.Response:
    """Manila lists an id's members without looking the snapshot up."""
    graduated(req, GA)
    req.authorize(policy.GET)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    found = req.services.share_group_snapshots.members(
        req.url_args["share_group_snapshot_id"])
    found = found[offset:offset + limit if limit else None]
    return json_response(VIEW.member_list(req, found))


@api_version("2.31")
def update(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.UPDATE)
    entity = _entity(req)
    invalid = set(entity) - _UPDATE_FIELDS
    if invalid:
        raise faults.BadRequest(
            f"The fields {invalid} are invalid or not allowed to be updated.")
    changes = {key: optional_text(entity, key) for key in _UPDATE_FIELDS if key in entity}
    snapshot = _snapshot(req, req.url_args["share_group_snapshot_id"])
    updated = req.services.share_group_snapshots.update(snapshot.id, changes)
    return json_response(VIEW.show(req, updated))


@api_version("2.31")
def delete(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.DELETE)
    snapshot = _snapshot(req, req.url_args["share_group_snapshot_id"])
    req.services.share_group_snapshots.delete(snapshot.id, req.ctx.request_id)
    return empty_response(202)


# -- admin actions ----------------------------------------------------------------

def reset_status(req: ApiRequest, snapshot_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.RESET_STATUS)
    status = admin_status(body)
    snapshot = _visible(req, snapshot_id)
    req.services.share_group_snapshots.reset_status(snapshot.id, status)
    return empty_response(202)


def force_delete(req: ApiRequest, snapshot_id: str, body: dict[str, Any]
                 ) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.FORCE_DELETE)
    snapshot = _visible(req, snapshot_id)
    req.services.share_group_snapshots.force_delete(snapshot.id)
    return empty_response(202)


ACTIONS = {
    "reset_status": Action(reset_status, "2.31"),
    "force_delete": Action(force_delete, "2.31"),
}
