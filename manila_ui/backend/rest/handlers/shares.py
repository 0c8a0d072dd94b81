"""``/shares``: list (summary and detail), create, show, update, delete.

Visibility follows Manila: a project's private shares are invisible (404)
to other projects; a public share is visible to all but changed only by
its project (403); admins see and change everything.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_types as type_policy
from manila_ui.backend.policies import shares as policy
from manila_ui.backend.policies import snapshots as snapshot_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.common import check_policy
from manila_ui.backend.rest.common import entity
from manila_ui.backend.rest.common import share_target
from manila_ui.backend.rest.common import visible_network
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.common import visible_share_group
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import shares as schema
from manila_ui.backend.rest.views.shares import ShareView
from manila_ui.backend.services import errors
from manila_ui.backend.services.shares import NewShare
from manila_ui.backend.types.queries import ShareFilters
from manila_ui.backend.types.records import Share
from manila_ui.backend.types.records import ShareGroup
from manila_ui.backend.types.records import Snapshot

VIEW = ShareView()


def _public_flag(req: ApiRequest, value: Any, rule: str) -> bool:
    try:
        flag = query.strict_bool(value, "is_public")
    except faults.BadRequest:
        raise faults.BadRequest(
            f"Unrecognized value '{value}', acceptable "
            "values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', "
            "'true', 'y', 'yes'") from None
    if flag and not req.allowed(rule):
        raise faults.Forbidden(
            "User is not authorized to set 'is_public' to True in the request.")
    return flag


# -- list -------------------------------------------------------------------

def _filters(req: ApiRequest, params: dict[str, str]) -> ShareFilters:
    if not req.at_least("2.35"):
        params.pop("export_location_id", None)
        params.pop("export_location_path", None)
    if not req.at_least("2.36"):
        for key in ("name~", "description~", "description"):
            params.pop(key, None)
    if not req.at_least("2.69"):
        params.pop("is_soft_deleted", None)
    if not req.at_least("2.97"):
        params.pop("availability_zone", None)

    f = ShareFilters(project_id=req.ctx.project_id)
    # Others' all_tenants (and project_id) are dropped unread, as in Manila.
    if req.allowed(policy.LIST_ALL_PROJECTS) and query.all_tenants(params):
        f.project_id = params.get("project_id") or None
    if "is_public" in params:
        f.include_public = query.strict_bool(params["is_public"], "is_public")
    f.display_name = params.get("name") or params.get("display_name") or None
    f.display_name_like = params.get("name~") or None
    f.display_description = params.get("description") or None
    f.display_description_like = params.get("description~") or None
    f.status = params.get("status") or None
    f.share_type_id = (params.get("share_type_id") or params.get("volume_type_id")
                       or None)
    f.snapshot_id = params.get("snapshot_id") or None
    f.share_network_id = params.get("share_network_id") or None
    # Manila's share API checks these two: its 403 names the rule.
    if "share_server_id" in params:
        check_policy(req, policy.LIST_BY_SHARE_SERVER_ID)
        f.share_server_id = params["share_server_id"] or None
    f.availability_zone = params.get("availability_zone") or None
    f.export_location = (params.get("export_location_id")
                         or params.get("export_location_path") or None)
    if "host" in params:
        check_policy(req, policy.LIST_BY_HOST)
        f.host = params["host"] or None
    if "mount_point_name" in params:
        f.no_match = True   # no share here has one (Manila compares it exactly)
    if params.get("metadata"):
        f.metadata = query.literal_dict(params["metadata"], "metadata")
    if params.get("extra_specs"):
        check_policy(req, type_policy.EXTRA_SPEC_INDEX)
        f.extra_specs = query.literal_dict(params["extra_specs"], "extra specs")
    if "is_soft_deleted" in params:
        f.is_soft_deleted = query.strict_bool(params["is_soft_deleted"],
                                              "is_soft_deleted")
    if "share_group_id" in params:
        f.share_group_id = params["share_group_id"]
    return f


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    if limit is None:
        offset = 0   # Manila's share query skips rows only on a page with a limit
    sort_key = params.pop("sort_key", "created_at")
    sort_dir = params.pop("sort_dir", "desc")
    if sort_key == "name":
        sort_key = "display_name"
    with_count = False
    # Manila drops with_count below 2.42 from the summary list only; the
    # detail list honours it at every version (a quirk clients rely on).
    if (detail or req.at_least("2.42")) and "with_count" in params:
        with_count = query.strict_bool(params["with_count"], "with_count")
    page = req.services.shares.list_page(
        _filters(req, params), sort_key=sort_key, sort_dir=sort_dir,
        limit=limit, offset=offset, with_count=with_count)
    if not detail:
        return json_response(VIEW.summary_list(req, page))
    export_paths = None
    if not req.at_least("2.9"):  # locations were still part of the share
        export_paths = {
            share.id: [el.path for el in req.services.shares.export_locations(
                share.id, include_admin_only=False)]
            for share in page.items}
    return json_response(VIEW.detail_list(req, page, export_paths))


def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one share --------------------------------------------------------------

def _detail_one(req: ApiRequest, share: Share, status: int = 200) -> webob.Response:
    export_paths = None
    if not req.at_least("2.9"):
        export_paths = {share.id: [el.path for el in req.services.shares.export_locations(
            share.id, include_admin_only=False)]}
    return json_response({"share": VIEW.detail(req, share, export_paths)}, status)


def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = entity(req, "share", schema.create)
    is_public = False
    if "is_public" in body and body["is_public"] is not None:
        is_public = _public_flag(req, body["is_public"], policy.CREATE_PUBLIC)
    if "share_type" in body and "volume_type" in body:
        raise faults.BadRequest("Cannot specify both share_type and volume_type")
    if body.get("share_network_id"):
        # Another project's network is not found, as in Manila.
        visible_network(req, str(body["share_network_id"]))
    zone = body.get("availability_zone")
    group = None
    if req.at_least("2.31") and body.get("share_group_id"):
        group, zone = _share_group(req, str(body["share_group_id"]), zone)
    snapshot = parent = None
    if body.get("snapshot_id"):
        snapshot = source_snapshot(req, body["snapshot_id"])
        parent = req.services.shares.get(snapshot.share_id)
    new = NewShare(
        share_proto=body["share_proto"],
        size=body["size"],
        name=body.get("name") or body.get("display_name"),
        description=body.get("description") or body.get("display_description"),
        share_type=body.get("share_type") or body.get("volume_type"),
        availability_zone=zone,
        metadata=body.get("metadata") or {},
        is_public=is_public,
        snapshot_id=body.get("snapshot_id"),
        share_network_id=body.get("share_network_id"),
        snapshot=snapshot,
        parent=parent,
        share_group=group,
    )
    share = req.services.shares.create(new, req.ctx.caller())
    return _detail_one(req, share)


def _share_group(req: ApiRequest, group_id: str, zone: Any) -> tuple[ShareGroup, str | None]:
    """The group a new share goes to, and so its zone (Manila's checks)."""
    found = req.services.availability_zones.find(str(zone)) if zone else None
    if zone and found is None:
        raise faults.NotFound(f"Availability zone {zone} could not be found.")
    group = visible_share_group(req, group_id,
                                f"Share group {group_id} could not be found.")
    if found is not None:
        if found.id != group.availability_zone_id:
            raise faults.BadRequest(
                f"Share cannot have AZ ('{found.id}') different than share group's one "
                f"({group.availability_zone_id}).")
    return group, group.availability_zone


def source_snapshot(req: ApiRequest, snapshot_id: str) -> Snapshot:
    """The snapshot a share is created from, if the caller may see it."""
    try:
        snapshot = req.services.snapshots.get(snapshot_id)
    except errors.NotFound:
        snapshot = None
    if snapshot is None:
        raise faults.NotFound(f"ShareSnapshotNotFound: Snapshot {snapshot_id} could "
                              "not be found.")
    if not req.allowed(snapshot_policy.GET, {"project_id": snapshot.project_id,
                                            "user_id": snapshot.user_id}):
        raise faults.NotFound("NotFound: Resource could not be found.")
    return snapshot


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    return _detail_one(req, visible_share(req, req.url_args["share_id"]))


def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    body = entity(req, "share", schema.update)
    changes: dict[str, Any] = {key: body[key] for key in ("display_name", "display_description",
                                          "is_public") if key in body}
    share = visible_share(req, req.url_args["share_id"])
    req.authorize(policy.UPDATE, share_target(share))
    if "is_public" in changes:
        changes["is_public"] = _public_flag(req, changes["is_public"],
                                            policy.SET_PUBLIC)
    return _detail_one(req, req.services.shares.update(share.id, changes))


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    share = visible_share(req, req.url_args["share_id"])
    if share.share_group_id:   # Manila asks for the group of a group's share
        given = req.GET.get("share_group_id")
        if not given:
            raise faults.BadRequest("Must provide 'share_group_id' as a request "
                                    "parameter when deleting a share in a share group.")
        if given != share.share_group_id:
            raise faults.BadRequest("The specified 'share_group_id' does not match the "
                                    "share group id of the share.")
    req.authorize(policy.DELETE, share_target(share))
    req.services.shares.delete(share)
    return empty_response(202)
