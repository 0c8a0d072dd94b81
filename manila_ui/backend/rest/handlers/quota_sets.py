"""``/quota-sets/{project_id}``: show, ``/defaults``, ``/detail`` (2.25),
and for admins update and reset, project-wide (per-user and per-share-type
quotas are not served yet)."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import quota_sets as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.quota_sets import QuotaSetView
from manila_ui.backend.services import quotas as quota

VIEW = QuotaSetView()


def _project(req: ApiRequest) -> str:
    project_id = req.url_args["quota_project_id"]
    req.authorize(policy.SHOW)
    # Manila's authorize_project_context: only admins look at other projects.
    if not req.ctx.is_admin and project_id != req.ctx.project_id:
        raise faults.Forbidden()
    if req.GET.get("user_id") and req.GET.get("share_type"):
        raise faults.BadRequest("'user_id' and 'share_type' values are mutually exclusive")
    return project_id


def _share_type_scoped(req: ApiRequest) -> bool:
    name = req.GET.get("share_type")
    if not name:
        return False
    if not req.at_least("2.39"):
        raise faults.BadRequest(
            "'share_type' key is not supported by this microversion. Use 2.39 "
            "or greater microversion to be able to use 'share_type' quotas.")
    if req.services.share_types.find(name) is None:
        raise faults.NotFound(f"Share type {name} could not be found.")
    return True


def _show(req: ApiRequest, detail: bool) -> webob.Response:
    project_id = _project(req)
    scoped = _share_type_scoped(req)
    limits, usage = req.services.quotas.limits_and_usage(project_id)
    values: dict[str, Any] = dict(limits)
    if detail:
        values = {k: {"limit": v, "in_use": usage.get(k, 0), "reserved": 0}
                  for k, v in limits.items()}
    return json_response(VIEW.show(req, values, project_id, for_share_type=scoped))


def _defaults(req: ApiRequest) -> webob.Response:
    project_id = _project(req)
    return json_response(VIEW.show(req, req.services.quotas.defaults(), project_id))


# Resources a quota update may name only from a microversion on.
_SINCE = {"share_groups": "2.40", "share_group_snapshots": "2.40",
          "share_replicas": "2.53", "replica_gigabytes": "2.53",
          "per_share_gigabytes": "2.62", "backups": "2.80",
          "backup_gigabytes": "2.80", "encryption_keys": "2.90"}


def _scoped_quotas_unsupported(req: ApiRequest) -> None:
    if req.GET.get("user_id") or req.GET.get("share_type"):
        raise faults.BadRequest("Per-user and per-share-type quotas are not "
                                "supported by this backend yet.")


def _update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    project_id = req.url_args["quota_project_id"]
    _scoped_quotas_unsupported(req)
    body = req.json_body()
    quota_set = body.get("quota_set") if isinstance(body, dict) else None
    if not isinstance(quota_set, dict) or all(
            quota_set.get(key) is None for key in quota.RESOURCES):
        raise faults.BadRequest("Must supply at least one quota field to update.")
    bad = [key for key in quota_set
           if key not in quota.RESOURCES and key not in ("force", "id", "tenant_id")]
    if bad:
        raise faults.BadRequest(f"Bad key(s) {','.join(bad)} in quota_set.")
    for key, since in _SINCE.items():
        if key in quota_set and not req.at_least(since):
            raise faults.BadRequest(
                f"'{key}' key is not supported by this microversion. Use {since} "
                f"or greater microversion to be able to use '{key}' quotas.")
    limits: dict[str, int] = {}
    for key, value in quota_set.items():
        if key not in quota.RESOURCES or value is None:
            continue
        try:
            limits[key] = int(value)
        except (TypeError, ValueError):
            raise faults.BadRequest(
                f"Quota '{value}' for {key} should be integer.") from None
    force = query.strict_bool(quota_set.get("force", False), "force")
    req.services.quotas.update(project_id, limits, force)
    return json_response(VIEW.show(req, req.services.quotas.limits(project_id), None))


def _reset(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    _scoped_quotas_unsupported(req)
    req.services.quotas.reset(req.url_args["quota_project_id"])
    return empty_response(202)


update = api_version("2.7")(_update)
update_legacy = api_version("2.0", "2.6")(lambda req: _update(req))
reset = api_version("2.7")(_reset)
reset_legacy = api_version("2.0", "2.6")(lambda req: _reset(req))
show = api_version("2.7")(lambda req: _show(req, detail=False))
show_legacy = api_version("2.0", "2.6")(lambda req: _show(req, detail=False))
detail = api_version("2.25")(lambda req: _show(req, detail=True))
defaults = api_version("2.7")(_defaults)
defaults_legacy = api_version("2.0", "2.6")(lambda req: _defaults(req))
