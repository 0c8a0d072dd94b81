"""``/limits``: the caller's absolute limits and usage (no policy rule, as
in Manila: every user may read their own)."""

from __future__ import annotations

import webob

from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.limits import LimitsView

VIEW = LimitsView()


def index(req: ApiRequest) -> webob.Response:
    limits, usage = req.services.quotas.limits_and_usage(req.ctx.caller().project_id)
    return json_response(VIEW.build(req, limits, usage))
