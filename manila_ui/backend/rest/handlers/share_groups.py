"""``/share-groups``: list (summary and detail), create (from share types
or a group snapshot), show, update, delete, and the admin actions
``reset_status`` and ``force_delete``.  GA at 2.55 (experimental from 2.31).

A group is visible to its project (and admins) only: others get 404.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_groups as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import admin_status
from manila_ui.backend.rest.common import graduated
from manila_ui.backend.rest.common import optional_text
from manila_ui.backend.rest.common import own
from manila_ui.backend.rest.common import uuid_like
from manila_ui.backend.rest.common import visible_share_group
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_groups import ShareGroupView
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_groups import NewGroup
from manila_ui.backend.types.queries import ShareGroupFilters
from manila_ui.backend.types.records import ShareGroup
from manila_ui.backend.types.records import ShareGroupSnapshot

VIEW = ShareGroupView()
GA = "2.55"
_CREATE_FIELDS = {"name", "description", "share_types", "share_group_type_id",
                  "source_share_group_snapshot_id", "share_network_id",
                  "availability_zone"}
_UPDATE_FIELDS = {"name", "description"}
_LIKE = ("name~", "description~")


def _group(req: ApiRequest, group_id: str) -> ShareGroup:
    return visible_share_group(req, group_id, f"Share group {group_id} not found.")


def _entity(req: ApiRequest) -> dict[str, Any]:
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("share_group"), dict):
        raise faults.BadRequest("'share_group' is missing from the request body.")
    found: dict[str, Any] = body["share_group"]
    return found


# -- list -------------------------------------------------------------------

def _filters(req: ApiRequest, found: query.ColumnQuery) -> ShareGroupFilters:
    f = ShareGroupFilters(project_id=None if found.everyone else req.ctx.project_id)
    params = found.filters
    if not req.at_least("2.36"):
        for key in _LIKE:
            params.pop(key, None)
    if "group_type_id" in params:
        params["share_group_type_id"] = params.pop("group_type_id")
    known = set(req.services.share_groups.filter_keys())
    for key, value in params.items():
        if key in _LIKE:
            f.like[key[:-1]] = value
        elif key in known:
            f.exact[key] = value
        else:
            raise faults.BadRequest(f"Invalid input received: Share groups cannot be "
                                    f"filtered using '{key}' key.")
    return f


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.GET_ALL)
    found = query.column_query(req.GET, req.services.conf.osapi_max_limit,
                               bool(req.ctx.is_admin))
    groups = req.services.share_groups.list_page(
        _filters(req, found), sort_key=found.sort_key, sort_dir=found.sort_dir,
        limit=found.limit, offset=found.offset)
    build = VIEW.detail_list if detail else VIEW.summary_list
    return json_response(build(req, groups))


@api_version("2.31")
def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


@api_version("2.31")
def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one group ----------------------------------------------------------------

def _source(req: ApiRequest, snapshot_id: object) -> ShareGroupSnapshot:
    if not uuid_like(snapshot_id):
        raise faults.BadRequest("The 'source_share_group_snapshot_id' attribute must "
                                "be a uuid.")
    missing = f"Share group snapshot {snapshot_id} could not be found."
    try:
        snapshot = req.services.share_group_snapshots.get(str(snapshot_id))
    except errors.NotFound:
        raise faults.BadRequest(missing) from None
    if not req.ctx.is_admin and snapshot.project_id != req.ctx.project_id:
        raise faults.BadRequest(missing)
    return snapshot


def _share_types(req: ApiRequest, entity: dict[str, Any]) -> tuple[str, ...]:
    wanted = entity.get("share_types")
    if not wanted and "source_share_group_snapshot_id" not in entity:
        default = req.services.share_types.default()
        if default is None:
            raise faults.BadRequest("Must specify at least one share type as a default "
                                    "share type has not been configured.")
        return (default.id,)
    if not wanted:
        return ()
    if not isinstance(wanted, list | str) or not all(uuid_like(t) for t in wanted):
        raise faults.BadRequest("The 'share_types' attribute must be a list of uuids")
    return tuple(wanted)


@api_version("2.31")
def create(req: ApiRequest) -> webob.Response:
    """Manila's checks, in its order (the controller's, then its API's)."""
    graduated(req, GA)
    req.authorize(policy.CREATE)
    entity = _entity(req)
    invalid = set(entity) - _CREATE_FIELDS
    if invalid:
        raise faults.BadRequest(f"The fields {invalid} are invalid.")
    source_given = "source_share_group_snapshot_id" in entity
    if "share_types" in entity and source_given:
        raise faults.BadRequest("Cannot supply both 'share_types' and "
                                "'source_share_group_snapshot_id' attributes.")
    type_ids = _share_types(req, entity)
    name, description = optional_text(entity, "name"), optional_text(entity, "description")
    if "share_network_id" in entity and source_given:
        raise faults.BadRequest("Cannot supply both 'share_network_id' and "
                                "'source_share_group_snapshot_id' attributes as the "
                                "share network is inherited from the source.")
    zone = None
    if entity.get("availability_zone"):
        if source_given:
            raise faults.BadRequest("Cannot supply both 'availability_zone' and "
                                    "'source_share_group_snapshot_id' attributes as the "
                                    "availability zone is inherited from the source.")
        wanted_zone = str(entity["availability_zone"])
        zone = req.services.availability_zones.find(wanted_zone)
        if zone is None:
            raise faults.NotFound(f"Availability zone {wanted_zone} could not be found.")
    source = network_id = None
    network_found = True
    if source_given:
        source = _source(req, entity["source_share_group_snapshot_id"])
    elif "share_network_id" in entity:
        network_id = entity["share_network_id"]
        if not uuid_like(network_id):
            raise faults.BadRequest("The 'share_network_id' attribute must be a uuid.")
        try:
            req.services.share_networks.get(network_id, own(req))
        except errors.NotFound:
            network_found = False
    if "share_group_type_id" in entity:
        group_type_id = entity["share_group_type_id"]
        if not uuid_like(group_type_id):
            raise faults.BadRequest("The 'share_group_type_id' attribute must be a "
                                    "uuid.")
        group_type = req.services.share_group_types.visible(
            group_type_id, req.ctx.project_id, bool(req.ctx.is_admin))
    else:
        group_type = req.services.share_group_types.default()
        if group_type is None:
            raise faults.BadRequest("Must specify a share group type as a default share "
                                    "group type has not been configured.")
        group_type_id = group_type.id
    group = req.services.share_groups.create(NewGroup(
        group_type_id=str(group_type_id), group_type=group_type, name=name,
        description=description, share_type_ids=type_ids, share_network_id=network_id,
        share_network_found=network_found, availability_zone=zone, source=source),
        req.ctx.caller())
    return json_response(VIEW.show(req, group), 202)


@api_version("2.31")
def show(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.GET)
    return json_response(VIEW.show(req, _group(req, req.url_args["share_group_id"])))


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
    group = _group(req, req.url_args["share_group_id"])
    return json_response(VIEW.show(req, req.services.share_groups.update(group.id,
                                                                         changes)))


@api_version("2.31")
def delete(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.DELETE)
    group = _group(req, req.url_args["share_group_id"])
    req.services.share_groups.delete(group.id, req.ctx.request_id)
    return empty_response(202)


# -- admin actions --------------------------------------------------------------

def reset_status(req: ApiRequest, group_id: str, body: dict[str, Any]) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.RESET_STATUS)
    status = admin_status(body)
    group = visible_share_group(req, group_id)
    req.services.share_groups.reset_status(group.id, status)
    return empty_response(202)


def force_delete(req: ApiRequest, group_id: str, body: dict[str, Any]) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.FORCE_DELETE)
    group = visible_share_group(req, group_id)
    req.services.share_groups.force_delete(group.id)
    return empty_response(202)


ACTIONS = {
    "reset_status": Action(reset_status, "2.31"),
    "force_delete": Action(force_delete, "2.31"),
}
