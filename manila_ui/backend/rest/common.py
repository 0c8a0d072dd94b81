"""What several resource handlers share: who may see a share or a share
network (Manila's visibility, with its 404s and 403s), the policy targets,
the resource-lock caller, and reading the entity of a request body.

Handlers import this module and never each other.
"""

from __future__ import annotations

import uuid
from typing import Any

from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.policies import snapshots as snapshot_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.validation import validate
from manila_ui.backend.services import errors
from manila_ui.backend.services.resource_locks import Locker
from manila_ui.backend.types.records import ResourceLock
from manila_ui.backend.types.records import Share
from manila_ui.backend.types.records import ShareGroup
from manila_ui.backend.types.records import ShareNetwork
from manila_ui.backend.types.records import Snapshot

# -- request bodies ---------------------------------------------------------------


def entity(req: ApiRequest, name: str, schema: dict[str, Any] | None = None,
           message: str | None = None) -> dict[str, Any]:
    """The object under ``name`` in the JSON body (Manila answers a body
    without it with 422, not 400), after ``schema`` validated the body."""
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get(name), dict):
        raise faults.UnprocessableEntity(message)
    if schema is not None:
        validate(schema, body)
    found: dict[str, Any] = body[name]
    return found


def optional_text(entity: dict[str, Any], key: str) -> str | None:
    """A name or description of a group or group snapshot: text of at most
    255 characters, or nothing (Manila stores whatever it is given and fails
    with a 500 on what its database refuses)."""
    value = entity.get(key)
    if value is not None and not isinstance(value, str):
        raise faults.BadRequest(f"Invalid input received: {key} must be a string.")
    if value is not None and len(value) > 255:
        raise faults.BadRequest(
            f"Invalid input received: {key} can only be 255 characters long.")
    return value


# Manila's AdminActionsMixin: the statuses ``reset_status`` accepts (its
# message lists them in a set's order; here always this one).
ADMIN_STATUSES = ("creating", "available", "deleting", "error", "error_deleting",
                  "migrating", "migrating_to", "server_migrating")


def admin_status(body: dict[str, Any]) -> str:
    """The status of a ``reset_status`` action of the AdminActionsMixin."""
    argument = body.get("reset_status", body.get("os-reset_status"))
    status = argument.get("status") if isinstance(argument, dict) else None
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    if status not in ADMIN_STATUSES:
        raise faults.BadRequest(
            f"Invalid state. Valid states: {', '.join(ADMIN_STATUSES)}.")
    return str(status)


def uuid_like(value: object) -> bool:
    """oslo.utils' ``is_uuid_like``: a UUID, dashes or not, any case."""
    if not isinstance(value, str):
        return False
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return False
    bare = (value.replace("urn:", "").replace("uuid:", "").strip("{}")
            .replace("-", "").lower())
    return parsed.hex == bare


def graduated(req: ApiRequest, ga: str) -> None:
    """An API that was experimental before ``ga``: below it, only with the
    experimental header (else Manila finds no method: 404)."""
    if not req.at_least(ga) and req.headers.get(
            "X-OpenStack-Manila-API-Experimental", "").strip().lower() not in (
            "1", "t", "true", "on", "y", "yes"):
        raise faults.NotFound()
def state_argument(body: dict[str, Any], attribute: str) -> Any:
    """The value an admin action resets, as Manila's AdminActionsMixin reads
    it: ``{"<action>": {"<attribute>": ...}}``."""
    (name,) = body
    try:
        return body[name][attribute]
    except (TypeError, KeyError):
        raise faults.BadRequest(f"Must specify '{attribute}'") from None


# -- shares -----------------------------------------------------------------------

def share_target(share: Share) -> dict[str, Any]:
    return {"project_id": share.project_id, "user_id": share.user_id}


def visible_share(req: ApiRequest, share_id: str) -> Share:
    """The share if the caller may see it, else 404 (never 403: that would
    tell other projects it exists).  A project's private shares are
    invisible to other projects; a public share is visible to all."""
    try:
        share = req.services.shares.get(share_id)
    except errors.NotFound:
        raise faults.NotFound() from None
    if not share.is_public and not req.allowed(share_policy.GET, share_target(share)):
        raise faults.NotFound()
    return share


def share_for_modification(req: ApiRequest, share_id: str) -> Share:
    """The share an action changes: invisible ones are 404; someone else's
    public share is 403 (Manila's ``get(for_modification=True)``)."""
    share = visible_share(req, share_id)
    req.authorize(share_policy.GET, share_target(share))
    return share


# -- share groups ---------------------------------------------------------------------

def visible_share_group(req: ApiRequest, group_id: str, message: str | None = None
                        ) -> ShareGroup:
    """The group if the caller's project owns it (admins: any), else 404
    with ``message`` (Manila words it differently per API)."""
    try:
        group = req.services.share_groups.get(group_id)
    except errors.NotFound:
        raise faults.NotFound(message) from None
    if not req.ctx.is_admin and group.project_id != req.ctx.project_id:
        raise faults.NotFound(message)
    return group


# -- snapshots --------------------------------------------------------------------

def snapshot_target(snapshot: Snapshot) -> dict[str, Any]:
    return {"project_id": snapshot.project_id, "user_id": snapshot.user_id}


def visible_snapshot(req: ApiRequest, snapshot_id: str,
                     message: str | None = None) -> Snapshot:
    """The snapshot if it is the caller's project's (or the caller is an
    admin), else 404 with ``message``."""
    try:
        snapshot = req.services.snapshots.get(snapshot_id)
    except errors.NotFound:
        raise faults.NotFound(message) from None
    if not req.allowed(snapshot_policy.GET, snapshot_target(snapshot)):
        raise faults.NotFound(message)
    return snapshot


# -- share networks (and what hangs on them) ---------------------------------------

def own(req: ApiRequest) -> str | None:
    """The project whose networks the caller sees (None: admins, all)."""
    return None if req.ctx.is_admin else req.ctx.project_id


def check_policy(req: ApiRequest, rule: str) -> None:
    """Manila's ``check_policy`` on the caller's project: the 403 names the rule."""
    req.authorize(rule, req.ctx.policy_target())


def visible_network(req: ApiRequest, network_id: str) -> ShareNetwork:
    try:
        return req.services.share_networks.get(network_id, own(req))
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None


def network_target(network: ShareNetwork) -> dict[str, Any]:
    return {"project_id": network.project_id, "user_id": network.user_id}


# -- resource locks -----------------------------------------------------------------

def locker(req: ApiRequest) -> Locker:
    """Who places or lifts a lock, and in which context (Manila's
    ``service`` / ``admin`` / ``user``)."""
    if getattr(req.ctx, "service_roles", None):
        context = "service"
    elif req.ctx.is_admin:
        context = "admin"
    else:
        context = "user"
    return Locker(user_id=req.ctx.user_id or "", project_id=req.ctx.project_id or "",
                  context=context)


def lock_target(lock: ResourceLock) -> dict[str, Any]:
    return {"project_id": lock.project_id, "user_id": lock.user_id}
