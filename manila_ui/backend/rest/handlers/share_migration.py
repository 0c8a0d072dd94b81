"""Share migration: the share actions ``migration_start`` (2.29),
``migration_complete``, ``migration_cancel``, ``migration_get_progress``
(2.22 to 2.97) and ``reset_task_state`` (2.22), experimental until 2.96;
and ``GET /shares/{id}/migration-progress`` (2.98).  All admins'.

Each reads as Manila's: policy → body schema → the share (404) → the
service, whose refusals carry Manila's words.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_migration as policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.schemas import share_migration as schema
from manila_ui.backend.rest.validation import validate_body
from manila_ui.backend.services import errors
from manila_ui.backend.services.share_migration import MigrationRequest
from manila_ui.backend.services.share_servers import check_network_active
from manila_ui.backend.types.records import Share

GA = "2.96"


def _share(req: ApiRequest, share_id: str, message: str | None = None) -> Share:
    try:
        return visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound(message) from None


def migration_start(req: ApiRequest, share_id: str, body: dict[str, Any]
                    ) -> webob.Response:
    req.authorize(policy.START)
    validate_body(schema.migration_start, body)
    share = _share(req, share_id, f"Share {share_id} not found.")
    if share.is_soft_deleted:
        raise faults.BadRequest(f"Invalid share: Migration cannot start for share "
                                f"'{share_id}' since it has been soft deleted.")
    params = body["migration_start"]
    flags = {name: query.strict_bool(params.get(name, False), name) for name in (
        "preserve_metadata", "writable", "nondisruptive", "preserve_snapshots",
        "force_host_assisted_migration")}
    network_id = params.get("new_share_network_id")
    if network_id:
        try:
            network = req.services.share_networks.get(network_id)
        except errors.NotFound:
            raise faults.BadRequest(f"Share network {network_id} not found.") from None
        check_network_active(network)
    elif share.share_network_id:
        try:
            check_network_active(req.services.share_networks.get(share.share_network_id))
        except errors.NotFound:
            pass
    new_type = None
    type_id = params.get("new_share_type_id")
    if type_id:
        new_type = req.services.share_types.get_by_id(str(type_id))
        if new_type is None:
            raise faults.BadRequest(f"Share type {type_id} not found.")
    code = req.services.share_migration.start(share, MigrationRequest(
        host=params["host"], force_host_assisted=flags["force_host_assisted_migration"],
        preserve_metadata=flags["preserve_metadata"], writable=flags["writable"],
        nondisruptive=flags["nondisruptive"],
        preserve_snapshots=flags["preserve_snapshots"], new_share_type=new_type,
        new_share_network_id=network_id or None), req.ctx.request_id)
    return empty_response(code)


def migration_complete(req: ApiRequest, share_id: str, body: dict[str, Any]
                       ) -> webob.Response:
    validate_body(schema.migration_complete, body)
    req.authorize(policy.COMPLETE)
    share = _share(req, share_id, f"Share {share_id} not found.")
    req.services.share_migration.complete(share, req.ctx.request_id)
    return empty_response(202)


def migration_cancel(req: ApiRequest, share_id: str, body: dict[str, Any]
                     ) -> webob.Response:
    req.authorize(policy.CANCEL)
    validate_body(schema.migration_cancel, body)
    share = _share(req, share_id, f"Share {share_id} not found.")
    req.services.share_migration.cancel(share, req.ctx.request_id)
    return empty_response(202)


def _progress(req: ApiRequest, share_id: str) -> webob.Response:
    share = _share(req, share_id, f"Share {share_id} not found.")
    result = req.services.share_migration.progress(share)
    view: dict[str, Any] = {"total_progress": result["total_progress"],
                            "task_state": share.task_state}
    if req.at_least("2.59"):
        view["details"] = result["details"]
    return json_response(view)


def migration_get_progress(req: ApiRequest, share_id: str, body: dict[str, Any]
                           ) -> webob.Response:
    req.authorize(policy.GET_PROGRESS)
    validate_body(schema.migration_get_progress, body)
    return _progress(req, share_id)


@api_version("2.98")
def migration_progress(req: ApiRequest) -> webob.Response:
    """``GET /shares/{share_id}/migration-progress`` (2.98)."""
    req.authorize(policy.GET_PROGRESS)
    return _progress(req, req.url_args["share_id"])


def reset_task_state(req: ApiRequest, share_id: str, body: dict[str, Any]
                     ) -> webob.Response:
    req.authorize(policy.RESET_TASK_STATE)
    validate_body(schema.reset_task_state, body)
    try:
        share = req.services.shares.get(share_id)
    except errors.NotFound:
        raise faults.NotFound(f"Share {share_id} could not be found.") from None
    if share.is_soft_deleted:
        raise faults.Forbidden(f"task state cannot be reset for share '{share_id}' "
                               "since it has been soft deleted.")
    argument = body["reset_task_state"]
    if not isinstance(argument, dict) or "task_state" not in argument:
        raise faults.BadRequest("Must specify 'task_state'")
    req.services.share_migration.reset_task_state(share, argument["task_state"])
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "migration_start": Action(migration_start, "2.29", experimental_until=GA),
    "migration_complete": Action(migration_complete, "2.22", experimental_until=GA),
    "migration_cancel": Action(migration_cancel, "2.22", experimental_until=GA),
    "migration_get_progress": Action(migration_get_progress, "2.22", "2.97",
                                     experimental_until=GA),
    "reset_task_state": Action(reset_task_state, "2.22", experimental_until=GA),
}
