"""``/share-transfers`` (2.77): offer a share to another project, which
accepts it with the auth key; list, show and cancel offers.

A project sees the transfers of its own shares; admins see every one with
``all_tenants``.  The accepting project names the transfer by id and key.
"""

from __future__ import annotations

import uuid

import webob

from manila_ui.backend.policies import transfers as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.common import share_target
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.transfers import TransferView
from manila_ui.backend.services import errors
from manila_ui.backend.services import transfers as service
from manila_ui.backend.types.records import Transfer

VIEW = TransferView()
VERSION = "2.77"


def _own(req: ApiRequest) -> Transfer:
    """The transfer, if the caller's project offered it (admins: any)."""
    project = None if req.ctx.is_admin else req.ctx.project_id
    try:
        return req.services.transfers.get(req.url_args["transfer_id"], project)
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    sort_key = params.pop("sort_key", "created_at")
    sort_key = "display_name" if sort_key == "name" else sort_key
    sort_dir = "asc" if params.pop("sort_dir", "desc") == "asc" else "desc"
    project: str | None = req.ctx.project_id
    if query.all_tenants(params) and req.allowed(policy.GET_ALL_TENANT):
        project = None
    if "name" in params:
        params["display_name"] = params.pop("name")
    filters = {k: v for k, v in params.items() if k in service.FILTER_KEYS}
    found = req.services.transfers.list_all(
        project_id=project, filters=filters, name_like=params.get("name~"),
        sort_key=sort_key, sort_dir=sort_dir, limit=limit, offset=offset)
    return json_response(VIEW.index(req, found, detail))


@api_version(VERSION)
def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


@api_version(VERSION)
def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


@api_version(VERSION)
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    return json_response({"transfer": VIEW.detail(req, _own(req))})


@api_version(VERSION)
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    body = req.json_body()
    entity = body.get("transfer") if isinstance(body, dict) else None
    if not isinstance(entity, dict):
        raise faults.BadRequest("'transfer' is missing from the request body.")
    share_id = entity.get("share_id")
    if not share_id:
        raise faults.BadRequest("Must supply 'share_id' attribute.")
    try:
        uuid.UUID(str(share_id))
    except ValueError:
        raise faults.BadRequest("The 'share_id' attribute must be a uuid.") from None
    name = entity.get("name")
    if name is not None and not isinstance(name, str):
        raise faults.BadRequest("Invalid input received: name must be a string.")
    try:
        share = visible_share(req, str(share_id))
    except faults.NotFound:
        raise faults.BadRequest("Invalid share: Share specified was not found.") from None
    req.authorize(policy.CREATE, share_target(share))
    created = req.services.transfers.create(share, name)
    return json_response(VIEW.created(req, created.transfer, created.auth_key), 202)


@api_version(VERSION)
def accept(req: ApiRequest) -> webob.Response:
    req.authorize(policy.ACCEPT)
    body = req.json_body()
    entity = body.get("accept") if isinstance(body, dict) else None
    if not isinstance(entity, dict):
        raise faults.BadRequest("'accept' is missing from the request body.")
    auth_key = entity.get("auth_key")
    if not auth_key:
        raise faults.BadRequest(
            "Must supply 'auth_key' while accepting a share transfer.")
    clear_rules = False
    if entity.get("clear_access_rules"):
        try:
            clear_rules = query.strict_bool(entity["clear_access_rules"],
                                            "clear_access_rules")
        except faults.BadRequest:
            raise faults.BadRequest("Invalid boolean clear_access_rules : "
                                    f"{entity['clear_access_rules']}") from None
    req.services.transfers.accept(req.url_args["transfer_id"], str(auth_key),
                                  req.ctx.caller(), clear_rules)
    return empty_response(202)


@api_version(VERSION)
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    transfer = _own(req)
    req.authorize(policy.DELETE, {"project_id": transfer.source_project_id})
    req.services.transfers.delete(transfer)
    return empty_response(200)
