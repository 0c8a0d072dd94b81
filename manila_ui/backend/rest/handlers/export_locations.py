"""``/shares/{share_id}/export_locations[/{id}]`` (2.9)."""

from __future__ import annotations

import webob

from manila_ui.backend.policies import export_locations as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.export_locations import ExportLocationView
from manila_ui.backend.services import errors

VIEW = ExportLocationView()


def _share_id(req: ApiRequest) -> str:
    share_id = req.url_args["share_id"]
    try:
        visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound(f"Share '{share_id}' not found.") from None
    return share_id


@api_version("2.9")
def index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    share_id = _share_id(req)
    # Below 2.47 the replicas' locations are listed too.
    found = req.services.shares.export_locations(share_id, bool(req.ctx.is_admin),
                                                 replicas=not req.at_least("2.47"))
    return json_response({"export_locations": [VIEW.one(req, el, detail=False)
                                               for el in found]})


@api_version("2.9")
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.SHOW)
    share_id = _share_id(req)
    el_id = req.url_args["export_location_id"]
    try:
        el = req.services.shares.export_location(share_id, el_id,
                                                 replicas=not req.at_least("2.47"))
    except errors.NotFound:
        raise faults.NotFound(f"Export location '{el_id}' not found.") from None
    if el.is_admin_only and not req.ctx.is_admin:
        raise faults.Forbidden()
    return json_response({"export_location": VIEW.one(req, el, detail=True)})
