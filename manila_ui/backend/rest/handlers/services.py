"""``/services`` (2.7; ``/os-services`` before): list with Manila's filters,
``PUT /services/{enable|disable}`` (``disabled_reason`` from 2.83), and
``POST /services/ensure-shares`` (2.86; the ``ensuring`` filter from 2.93).
Admins only."""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import services as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import services as schemas
from manila_ui.backend.rest.validation import validate_body
from manila_ui.backend.rest.views.services import ServiceView
from manila_ui.backend.services import errors
from manila_ui.backend.services.services import ServiceFilters
from manila_ui.backend.types.values import echo

VIEW = ServiceView()
STATUSES = ("enabled", "disabled")
# oslo's strict bool_from_string.
_TRUE = ("1", "t", "true", "on", "y", "yes")
_FALSE = ("0", "f", "false", "off", "n", "no")
BAD_REASON = "Disabled reason contains invalid characters or is too long"
REASON_TOO_EARLY = ("'disabled_reason' option is not supported by this microversion. "
                    "Use 2.83 or greater microversion to be able to set "
                    "'disabled_reason'.")


def _strict_bool(value: str) -> bool | None:
    text = value.strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _filters(req: ApiRequest) -> ServiceFilters | None:
    """Manila's filters from the query (None: a value that lists nothing,
    which Manila answers with an empty list, not a 400)."""
    query = {key: req.GET[key] for key in req.GET}
    values: dict[str, Any] = {key: query[key] for key in
                              ("host", "binary", "topic", "state") if key in query}
    if query.get("zone"):
        values["zone"] = query["zone"]
    if "disabled" in query:
        # Manila hands the text to the database as a boolean.
        disabled = _strict_bool(query["disabled"])
        if disabled is None:
            raise faults.BadRequest(f"Invalid disabled filter: {echo(query['disabled'])}.")
        values["disabled"] = disabled
    status = query.get("status")
    if status:
        if status not in STATUSES:
            return None
        values["disabled"] = status == "disabled"
    ensuring = query.get("ensuring")
    if ensuring is not None and (req.at_least("2.93") or not ensuring):
        values["ensuring"] = _strict_bool(ensuring)
        if values["ensuring"] is None:
            return None
    return ServiceFilters(**values)


def _index(req: ApiRequest) -> webob.Response:
    req.authorize(policy.INDEX)
    filters = _filters(req)
    found = [] if filters is None else req.services.services.list_all(filters)
    return json_response(VIEW.index(req, found))


def _update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    action = req.url_args["action"]
    if action not in ("enable", "disable"):
        raise faults.NotFound()
    body = req.json_body()
    if not isinstance(body, dict):
        raise faults.BadRequest()     # Manila fails with 500 here
    reason = None
    if action == "disable":
        given = body.get("disabled_reason")
        if given and not req.at_least("2.83"):
            raise faults.BadRequest(REASON_TOO_EARLY)
        if given:
            if not isinstance(given, str) or not 1 <= len(given.strip()) <= 255:
                raise faults.BadRequest(BAD_REASON)
            reason = given.strip()
    host, binary = body.get("host"), body.get("binary")
    if "host" not in body or "binary" not in body:
        raise faults.BadRequest()
    disabled = action == "disable"
    try:
        req.services.services.set_disabled(
            str(host), str(binary), disabled, reason,
            # Disabling without a reason keeps the one given before; enabling
            # clears it from 2.83 (Manila).
            keep_reason=reason is None and (disabled or not req.at_least("2.83")))
    except errors.NotFound as missing:
        raise faults.NotFound(echo(missing.message, 1000)) from None
    return json_response(VIEW.summary(req, str(host), str(binary), disabled, reason))


# One handler object per version range (the range is kept per handler).
index = api_version("2.7")(lambda req: _index(req))
index_legacy = api_version("2.0", "2.6")(lambda req: _index(req))
update = api_version("2.7")(lambda req: _update(req))
update_legacy = api_version("2.0", "2.6")(lambda req: _update(req))


@api_version("2.86")
def ensure_shares(req: ApiRequest) -> webob.Response:
    req.authorize(policy.ENSURE_SHARES)
    body = req.json_body()
    validate_body(schemas.ENSURE_SHARES, body)
    try:
        req.services.services.ensure_shares(body["ensure_shares"]["host"],
                                            req.ctx.request_id)
    except errors.NotFound:
        raise faults.NotFound() from None
    except errors.Conflict as busy:
        raise faults.Conflict(busy.message) from None
    return empty_response(202)
