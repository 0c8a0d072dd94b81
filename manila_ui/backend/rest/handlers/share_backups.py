"""``/share-backups`` (2.80, experimental: only with the experimental
header): list (summary and detail), create, show, update, delete, and the
``restore`` (to another share from 2.91) and ``reset_status`` actions.

A backup is visible to its project (and admins) only: others get 404.
"""

from __future__ import annotations

from typing import Any

import webob

from manila_ui.backend.policies import share_backups as policy
from manila_ui.backend.rest import common
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import params as query
from manila_ui.backend.rest.actions import Action
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import empty_response
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.share_backups import ShareBackupView
from manila_ui.backend.services import errors
from manila_ui.backend.types.queries import BackupFilters
from manila_ui.backend.types.records import Share
from manila_ui.backend.types.records import ShareBackup

VIEW = ShareBackupView()
MIN = "2.80"

# What a non-admin may filter on (Manila drops the other options); admins
# also on ``host``.
_USER_FILTERS = ("name", "status", "share_id", "topic", "name~", "description~",
                 "description")
_ADMIN_FILTERS = (*_USER_FILTERS, "host")


def visible_backup(req: ApiRequest, backup_id: str) -> ShareBackup:
    """The backup if the caller's project owns it (or the caller is an
    admin), else 404 with Manila's words."""
    try:
        backup = req.services.share_backups.get(backup_id)
    except errors.NotFound:
        backup = None
    if backup is None or not (req.ctx.is_admin or backup.project_id == req.ctx.project_id):
        raise faults.NotFound(f"No backup exists with ID {backup_id}.")
    return backup


def _entity(req: ApiRequest) -> dict[str, Any]:
    return common.entity(req, "share_backup",
                         message="Body does not contain 'share_backup' information.")


# -- list -------------------------------------------------------------------

def _filters(req: ApiRequest, params: dict[str, str]) -> BackupFilters:
    f = BackupFilters(project_id=req.ctx.project_id)
    # Manila reads all_tenants (or all_projects) as any non-empty text.
    if (params.get("all_tenants") or params.get("all_projects")) and \
            req.allowed(policy.GET_ALL_PROJECT):
        f.project_id = None
    allowed = _ADMIN_FILTERS if req.ctx.is_admin else _USER_FILTERS
    given = {key: params[key] for key in allowed if key in params}
    f.display_name = given.get("name")
    f.display_description = given.get("description")
    f.display_name_like = given.get("name~")
    f.display_description_like = given.get("description~")
    f.status, f.topic, f.host = given.get("status"), given.get("topic"), given.get("host")
    share_id = params.get("share_id")
    if share_id:
        try:
            common.visible_share(req, share_id)
        except faults.NotFound:
            raise faults.BadRequest(f"No share exists with ID {share_id}.") from None
        f.share_id = share_id
    return f


def _list(req: ApiRequest, detail: bool) -> webob.Response:
    req.authorize(policy.GET_ALL)
    params = dict(req.GET.items())
    limit, offset = query.pagination(params, req.services.conf.osapi_max_limit)
    sort_key = params.get("sort_key", "created_at")
    sort_key = {"name": "display_name", "description": "display_description"}.get(
        sort_key, sort_key)
    backups = req.services.share_backups.list_page(
        _filters(req, params), sort_key=sort_key, sort_dir=params.get("sort_dir", "desc"),
        limit=limit, offset=offset)
    return json_response(VIEW.index(req, backups, detail))


@api_version(MIN, experimental=True)
def index(req: ApiRequest) -> webob.Response:
    return _list(req, detail=False)


@api_version(MIN, experimental=True)
def detail(req: ApiRequest) -> webob.Response:
    return _list(req, detail=True)


# -- one backup ---------------------------------------------------------------

@api_version(MIN, experimental=True)
def create(req: ApiRequest) -> webob.Response:
    req.authorize(policy.CREATE)
    entity = _entity(req)
    share_id = entity.get("share_id")
    if not share_id:
        raise faults.BadRequest("'share_id' is missing from the request body.")
    if not isinstance(share_id, str):
        raise faults.BadRequest(f"No share exists with ID {share_id}.")
    try:
        share = common.share_for_modification(req, share_id)
    except faults.NotFound:
        raise faults.BadRequest(f"No share exists with ID {share_id}.") from None
    if share.is_soft_deleted:
        raise faults.Forbidden(f"Backup can not be created for share '{share_id}' "
                               "since it has been soft deleted.")
    options = entity.get("backup_options")
    if options is not None and not isinstance(options, dict):
        # Manila fails here with a 500; a clear 400 is kinder.
        raise faults.BadRequest("Invalid input received: backup_options must be an "
                                "object.")
    backup = req.services.share_backups.create(
        share, entity.get("name"), entity.get("description"), options, req.ctx.caller())
    return json_response(VIEW.show(req, backup), 202)


@api_version(MIN, experimental=True)
def show(req: ApiRequest) -> webob.Response:
    req.authorize(policy.GET)
    return json_response(VIEW.show(req, visible_backup(req, req.url_args["backup_id"])))


@api_version(MIN, experimental=True)
def update(req: ApiRequest) -> webob.Response:
    req.authorize(policy.UPDATE)
    entity = _entity(req)
    backup = visible_backup(req, req.url_args["backup_id"])
    changes = {f"display_{key}": entity[key] for key in ("name", "description")
               if key in entity}
    updated = req.services.share_backups.update(backup.id, changes)
    return json_response(VIEW.show(req, updated))


@api_version(MIN, experimental=True)
def delete(req: ApiRequest) -> webob.Response:
    req.authorize(policy.DELETE)
    backup = visible_backup(req, req.url_args["backup_id"])
    req.services.share_backups.delete(backup.id, request_id=req.ctx.request_id)
    return empty_response(202)


# -- actions ------------------------------------------------------------------

def _target(req: ApiRequest, backup: ShareBackup, body: dict[str, Any]) -> Share:
    """The share to restore into: the backup's own, or (2.91) the one the
    body names."""
    wanted = body.get("restore") if req.at_least("2.91") else None
    if wanted is None or wanted == "":
        wanted = backup.share_id
    elif not isinstance(wanted, str):
        raise faults.BadRequest("Invalid input received: the target share must be "
                                "given by its id.")
    # Manila only needs to see the target; overwriting someone else's
    # public share is refused here (403), as any modification of it is.
    try:
        return common.share_for_modification(req, wanted)
    except faults.NotFound:
        raise faults.NotFound(f"Share {wanted} could not be found.") from None


def restore(req: ApiRequest, backup_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESTORE)
    backup = visible_backup(req, backup_id)
    if backup.status != "available":
        raise faults.BadRequest(f"Invalid backup: Backup {backup.id} status must be "
                                "available.")
    target = _target(req, backup, body)
    share = req.services.share_backups.restore(backup.id, target,
                                               request_id=req.ctx.request_id)
    return json_response(VIEW.restored(backup, share), 202)


def reset_status(req: ApiRequest, backup_id: str, body: dict[str, Any]) -> webob.Response:
    req.authorize(policy.RESET_STATUS)
    argument = body.get("reset_status")
    status = argument.get("status") if isinstance(argument, dict) else None
    if status is None:
        raise faults.BadRequest("Must specify 'status'")
    try:
        req.services.share_backups.reset_status(backup_id, status)
    except errors.NotFound:
        raise faults.NotFound(f"Backup {backup_id} could not be found.") from None
    return empty_response(202)


ACTIONS: dict[str, Action] = {
    "restore": Action(restore, MIN, experimental=True),
    "reset_status": Action(reset_status, MIN, experimental=True),
}
