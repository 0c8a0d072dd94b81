"""``/share-group-types/{id}/group-specs[/{key}]`` (admins): what Admin ›
Share Group Types edits.  GA at 2.55 (experimental from 2.31)."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_group_types as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.common import graduated
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.services import share_group_types as types_service
from manila_ui.backend.types.records import ShareGroupType

GA = "2.55"


def _type(req: ApiRequest) -> ShareGroupType:
    type_id = req.url_args["share_group_type_id"]
    found = req.services.share_group_types.get(type_id)
    if found is None:
        raise faults.NotFound(f"Share group type {type_id} could not be found.")
    return found


def _set(req: ApiRequest, group_type: ShareGroupType, specs: dict[str, Any]) -> None:
    req.services.share_group_types.set_specs(group_type.id,
                                             types_service.check_group_specs(specs))


@api_version("2.31")
def index(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SPEC_INDEX)
    return json_response({"group_specs": dict(_type(req).group_specs)})


@api_version("2.31")
def create(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SPEC_CREATE)
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("group_specs"), dict):
        raise faults.BadRequest()
    _set(req, _type(req), body["group_specs"])
    return json_response(body)


@api_version("2.31")
def show(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SPEC_SHOW)
    group_type, key = _type(req), req.url_args["key"]
    if key not in group_type.group_specs:
        raise faults.NotFound()
    return json_response({key: group_type.group_specs[key]})


@api_version("2.31")
def update(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SPEC_UPDATE)
    body = req.json_body() if req.body else None
    if not body:
        raise faults.BadRequest("Request body empty.")
    group_type, key = _type(req), req.url_args["key"]
    if not isinstance(body, dict) or key not in body:
        raise faults.BadRequest("Request body and URI mismatch.")
    if len(body) > 1:
        raise faults.BadRequest("Request body contains too many items.")
    _set(req, group_type, body)
    return json_response(body)


@api_version("2.31")
def delete(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SPEC_DELETE)
    group_type = _type(req)
    req.services.share_group_types.delete_spec(group_type.id, req.url_args["key"])
    return empty_response(204)
