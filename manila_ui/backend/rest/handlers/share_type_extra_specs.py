"""``/types/{share_type_id}/extra_specs[/{key}]`` (admins): what the
admin share types panel edits (e.g. ``squash_support``)."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_types as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.services import errors
from manila_ui.backend.types.records import ShareType


def _type(req: ApiRequest) -> ShareType:
    type_id = req.url_args["share_type_id"]
    found = req.services.share_types.get_by_id(type_id)
    if found is None:
        raise faults.NotFound(f"Share type {type_id} could not be found.")
    return found


_DHSS = "driver_handles_share_servers"


def _set(req: ApiRequest, share_type: ShareType, specs: dict[str, Any],
         update: bool = False) -> None:
    try:
        req.services.share_types.set_extra_specs(share_type.id, specs)
    except errors.Invalid as exc:
        if exc.message.startswith(("Invalid extra_spec:", "share_size must")):
            raise faults.BadRequest(exc.message) from None
        # A boolean that does not parse: Manila's words depend on the spec
        # (the required one is checked apart) and on the call (a POST drops them).
        if exc.message.startswith(f"Invalid boolean extra spec {_DHSS} "):
            raise faults.BadRequest(f"Invalid extra_spec: {_DHSS}: {specs[_DHSS]}") from None
        if update:
            raise faults.BadRequest(f"Invalid extra_spec: {exc.message}.") from None
        raise faults.BadRequest() from None


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EXTRA_SPEC_INDEX)
    return json_response({"extra_specs": dict(_type(req).extra_specs)})


def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EXTRA_SPEC_CREATE)
    share_type = _type(req)
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("extra_specs"), dict):
        raise faults.BadRequest()
    _set(req, share_type, body["extra_specs"])
    return json_response({"extra_specs": body["extra_specs"]})


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EXTRA_SPEC_SHOW)
    share_type, key = _type(req), req.url_args["key"]
    if key not in share_type.extra_specs:
        raise faults.NotFound("The resource could not be found.")   # Manila's bare 404
    return json_response({key: share_type.extra_specs[key]})


def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EXTRA_SPEC_UPDATE)
    share_type, key = _type(req), req.url_args["key"]
    body = req.json_body()
    if not isinstance(body, dict) or key not in body:
        raise faults.BadRequest("Request body and URI mismatch")
    if len(body) > 1:
        raise faults.BadRequest("Request body contains too many items")
    _set(req, share_type, body, update=True)
    return json_response(body)


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.EXTRA_SPEC_DELETE)
    share_type = _type(req)
    key = req.url_args["key"]
    if key == "snapshot_support" and not req.at_least("2.24"):
        # Required until 2.24 made it optional.
        raise faults.Forbidden(f"Extra spec '{key}' can't be deleted.")
    req.services.share_types.delete_extra_spec(share_type.id, key)
    return empty_response(202)
