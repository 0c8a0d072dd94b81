"""``/types``: list, show, default; create, update (2.50) and delete for
admins; the projects given access to a private type
(``/types/{id}/share_type_access``, actions ``addProjectAccess`` and
``removeProjectAccess``).

As in Manila, a private type is visible to admins and to the projects given
access to it; to others it is not found.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_types as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import uuid_like
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import share_types as schema
from manila_ui.backend.rest.validation import validate
from manila_ui.backend.rest.views.share_types import ShareTypeView
from manila_ui.backend.services import errors
from manila_ui.backend.services import share_types as types_service
from manila_ui.backend.types.records import ShareType

VIEW = ShareTypeView()


def _find(req: ApiRequest, type_id: str) -> ShareType | None:
    """The type if the caller may see it (Manila's type query)."""
    share_type = req.services.share_types.get_by_id(type_id)
    if share_type is None or req.ctx.is_admin or share_type.is_public:
        return share_type
    if req.services.share_types.usable_by(share_type, req.ctx.project_id or ""):
        return share_type
    return None


def _visible(req: ApiRequest, type_id: str) -> ShareType:
    share_type = _find(req, type_id)
    if share_type is None:
        raise faults.NotFound("Share type not found.")
    return share_type


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    is_public = query.types_is_public(req.GET, bool(req.ctx.is_admin))
    wanted: dict[str, str] = {}
    if req.GET.get("extra_specs"):
        if not req.at_least("2.43"):
            raise faults.BadRequest(
                "Filter by 'extra_specs' is not supported by this microversion. "
                "Use 2.43 or greater microversion to be able to use filter "
                "search by 'extra_specs.")
        # Manila matches the stored text exactly ('True' is not 'true').
        wanted = query.literal_dict(req.GET["extra_specs"], "extra specs")
    zones = _zones(wanted.pop("availability_zones", None))
    found = [t for t in req.services.share_types.list_all(is_public, req.ctx.project_id)
             if all(t.extra_specs.get(k) == v for k, v in wanted.items())
             and _in_zones(t, zones)]
    return json_response(VIEW.index(req, found))


def _zones(value: object) -> set[str]:
    """An ``availability_zones`` filter: every zone asked for (comma separated)."""
    if value is None:
        return set()
    if not isinstance(value, str):
        raise faults.BadRequest("Invalid input received: availability_zones must be a "
                                "comma separated string.")
    return {zone.strip() for zone in value.split(",") if zone.strip()}


def _in_zones(share_type: ShareType, zones: set[str]) -> bool:
    """Manila: a type without an availability_zones spec serves every zone."""
    spec = share_type.extra_specs.get("availability_zones")
    return not zones or not spec or zones <= {z.strip() for z in spec.split(",")}


def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    return json_response(VIEW.show(req, _visible(req, req.url_args["share_type_id"])))


def default(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DEFAULT)
    share_type = req.services.share_types.default()
    if share_type is None:
        raise faults.NotFound("Default share type not found")
    return json_response(VIEW.show(req, share_type))


def _entity(req: ApiRequest, body_schema: dict[str, Any]) -> dict[str, Any]:
    """``share_type`` (or, failing that, ``volume_type``) of the body."""
    body = req.json_body()
    entity = next((key for key in ("share_type", "volume_type")
                   if isinstance(body, dict) and isinstance(body.get(key), dict)), None)
    if entity is None:
        raise faults.BadRequest()
    validate(body_schema, body[entity])
    spec: dict[str, Any] = body[entity]
    return spec


def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    spec = _entity(req, schema.create)
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
        if exc.message.startswith("share_size must"):
            raise faults.BadRequest(exc.message) from None
        if exc.message.startswith(("Required extra specs", "Value of required")):
            raise faults.BadRequest(
                f"Invalid extra_spec: {exc.message.rstrip('.')}.") from None
        # Manila re-raises the optional specs' error with its unformatted text.
        raise faults.BadRequest(
            "Invalid share type: Invalid extra_spec: %(reason)s.") from None
    view = VIEW.show(req, created)
    # Manila echoes the required spec as the body sent it (a JSON boolean
    # stays one); a later GET reads the stored text.
    view["share_type"]["required_extra_specs"] = {
        types_service.DHSS: (spec.get("extra_specs") or {})[types_service.DHSS]}
    return json_response(view)


def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    try:
        req.services.share_types.delete(req.url_args["share_type_id"])
    except errors.NotFound:
        raise faults.NotFound() from None
    return empty_response(202)


@api_version("2.50")
def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    spec = _entity(req, schema.update)
    name, description = spec.get("name"), spec.get("description")
    is_public = spec.get("share_type_access:is_public")
    if is_public is not None:
        try:
            is_public = query.strict_bool(is_public, "share_type_access:is_public")
        except faults.BadRequest:
            raise faults.BadRequest(
                "share_type_access:is_public has a non-boolean value.") from None
    if name is not None:
        if not name.strip():
            raise faults.BadRequest("Share type name cannot be empty.")
        if len(name) > 255:
            raise faults.BadRequest(
                "Share type name cannot be greater than 255 characters in length.")
    if description and len(description) > 255:
        raise faults.BadRequest(
            "Share type description cannot be greater than 255 characters in length.")
    if name is None and description is None and is_public is None:
        raise faults.BadRequest(
            "Specify share type name, description, share_type_access:is_public or "
            "a combination thereof.")
    try:
        updated = req.services.share_types.update(req.url_args["share_type_id"], name,
                                                  description, is_public)
    except errors.NotFound as missing:   # Manila's wsgi layer names the exception
        raise faults.NotFound(f"ShareTypeNotFound: {missing.message}") from None
    return json_response(VIEW.show(req, updated))


def project_access(req: ApiRequest) -> webob.Response:
    """``GET /types/{id}/share_type_access`` (and ``os-share-type-access``)."""
    req.authorize(policy.LIST_PROJECT_ACCESS)
    type_id = req.url_args["share_type_id"]
    share_type = _find(req, type_id)
    if share_type is None:
        raise faults.NotFound(f"Share type {type_id} not found.")
    if share_type.is_public:
        raise faults.NotFound("Access list not available for public share types.")
    return json_response({"share_type_access": [
        {"share_type_id": share_type.id, "project_id": project}
        for project in req.services.share_types.projects(share_type.id)]})


def _project(body: dict[str, Any], action: str) -> str:
    argument = body.get(action)
    if not isinstance(argument, dict):
        raise faults.BadRequest()
    project = argument.get("project")
    if not uuid_like(project):
        raise faults.BadRequest(
            f"Bad project format: project is not in proper format ({project})")
    return str(project)


# Manila answers these with its exceptions' unformatted templates.
_TYPE_NOT_FOUND = "Share type %(share_type_id)s could not be found."
_ACCESS_EXISTS = ("Share type access for %(share_type_id)s / %(project_id)s "
                  "combination already exists.")
_ACCESS_NOT_FOUND = ("Share type access not found for %(share_type_id)s / "
                     "%(project_id)s combination.")


def _change_access(req: ApiRequest, type_id: str, body: dict[str, Any],
                   grant: bool) -> webob.Response:
    name = "addProjectAccess" if grant else "removeProjectAccess"
    req.authorize(policy.ADD_PROJECT_ACCESS if grant else policy.REMOVE_PROJECT_ACCESS)
    try:
        req.services.share_types.change_access(type_id, _project(body, name), grant)
    except types_service.AccessExists:
        raise faults.Conflict(_ACCESS_EXISTS) from None
    except types_service.AccessNotFound:
        raise faults.NotFound(_ACCESS_NOT_FOUND) from None
    except errors.NotFound:
        raise faults.NotFound(_TYPE_NOT_FOUND) from None
    return empty_response(202)


ACTIONS = {
    "addProjectAccess": Action(
        lambda req, type_id, body: _change_access(req, type_id, body, grant=True)),
    "removeProjectAccess": Action(
        lambda req, type_id, body: _change_access(req, type_id, body, grant=False)),
}
