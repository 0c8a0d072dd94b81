"""``/share-group-types``: list, show, default; create and delete for
admins; the projects given access to a private group type
(``/share-group-types/{id}/access``, actions ``addProjectAccess`` and
``removeProjectAccess``).  GA at 2.55 (experimental from 2.31).

A private group type is visible to admins and to the projects given access
to it; to others it is not found.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_group_types as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import graduated
from manila_ui.backend.rest.common import uuid_like
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_group_types import ShareGroupTypeView
from manila_ui.backend.services import errors
from manila_ui.backend.services import share_group_types as types_service
from manila_ui.backend.types.records import ShareGroupType

VIEW = ShareGroupTypeView()
GA = "2.55"
# Manila answers these with its exceptions' unformatted templates.
_EXISTS = "Share group type %(type_id)s already exists."
_NO_SHARE_TYPE = "Share Type %(share_type)s does not exist."
_TYPE_NOT_FOUND = "Share group type %(type_id)s could not be found."
_ACCESS_EXISTS = ("Share group type access for %(type_id)s / %(project_id)s combination "
                  "already exists.")
_ACCESS_NOT_FOUND = ("Share group type access not found for %(type_id)s / %(project_id)s "
                     "combination.")


def find(req: ApiRequest, type_id: str) -> ShareGroupType | None:
    """The group type if the caller may see it (Manila's type query)."""
    return req.services.share_group_types.visible(type_id, req.ctx.project_id,
                                                  bool(req.ctx.is_admin))


@api_version("2.31")
def index(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.INDEX)
    is_public = query.types_is_public(req.GET, bool(req.ctx.is_admin))
    wanted: dict[str, str] = {}
    if req.GET.get("group_specs"):
        if not req.at_least("2.66"):
            raise faults.BadRequest(
                "Filter by 'group_specs' is not supported by this microversion. Use "
                "2.66 or greater microversion to be able to use filter search by "
                "'group_specs.")
        wanted = query.literal_dict(req.GET["group_specs"], "group specs")
    found = req.services.share_group_types.list_all(is_public, req.ctx.project_id)
    if wanted:
        # Manila keeps a type whose specs have every key and value asked for.
        found = [t for t in found if all(t.group_specs.get(k) == v
                                         for k, v in wanted.items())]
    return json_response(VIEW.index(req, found))


@api_version("2.31")
def show(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.SHOW)
    type_id = req.url_args["share_group_type_id"]
    found = find(req, type_id)
    if found is None:
        raise faults.NotFound(f"Share group type with id {type_id} not found.")
    return json_response(VIEW.show(req, found))


@api_version("2.31")
def default(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.DEFAULT)
    found = req.services.share_group_types.default()
    if found is None:
        raise faults.NotFound("Default share group type not found.")
    return json_response(VIEW.show(req, found))


@api_version("2.31")
def create(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.CREATE)
    body = req.json_body()
    spec = body.get("share_group_type") if isinstance(body, dict) else None
    if not isinstance(spec, dict):
        raise faults.BadRequest()
    name = spec.get("name")
    specs = spec.get("group_specs", {})
    share_types = spec.get("share_types")
    if not share_types:
        raise faults.BadRequest("Supported share types must be provided.")
    if not isinstance(name, str) or not name or len(name) > 255:
        raise faults.BadRequest("Share group type name is not valid.")
    if not (specs is None or isinstance(specs, dict)):
        raise faults.BadRequest("Group specs can be either of 'None' or 'dict' types.")
    if specs and not all(isinstance(item, str) for pair in specs.items()
                         for item in pair):
        raise faults.BadRequest("Group specs keys and values should be strings.")
    if not isinstance(share_types, list) or not all(
            isinstance(t, str) for t in share_types):
        raise faults.BadRequest("Supported share types must be provided.")
    is_public = query.strict_bool(spec.get("is_public", True), "is_public")
    try:
        created = req.services.share_group_types.create(name, share_types, specs or {},
                                                        is_public)
    except errors.Conflict:
        raise faults.Conflict(_EXISTS) from None
    except errors.NotFound:
        raise faults.NotFound(_NO_SHARE_TYPE) from None
    return json_response(VIEW.show(req, created))


@api_version("2.31")
def delete(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.DELETE)
    try:
        req.services.share_group_types.delete(req.url_args["share_group_type_id"])
    except errors.NotFound:
        raise faults.NotFound() from None
    return empty_response(204)


@api_version("2.31")
def project_access(req: ApiRequest) -> webob.Response:
    graduated(req, GA)
    req.authorize(policy.LIST_PROJECT_ACCESS)
    type_id = req.url_args["share_group_type_id"]
    found = find(req, type_id)
    if found is None:
        raise faults.NotFound(f"Share group type {type_id} not found.")
    if found.is_public:
        raise faults.NotFound("Access list not available for public share group types.")
    return json_response({"share_group_type_access": [
        {"share_group_type_id": found.id, "project_id": project}
        for project in req.services.share_group_types.projects(found.id)]})


def _change_access(req: ApiRequest, type_id: str, body: dict[str, Any],
                   grant: bool) -> webob.Response:
    graduated(req, GA)
    name = "addProjectAccess" if grant else "removeProjectAccess"
    req.authorize(policy.ADD_PROJECT_ACCESS if grant else policy.REMOVE_PROJECT_ACCESS)
    argument = body.get(name)
    if not isinstance(argument, dict):
        raise faults.BadRequest()
    project = argument.get("project")
    if not uuid_like(project):
        raise faults.BadRequest(f"Project value ({project}) must be in uuid format.")
    try:
        req.services.share_group_types.change_access(type_id, str(project), grant)
    except types_service.AccessExists:
        raise faults.Conflict(_ACCESS_EXISTS) from None
    except types_service.AccessNotFound:
        raise faults.NotFound(_ACCESS_NOT_FOUND) from None
    except errors.NotFound:
        raise faults.NotFound(_TYPE_NOT_FOUND) from None
    return empty_response(202)


ACTIONS = {
    "addProjectAccess": Action(
        lambda req, type_id, body: _change_access(req, type_id, body, grant=True),
        "2.31"),
    "removeProjectAccess": Action(
        lambda req, type_id, body: _change_access(req, type_id, body, grant=False),
        "2.31"),
}
