"""Access rules: the share actions ``allow_access``, ``deny_access`` and
``access_list`` (entries of share_actions.ACTIONS), and
``/share-access-rules`` (2.45): list, show, level update (2.88), metadata.

Where Manila 23 answers a malformed body with a 500 (a missing
``access_type``, ``access_id`` or ``metadata`` that is not an object), we
answer 400 naming the field: the one intentional difference here.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import resource_locks as lock_policy
from manila_ui.backend.policies import share_access as policy
from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import lock_target
from manila_ui.backend.rest.common import locker
from manila_ui.backend.rest.common import share_for_modification
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_access import AccessRuleView
from manila_ui.backend.services import access_rules
from manila_ui.backend.services import errors
from manila_ui.backend.services import resource_locks as locks
from manila_ui.backend.services.share_access import Flags
from manila_ui.backend.services.share_access import NewRule
from manila_ui.backend.types.queries import RuleFilters
from manila_ui.backend.types.records import AccessRule
from manila_ui.backend.types.records import Share

VIEW = AccessRuleView()






def restricted_ids(req: ApiRequest, rules: list[AccessRule]) -> set[str]:
    """Rules whose visibility lock this caller may not bypass (one query
    for the whole list)."""
    context = locker(req).context
    return {lock.resource_id
            for lock in req.services.resource_locks.for_resources(
                [rule.id for rule in rules], locks.SHOW)
            if not locks.can_manipulate(lock, context)
            or not req.allowed(lock_policy.BYPASS_LOCKED_SHOW, lock_target(lock))}


def _flags(req: ApiRequest) -> Flags:
    return Flags(enable_ceph=req.at_least("2.13"),
                 allow_on_error_status=req.at_least("2.28"),
                 enable_ipv6=req.at_least("2.38"),
                 allow_on_error_state=req.at_least("2.74"))


def _argument(body: dict[str, Any]) -> dict[str, Any]:
    (name,) = body
    data = body[name]
    if not isinstance(data, dict):
        raise faults.BadRequest(f"Invalid input: '{name}' must be an object.")
    return data


def _share(req: ApiRequest, share_id: str) -> Share:
    try:
        return share_for_modification(req, share_id)
    except faults.NotFound:
        raise faults.NotFound("NotFound: Resource could not be found.") from None


def _view_share(req: ApiRequest, share: Share) -> Share | None:
    """The share as it is now, for views below 2.28 (rule state = the
    share's access_rules_status)."""
    if req.at_least("2.28"):
        return None
    return req.services.shares.get(share.id)


# -- the share actions ------------------------------------------------------------

def allow(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(share_policy.ALLOW_ACCESS)
    data = _argument(body)
    share = _share(req, share_id)
    for field in ("access_type", "access_to"):
        if field not in data:
            raise faults.BadRequest(f"Invalid input: '{field}' is required.")
    metadata: dict[str, Any] = {}
    if req.at_least("2.45") and data.get("metadata") is not None:
        metadata = data["metadata"]
        if not isinstance(metadata, dict) or not all(
                isinstance(v, str) for v in metadata.values()):
            raise faults.BadRequest()
    with_locks = req.at_least("2.82")
    new = NewRule(
        access_type=data["access_type"], access_to=data["access_to"],
        access_level=data.get("access_level"), metadata=metadata,
        lock_visibility=with_locks and bool(data.get("lock_visibility", False)),
        lock_deletion=with_locks and bool(data.get("lock_deletion", False)),
        lock_reason=data.get("lock_reason") if with_locks else None)
    rule = req.services.share_access.allow(share.id, new, locker(req), _flags(req))
    return json_response(VIEW.detail(req, rule, _view_share(req, share)))


def _check_deletion_locks(req: ApiRequest, share_id: str, access_id: str,
                          unrestrict: bool) -> None:
    """Manila's order: a locked rule is refused before the share is read."""
    found = req.services.resource_locks.for_resources([access_id], locks.DELETE)
    if not found:
        return
    if not unrestrict:
        raise faults.Forbidden(
            f"Cannot deny access for share '{share_id}' since it has been locked. "
            "Please remove the locks and retry the operation")
    context = locker(req).context
    for lock in found:
        visible = req.ctx.is_admin or lock.project_id == req.ctx.project_id
        if not (visible and locks.can_manipulate(lock, context)
                and req.allowed(lock_policy.DELETE, lock_target(lock))):
            raise faults.Forbidden(
                "Unable to drop access rule restrictions that are not placed by you.")


def deny(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(share_policy.DENY_ACCESS)
    data = _argument(body)
    if "access_id" not in data:
        raise faults.BadRequest("Invalid input: 'access_id' is required.")
    access_id = str(data["access_id"])
    unrestrict = query.strict_bool(data.get("unrestrict", False), "unrestrict")
    _check_deletion_locks(req, share_id, access_id, unrestrict)
    share = _share(req, share_id)
    req.services.share_access.deny(share.id, access_id, _flags(req), unrestrict)
    return empty_response(202)


def access_list(req: ApiRequest, share_id: str, body: dict[str, Any]) -> webob.Response:
    share = _share_visible(req, share_id)
    req.authorize(share_policy.ACCESS_GET_ALL)
    rules = req.services.share_access.list_for_share(share.id)
    return json_response(VIEW.index(req, rules, _view_share(req, share),
                                    restricted_ids(req, rules)))


def _share_visible(req: ApiRequest, share_id: str) -> Share:
    try:
        return visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound("NotFound: Resource could not be found.") from None


ACTIONS: dict[str, Action] = {
    "allow_access": Action(allow, "2.7"),
    "os-allow_access": Action(allow, "2.0", "2.6"),
    "deny_access": Action(deny, "2.7"),
    "os-deny_access": Action(deny, "2.0", "2.6"),
    "access_list": Action(access_list, "2.7", "2.44"),
    "os-access_list": Action(access_list, "2.0", "2.6"),
}


# -- /share-access-rules ------------------------------------------------------------

def _filters(req: ApiRequest, params: dict[str, str]) -> RuleFilters:
    f = RuleFilters(access_type=params.get("access_type") or None,
                    access_to=params.get("access_to") or None,
                    access_level=params.get("access_level") or None,
                    access_key=params.get("access_key") or None)
    if params.get("metadata"):
        f.metadata = query.literal_dict(params["metadata"], "metadata")
    if not req.at_least("2.82"):
        return f
    if f.access_type and f.access_type not in access_rules.ACCESS_TYPES:
        raise faults.BadRequest(
            f"Invalid or unsupported share access type: {f.access_type}.")
    if f.access_to and not f.access_type:
        raise faults.BadRequest(
            "Invalid input received: 'access_type' parameter must be provided "
            "when specifying 'access_to'.")
    if f.access_type and f.access_to:
        try:
            access_rules.check_access(f.access_type, f.access_to,
                                      enable_ceph=True, enable_ipv6=True)
        except errors.Invalid as exc:
            raise faults.BadRequest(exc.message) from None
    if f.access_level and f.access_level not in access_rules.ACCESS_LEVELS:
        raise faults.BadRequest(
            f"Invalid or unsupported share access level: {f.access_level}.")
    return f


@api_version("2.45")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    params = dict(req.GET.items())
    if "share_id" not in params:
        raise faults.BadRequest("The field 'share_id' has to be specified.")
    share_id = params.pop("share_id")
    filters = _filters(req, params)
    try:
        share = visible_share(req, share_id)
    except faults.NotFound:
        raise faults.BadRequest(f"Share {share_id} not found.") from None
    req.authorize(share_policy.ACCESS_GET_ALL)
    rules = req.services.share_access.list_for_share(share.id, filters)
    hidden = restricted_ids(req, rules)
    if "access_to" in params or "access_key" in params:
        rules = [rule for rule in rules if rule.id not in hidden]
    # Ours: the order the rules take effect in (Manila ignores sort_key here).
    if params.get("sort_key") == "priority":
        rules = access_rules.effective_order(rules)
        if params.get("sort_dir", "asc").lower() == "desc":
            rules.reverse()
    return json_response(VIEW.index(req, rules, None, hidden))


def _visible_rule(req: ApiRequest, rule_id: str, message: str) -> AccessRule:
    try:
        rule = req.services.share_access.get(rule_id)
        visible_share(req, rule.share_id)
    except (errors.NotFound, faults.NotFound):
        raise faults.NotFound(message) from None
    req.authorize(share_policy.ACCESS_GET)
    return rule


@api_version("2.45")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    rule_id = req.url_args["share_access_id"]
    rule = _visible_rule(req, rule_id, f"Share access rule {rule_id} not found.")
    return json_response(VIEW.detail(req, rule, None, rule.id in restricted_ids(req, [rule])))


@api_version("2.88")
def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("update_access"), dict):
        raise faults.BadRequest()
    level = body["update_access"].get("access_level")
    if not level:
        raise faults.BadRequest("Invalid input. Missing 'access_level' in update request.")
    if level not in access_rules.ACCESS_LEVELS:
        raise faults.BadRequest(f"Invalid or unsupported share access level: {level}.")
    rule_id = req.url_args["share_access_id"]
    rule = _visible_rule(req, rule_id, f"Share access rule {rule_id} not found.")
    if level != rule.access_level:
        share_for_modification(req, rule.share_id)
        rule = req.services.share_access.update_level(rule.id, level)
    return json_response(VIEW.detail(req, rule, None, rule.id in restricted_ids(req, [rule])))


@api_version("2.45")
def update_metadata(req: ApiRequest) -> webob.Response:
    req.authorize(policy.METADATA_UPDATE)
    body = req.json_body()
    if not isinstance(body, dict) or not isinstance(body.get("metadata"), dict):
        raise faults.BadRequest()
    items = body["metadata"]
    if not all(isinstance(v, str) for v in items.values()):
        raise faults.BadRequest()
    rule = _visible_rule(req, req.url_args["share_access_id"],
                         "Resource could not be found.")
    changed = req.services.share_access.update_metadata(rule.id, items)
    return json_response({"metadata": changed})


@api_version("2.45")
def delete_metadata(req: ApiRequest) -> webob.Response:
    req.authorize(policy.METADATA_DELETE)
    rule = _visible_rule(req, req.url_args["share_access_id"],
                         "Resource could not be found.")
    req.services.share_access.delete_metadata(rule.id, req.url_args["key"])
    return empty_response(200)
