"""``/quota-sets/{project_id}`` show, ``/defaults`` and ``/detail`` (2.25).
Updating quotas comes with the full quota engine."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import quota_sets as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.quotas import QuotaSetView

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


show = api_version("2.7")(lambda req: _show(req, detail=False))
show_legacy = api_version("2.0", "2.6")(lambda req: _show(req, detail=False))
detail = api_version("2.25")(lambda req: _show(req, detail=True))
defaults = api_version("2.7")(_defaults)
defaults_legacy = api_version("2.0", "2.6")(lambda req: _defaults(req))
