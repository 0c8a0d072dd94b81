"""What several resource handlers share: who may see a share or a share
network (Manila's visibility, with its 404s and 403s), the policy targets,
the resource-lock caller, and reading the entity of a request body.

Handlers import this module and never each other.
"""

from __future__ import annotations

from typing import Any

from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.validation import validate
from manila_ui.backend.services import errors
from manila_ui.backend.services.resource_locks import Locker
from manila_ui.backend.types.records import ResourceLock
from manila_ui.backend.types.records import Share
from manila_ui.backend.types.records import ShareNetwork

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
