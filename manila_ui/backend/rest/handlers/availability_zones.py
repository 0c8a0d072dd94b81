"""``/availability-zones`` (``/os-availability-zone`` up to 2.6)."""

from __future__ import annotations

import webob

from manila_ui.backend.policies import availability_zones as policy
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views import availability_zones as views


def _index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    return json_response(views.availability_zones(
        req.services.availability_zones.list_all()))


index = api_version("2.7")(_index)
index_legacy = api_version("2.0", "2.6")(lambda req: _index(req))
