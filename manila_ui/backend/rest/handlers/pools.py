"""``/scheduler-stats/pools[/detail]`` (admin)."""

from __future__ import annotations

import webob

from manila_ui.backend.policies import pools as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views import pools as views
from manila_ui.backend.types.values import echo


def _pools(req: ApiRequest, detail: bool) -> webob.Response:
    # Every query parameter is a filter, as in Manila (the last value of a
    # repeated one); from 2.23 share_type stands for its extra specs.
    filters = {key: req.GET[key] for key in req.GET}
    if "capabilities" in filters:
        # Manila passes the text on as specs and fails with 500.
        raise faults.BadRequest("The capabilities filter takes no value here: "
                                "filter by share_type.")
    specs = None
    if req.at_least("2.23"):
        type_name = filters.pop("share_type", None)
        if type_name:
            share_type = req.services.share_types.find(type_name)
            if share_type is None:
                raise faults.BadRequest(f"Share type {echo(type_name)} not found.")
            specs = share_type.extra_specs
    found = req.services.pools.list_all(filters, specs)
    return json_response(views.pools(found, detail))


def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    return _pools(req, detail=False)


def detail(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DETAIL)
    return _pools(req, detail=True)
