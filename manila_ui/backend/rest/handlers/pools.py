"""``/scheduler-stats/pools[/detail]`` (admin)."""

from __future__ import annotations

import webob

from manila_ui.backend.policies import pools as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views import pools as views
from manila_ui.backend.services import scheduler


def _pools(req: ApiRequest, detail: bool) -> webob.Response:
    filters = {k: v for k, v in req.GET.items() if k in ("host", "backend", "pool")}
    found = req.services.pools.list_all(filters)
    type_name = req.GET.get("share_type")
    if type_name and req.at_least("2.23"):
        share_type = req.services.share_types.find(type_name)
        if share_type is None:
            raise faults.BadRequest(f"Share type {type_name} not found.")
        found = [p for p in found if scheduler.capabilities_satisfied(
            p.capabilities, share_type.extra_specs)]
    return json_response(views.pools(found, detail))


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    return _pools(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DETAIL)
    return _pools(req, detail=True)
