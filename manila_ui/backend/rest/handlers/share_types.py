"""``/types``: list, show, default; create and delete for admins."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.db.records import ShareType
from manila_ui.backend.policies import share_types as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import share_types as schema
from manila_ui.backend.rest.validation import validate
from manila_ui.backend.rest.views.share_types import ShareTypeView
from manila_ui.backend.services import errors

VIEW = ShareTypeView()


def _visible(req: ApiRequest, type_id: str) -> ShareType:
    share_type = req.services.share_types.get_by_id(type_id)
    if share_type is None or (not share_type.is_public and not req.ctx.is_admin):
        raise faults.NotFound("Share type not found.")
    return share_type


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    is_public: bool | None = True
    if req.ctx.is_admin and req.GET.get("is_public") is not None:
        value = req.GET["is_public"]
        if value.lower() == "all":
            is_public = None
        else:
            try:
                is_public = query.strict_bool(value, "is_public")
            except faults.BadRequest:
                raise faults.BadRequest(f"Invalid is_public filter [{value}]") from None
    wanted: dict[str, str] = {}
    if req.GET.get("extra_specs"):
        if not req.at_least("2.43"):
            raise faults.BadRequest(
                "Filter by 'extra_specs' is not supported by this microversion. "
                "Use 2.43 or greater microversion to be able to use filter "
                "search by 'extra_specs.")
        wanted = query.literal_dict(req.GET["extra_specs"], "extra specs")
    found = [t for t in req.services.share_types.list_all(is_public)
             if all(str(t.extra_specs.get(k, "")).lower() == v.lower()
                    for k, v in wanted.items())]
    return json_response(VIEW.index(req, found))


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    return json_response(VIEW.show(req, _visible(req, req.url_args["share_type_id"])))


def default(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DEFAULT)
    share_type = req.services.share_types.default()
    if share_type is None:
        raise faults.NotFound("Default share type not found")
    return json_response(VIEW.show(req, share_type))


def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = req.json_body()
    entity = next((key for key in ("share_type", "volume_type")
                   if isinstance(body, dict) and isinstance(body.get(key), dict)), None)
    if entity is None:
        raise faults.BadRequest()
    validate(schema.create, body[entity])
    spec: dict[str, Any] = body[entity]
    name = spec.get("name")
    description = spec.get("description")
    if description and not req.at_least("2.41"):
        raise faults.BadRequest(
            "'description' key is not supported by this microversion. Use 2.41 "
            "or greater microversion to be able to use 'description' in share type.")
    if not name or len(name) > 255 or (description and len(description) > 255):
        raise faults.BadRequest("Type name or description is not valid.")
    is_public = spec.get("os-share-type-access:is_public",
                         spec.get("share_type_access:is_public", True))
    is_public = query.strict_bool(is_public, "share_type_access:is_public")
    extra_specs = {k: str(v) for k, v in (spec.get("extra_specs") or {}).items()}
    if not req.at_least("2.24"):
        extra_specs.setdefault("snapshot_support", "True")
    try:
        created = req.services.share_types.create(name, description, is_public,
                                                  extra_specs)
    except errors.Invalid as exc:
        raise faults.BadRequest(f"Invalid extra specs: {exc.message}") from None
    return json_response(VIEW.show(req, created))


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    try:
        req.services.share_types.delete(req.url_args["share_type_id"])
    except errors.NotFound:
        raise faults.NotFound() from None
    return empty_response(202)
