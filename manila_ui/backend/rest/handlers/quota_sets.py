"""``/quota-sets/{project_id}`` (``/os-quota-sets`` up to 2.6): show,
``/defaults``, ``/detail`` (2.25), update and reset, for a project, one of
its users (``?user_id=``) or one share type (``?share_type=``, 2.39).

Checks come in Manila's order, with its words; where Manila answers 500 (a
body that is not an object) this answers 400.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import quota_sets as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.quota_sets import QuotaSetView
from manila_ui.backend.services import quotas as quota
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.types.values import echo

VIEW = QuotaSetView()
NON_QUOTA_KEYS = ("tenant_id", "id", "force", "share_type")
_TRUE = ("1", "t", "true", "on", "y", "yes")
# Manila checks newer resources band by band, one band per request (an
# ``elif`` chain): below 2.40 only the share_type argument, and so on.
_BANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("2.40", ("share_groups", "share_group_snapshots")),
    ("2.53", ("share_replicas", "replica_gigabytes")),
    ("2.62", ("per_share_gigabytes",)),
    ("2.80", ("backups", "backup_gigabytes")),
    ("2.90", ("encryption_keys",)))


def _params(req: ApiRequest) -> tuple[str | None, str | None]:
    return req.GET.get("user_id") or None, req.GET.get("share_type") or None


def _no_share_type_before_2_39(req: ApiRequest) -> None:
    if req.GET.get("share_type") and not req.at_least("2.39"):
        raise faults.BadRequest(
            "'share_type' key is not supported by this microversion. Use 2.39 or "
            "greater microversion to be able to use 'share_type' quotas.")


def _mutually_exclusive(user_id: str | None, share_type: str | None) -> None:
    if user_id and share_type:
        raise faults.BadRequest("'user_id' and 'share_type' values are mutually exclusive")


def _share_type_id(req: ApiRequest, name_or_id: str | None) -> str | None:
    if not name_or_id:
        return None
    found = req.services.share_types.find(name_or_id)
    if found is None:
        raise faults.NotFound(f"Share type with name or id '{name_or_id}' not found.")
    return found.id


def _own_project(req: ApiRequest, project_id: str) -> None:
    """Manila's authorize_project_context: only admins reach other projects."""
    if not req.ctx.is_admin and project_id != req.ctx.project_id:
        raise faults.Forbidden()


def _show(req: ApiRequest, detail: bool) -> webob.Response:
    _no_share_type_before_2_39(req)
    req.authorize(policy.SHOW)
    project_id = req.url_args["quota_project_id"]
    _own_project(req, project_id)
    user_id, share_type = _params(req)
    type_id = _share_type_id(req, share_type)
    _mutually_exclusive(user_id, type_id)
    limits, usage = req.services.quotas.limits_and_usage(
        Owner(project_id, user_id, type_id))
    values: dict[str, Any] = dict(limits)
    if detail:
        values = {k: {"limit": v, "in_use": usage.get(k, 0), "reserved": 0}
                  for k, v in limits.items()}
    return json_response(VIEW.show(req, values, project_id,
                                   for_share_type=type_id is not None))


def _defaults(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    return json_response(VIEW.show(req, req.services.quotas.defaults(),
                                   req.url_args["quota_project_id"]))


def _bands(req: ApiRequest, quota_set: dict[str, Any], legacy: bool) -> None:
    """Resources newer than the request's microversion (Manila checks a
    truthy value only)."""
    def refuse_present(since: str, keys: tuple[str, ...]) -> None:
        for key in keys:
            if quota_set.get(key):
                raise faults.BadRequest(
                    f"'{key}' key is not supported by this microversion. Use {since} "
                    f"or greater microversion to be able to use '{key}' quotas.")
    if legacy:   # os-quota-sets: the first two bands, both
        for since, keys in _BANDS[:2]:
            refuse_present(since, keys)
        return
    if not req.at_least("2.39"):
        return
    for since, keys in _BANDS:
        if not req.at_least(since):
            refuse_present(since, keys)
            return


def _integer(key: str, value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise faults.BadRequest(f"Quota '{echo(value)}' for {key} should be "
                                "integer.") from None


def _update(req: ApiRequest, legacy: bool) -> webob.Response:
    _no_share_type_before_2_39(req)
    body = req.json_body()
    if not isinstance(body, dict):
        raise faults.BadRequest("Must supply at least one quota field to update.")
    banded = body.get("quota_set", body)
    _bands(req, banded if isinstance(banded, dict) else {}, legacy)
    req.authorize(policy.UPDATE)
    quota_set = body.get("quota_set", {})
    if not isinstance(quota_set, dict):
        raise faults.BadRequest("Must supply at least one quota field to update.")
    if all(quota_set.get(key) is None for key in quota.RESOURCES):
        raise faults.BadRequest("Must supply at least one quota field to update.")
    project_id = req.url_args["quota_project_id"]
    user_id, share_type = _params(req)
    _mutually_exclusive(user_id, share_type)
    type_id = _share_type_id(req, share_type)
    if share_type and quota_set.get("share_groups",
                                    quota_set.get("share_group_snapshots")):
        raise faults.BadRequest("Share type quotas cannot constrain share groups and "
                                "share group snapshots.")
    bad: list[str] = []
    force = False
    for key, value in quota_set.items():
        if key == "share_networks" and type_id:
            raise faults.BadRequest(
                "'share_networks' quota cannot be set for share type. It can be set "
                "only for project or user.")
        if key not in quota.RESOURCES and key not in NON_QUOTA_KEYS:
            bad.append(key)
        elif key == "force":
            force = value is True or str(value).strip().lower() in _TRUE
        elif key not in NON_QUOTA_KEYS and value:
            _integer(key, value)
    if bad:
        raise faults.BadRequest(f"Bad key(s) {','.join(bad)} in quota_set.")
    limits = {key: _integer(key, value) for key, value in quota_set.items()
              if key not in NON_QUOTA_KEYS and (value or value == 0)}
    owner = Owner(project_id, user_id, type_id)
    req.services.quotas.update(owner, limits, force)
    return json_response(VIEW.show(req, req.services.quotas.limits(owner), None,
                                   for_share_type=type_id is not None))


def _reset(req: ApiRequest) -> webob.Response:
    _no_share_type_before_2_39(req)
    req.authorize(policy.DELETE)
    project_id = req.url_args["quota_project_id"]
    user_id, share_type = _params(req)
    _mutually_exclusive(user_id, share_type)
    _own_project(req, project_id)
    type_id = _share_type_id(req, share_type) if not user_id else None
    req.services.quotas.reset(Owner(project_id, user_id, type_id))
    return empty_response(202)


update = api_version("2.7")(lambda req: _update(req, legacy=False))
update_legacy = api_version("2.0", "2.6")(lambda req: _update(req, legacy=True))
reset = api_version("2.7")(_reset)
reset_legacy = api_version("2.0", "2.6")(lambda req: _reset(req))
show = api_version("2.7")(lambda req: _show(req, detail=False))
show_legacy = api_version("2.0", "2.6")(lambda req: _show(req, detail=False))
detail = api_version("2.25")(lambda req: _show(req, detail=True))
defaults = api_version("2.7")(_defaults)
defaults_legacy = api_version("2.0", "2.6")(lambda req: _defaults(req))
