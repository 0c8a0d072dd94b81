"""``/quota-class-sets/{class_name}`` (``/os-quota-class-sets`` up to 2.6):
show and update.  Class ``default`` is what every project gets where neither
it nor its users or share types set a limit; other classes are stored and
shown, as in Manila, where a keystone token never names one.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import quota_sets as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.validation import validate_body
from manila_ui.backend.rest.views.quota_sets import QuotaClassSetView
from manila_ui.backend.services import quotas as quota
from manila_ui.backend.types.values import echo

VIEW = QuotaClassSetView()
_BASE = ("gigabytes", "shares", "share_networks", "share_groups",
         "snapshot_gigabytes", "snapshots")


def _schema(req: ApiRequest) -> dict[str, Any]:
    """Manila's request schema: the resources of the request's microversion
    must be integers; anything else passes."""
    typed = [key for key in quota.RESOURCES if key in _BASE or (
        key not in ("share_group_snapshots",) and req.at_least(quota.SINCE.get(key, "2.0")))]
    return {"type": "object", "required": ["quota_class_set"],
            "properties": {"quota_class_set": {
                "type": "object",
                "properties": {key: {"type": "integer"} for key in typed}}}}


def _admin_only(req: ApiRequest) -> None:
    # Manila's authorize_quota_class_context: a user's token names no class.
    if not req.ctx.is_admin:
        raise faults.Forbidden()


def _show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CLASS_SHOW)
    _admin_only(req)
    class_name = req.url_args["class_name"]
    return json_response(VIEW.show(req, req.services.quotas.class_limits(class_name),
                                   class_name))


def _update(req: ApiRequest) -> webob.Response:
    body = req.json_body()
    validate_body(_schema(req), body)
    req.authorize(policy.CLASS_UPDATE)
    limits: dict[str, int] = {}
    for key, value in body["quota_class_set"].items():
        if key in quota.RESOURCES:
            try:
                limits[key] = int(value)
            except (TypeError, ValueError):
                raise faults.BadRequest(
                    f"Invalid input for field/attribute {key}. Value: {echo(value)}. "
                    f"{echo(repr(value))} is not of type 'integer'") from None
    class_name = req.url_args["class_name"]
    return json_response(VIEW.show(req, req.services.quotas.update_class(class_name, limits),
                                   None))


show = api_version("2.7")(_show)
show_legacy = api_version("2.0", "2.6")(lambda req: _show(req))
update = api_version("2.7")(_update)
update_legacy = api_version("2.0", "2.6")(lambda req: _update(req))
