"""``/messages`` (2.37): what failed asynchronous operations left behind."""

from __future__ import annotations

import datetime

import webob

from manila_ui.backend.policies import messages as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.messages import MessageView
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages as service
from manila_ui.backend.types.records import Message

VIEW = MessageView()


def _visible(req: ApiRequest) -> Message:
    try:
        message = req.services.messages.get(req.url_args["message_id"])
    except errors.NotFound:
        raise faults.NotFound(
            f"Message {req.url_args['message_id']} could not be found.") from None
    if not req.ctx.is_admin and message.project_id != req.ctx.project_id:
        raise faults.NotFound(f"Message {message.id} could not be found.")
    return message


def _time(value: str, name: str) -> datetime.datetime:
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        # Manila's query schema speaks first, naming the list index.
        raise faults.BadRequest(
            f"Invalid input for field/attribute 0. Value: {value}. '{value}' is "
            "not a 'date-time'") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.UTC).replace(tzinfo=None)
    return parsed


@api_version("2.37")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    sort_key = params.get("sort_key", "created_at")
    if sort_key not in service.SORT_KEYS:
        raise faults.BadRequest(
            f"Invalid input received: Invalid sort key {sort_key}.")
    # Manila sorts ascending for anything but "desc".
    sort_dir = "desc" if params.get("sort_dir", "desc") == "desc" else "asc"
    since = before = None
    if req.at_least("2.52"):
        if "created_since" in params:
            since = _time(params["created_since"], "created_since")
        if "created_before" in params:
            before = _time(params["created_before"], "created_before")
    filters = {k: v for k, v in params.items() if k in service.FILTER_KEYS}
    project_id = None if req.ctx.is_admin else req.ctx.project_id
    if not req.ctx.is_admin:
        filters.pop("project_id", None)
    found = req.services.messages.list_all(
        project_id=project_id, filters=filters, created_since=since,
        created_before=before, sort_key=sort_key, sort_dir=sort_dir,
        limit=limit, offset=offset)
    return json_response(VIEW.index(req, found))


@api_version("2.37")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    return json_response({"message": VIEW.detail(req, _visible(req))})


@api_version("2.37")
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    message = _visible(req)
    req.services.messages.delete(message.id)
    return empty_response(204)
