"""``/qos-types`` (2.94): list, show, create, update (the description),
delete; ``/qos-types/{id}/specs[/{key}]``: list, add, show, update, delete.

Everyone may read QoS types; only admins change them or read their specs
on their own (Manila's rules).
"""

from __future__ import annotations

import re
from typing import Any

import webob

from manila_ui.backend.policies import qos_types as policy
from manila_ui.backend.rest import common
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.qos_types import QosTypeView
from manila_ui.backend.services import errors
from manila_ui.backend.services.qos_types import verify_specs
from manila_ui.backend.types.queries import QosTypeFilters
from manila_ui.backend.types.records import QosType

VIEW = QosTypeView()
MIN = "2.94"
NAME_MAX = 255
# Manila's VALID_KEY_NAME_REGEX (checked when specs are added, not on create).
_KEY_NAME = re.compile(r"^[\w.\-:]+$")


def _qos_type(req: ApiRequest, message: str) -> QosType:
    qos_type_id = req.url_args["qos_type_id"]
    try:
        return req.services.qos_types.get(qos_type_id)
    except errors.NotFound:
        raise faults.NotFound(message.format(qos_type_id)) from None


def _entity(req: ApiRequest) -> dict[str, Any]:
    return common.entity(req, "qos_type",
                         message="Body does not contain 'qos_type' information.")


@api_version(MIN)
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    filters = QosTypeFilters(name=params.get("name"), name_like=params.get("name~"),
                             description=params.get("description"),
                             description_like=params.get("description~"))
    found = req.services.qos_types.list_page(
        filters, sort_key=params.get("sort_key", "created_at"),
        sort_dir=params.get("sort_dir", "desc"), limit=limit, offset=offset)
    return json_response(VIEW.index(req, found))


@api_version(MIN)
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    return json_response(VIEW.show(req, _qos_type(req, "No QoS Type exists with ID {}.")))


@api_version(MIN)
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    entity = _entity(req)
    name = entity.get("name")
    if not name:
        raise faults.BadRequest("QoS Type must have name. Name will be used as template "
                                "by backend drivers to create QoS policy name.")
    # Manila fails on these with a 500 (its database refuses them).
    if not isinstance(name, str) or len(name) > NAME_MAX:
        raise faults.BadRequest(f"Invalid input received: name must be a string of at "
                                f"most {NAME_MAX} characters.")
    specs = entity.get("specs") or {}
    if not isinstance(specs, dict):
        raise faults.BadRequest("Invalid input received: specs must be an object.")
    created = req.services.qos_types.create(name, entity.get("description"), specs)
    return json_response(VIEW.show(req, created))


@api_version(MIN)
def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    entity = _entity(req)
    changes = {"description": entity["description"]} if "description" in entity else {}
    try:
        updated = req.services.qos_types.update(req.url_args["qos_type_id"], changes)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
    return json_response(VIEW.show(req, updated))


@api_version(MIN)
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    req.services.qos_types.delete(req.url_args["qos_type_id"])
    return empty_response(204)


# -- specs --------------------------------------------------------------------

_MISSING = "QoS Type {} could not be found."


@api_version(MIN)
def specs_index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SPECS_INDEX)
    return json_response({"specs": dict(_qos_type(req, _MISSING).specs)})


@api_version(MIN)
def specs_show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SPECS_SHOW)
    specs, key = _qos_type(req, _MISSING).specs, req.url_args["key"]
    if key not in specs:
        raise faults.NotFound()
    return json_response({key: specs[key]})


@api_version(MIN)
def specs_create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SPECS_CREATE)
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("specs"), dict) \
            or not body:
        raise faults.BadRequest()
    qos_type = _qos_type(req, _MISSING)
    specs: dict[str, Any] = body["specs"]
    verify_specs(specs)
    if not all(_KEY_NAME.match(key) for key in specs):
        raise faults.BadRequest("Key names can only contain alphanumeric characters, "
                                "underscores, periods, colons and hyphens.")
    req.services.qos_types.set_specs(qos_type.id, specs)
    return json_response(body)


@api_version(MIN)
def specs_update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SPECS_UPDATE)
    body = req.json_body()
    if not body:
        raise faults.BadRequest("Request body empty")
    qos_type = _qos_type(req, _MISSING)
    if not isinstance(body, dict) or req.url_args["key"] not in body:
        raise faults.BadRequest("Request body and URI mismatch")
    if len(body) > 1:
        raise faults.BadRequest("Request body contains too many items")
    req.services.qos_types.set_specs(qos_type.id, body)
    return json_response(body)


@api_version(MIN)
def specs_delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SPECS_DELETE)
    qos_type = _qos_type(req, _MISSING)
    req.services.qos_types.delete_spec(qos_type.id, req.url_args["key"])
    return empty_response(204)
