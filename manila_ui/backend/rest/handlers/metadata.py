"""Metadata of shares (every version), snapshots (2.73) and export
locations (2.87): how each finds its resource, and the routes (the
requests themselves are rest/metadata.py's).
"""

from __future__ import annotations

from typing import Any

from manila_ui.backend.policies import export_locations as el_policy
from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.policies import snapshots as snapshot_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest import metadata
from manila_ui.backend.rest.common import share_target
from manila_ui.backend.rest.common import visible_share
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.services import errors
from manila_ui.backend.types.values import echo

# -- shares ---------------------------------------------------------------------

def _share(req: ApiRequest, modify: bool) -> str:
    try:
        share = visible_share(req, req.url_args["share_id"])
    except faults.NotFound:
        raise faults.NotFound("Share not found.") from None
    if modify and share.is_public:
        req.authorize(share_policy.GET, share_target(share))
    return share.id


def _write_share(req: ApiRequest, share_id: str, items: dict[str, str],
                 replace: bool) -> dict[str, str]:
    return dict(metadata.service_errors(lambda: req.services.metadata.set_share_metadata(
        share_id, items, replace=replace,
        may_set_admin_keys=req.allowed(share_policy.UPDATE_ADMIN_ONLY_METADATA))))


def _remove_share(req: ApiRequest, share_id: str, key: str) -> None:
    if key in req.services.metadata.admin_only_keys:
        req.authorize(share_policy.UPDATE_ADMIN_ONLY_METADATA, req.ctx.policy_target())
    metadata.service_errors(lambda: req.services.metadata.delete_share_metadata(share_id, key))


SHARES = metadata.Resource(
    share_policy.GET_METADATA, share_policy.UPDATE_METADATA, share_policy.DELETE_METADATA,
    find=_share,
    read=lambda req, share_id: req.services.metadata.share_metadata(share_id),
    write=_write_share, remove=_remove_share)


# -- snapshots (2.73) -----------------------------------------------------------

def _snapshot(req: ApiRequest, modify: bool) -> str:
    snapshot_id = req.url_args["snapshot_id"]
    try:
        snapshot = req.services.snapshots.get(snapshot_id)
    except errors.NotFound:
        raise faults.NotFound("Share_snapshot not found.") from None
    if not req.ctx.is_admin and snapshot.project_id != req.ctx.project_id:
        raise faults.NotFound("Share_snapshot not found.")
    return snapshot.id


SNAPSHOTS = metadata.Resource(
    snapshot_policy.GET_METADATA, snapshot_policy.UPDATE_METADATA,
    snapshot_policy.DELETE_METADATA,
    find=_snapshot,
    read=lambda req, snap_id: req.services.snapshots.metadata(snap_id),
    write=lambda req, snap_id, items, replace: metadata.service_errors(
        lambda: req.services.snapshots.set_metadata(snap_id, items, replace)),
    remove=lambda req, snap_id, key: metadata.service_errors(
        lambda: req.services.snapshots.delete_metadata(snap_id, key)),
    merge_answers_all=False, item_key="metadata")


# -- export locations (2.87) ----------------------------------------------------

def _export_location(req: ApiRequest, modify: bool) -> str:
    # Manila's messages: the share's, then the export location's.
    share_id = req.url_args["share_id"]
    try:
        share = visible_share(req, share_id)
    except faults.NotFound:
        raise faults.NotFound(f"Share '{echo(share_id)}' not found.") from None
    el_id = req.url_args["export_location_id"]
    # Manila 23's reads and deletes name the model, its writes the exception.
    missing = ("Share_export_location not found." if req.method in ("GET", "DELETE") else
               f"ExportLocationNotFound: Export location {echo(el_id)} could not be found.")
    try:
        found = req.services.shares.export_location(share.id, el_id)
    except errors.NotFound:
        raise faults.NotFound(missing) from None
    if found.is_admin_only and not req.ctx.is_admin:
        raise faults.NotFound(missing)
    if modify:
        req.authorize(share_policy.GET, share_target(share))
    return found.id


def _with_preferred(req: ApiRequest, el_id: str, items: dict[str, str]) -> dict[str, str]:
    # Manila keeps an export location's preferred flag among its metadata.
    found = req.services.shares.export_location(req.url_args["share_id"], el_id)
    return {"preferred": str(found.preferred).lower(), **items}


EXPORT_LOCATIONS = metadata.Resource(
    el_policy.GET_METADATA, el_policy.UPDATE_METADATA, el_policy.DELETE_METADATA,
    find=_export_location,
    read=lambda req, el_id: _with_preferred(
        req, el_id, req.services.metadata.export_location_metadata(el_id)),
    write=lambda req, el_id, items, replace: _with_preferred(
        req, el_id, req.services.metadata.set_export_location_metadata(el_id, items, replace)),
    remove=lambda req, el_id, key: metadata.service_errors(
        lambda: req.services.metadata.delete_export_location_metadata(el_id, key)),
    item_key="metadata", schema=metadata.SCHEMA)


def routes() -> dict[str, dict[str, Any]]:
    """The metadata routes of the three resources, for the route table."""
    table: dict[str, dict[str, Any]] = {}
    for base, resource, since in (
            ("/shares/{share_id}/metadata", SHARES, None),
            ("/snapshots/{snapshot_id}/metadata", SNAPSHOTS, "2.73"),
            ("/shares/{share_id}/export_locations/{export_location_id}/metadata",
             EXPORT_LOCATIONS, "2.87")):
        def versioned(handler: Any, since: str | None = since) -> Any:
            if since is None:
                return handler
            return api_version(since)(lambda req: handler(req))
        table[base] = {"GET": versioned(resource.index),
                       "POST": versioned(resource.create),
                       "PUT": versioned(resource.replace)}
        table[base + "/{key}"] = {"GET": versioned(resource.show),
                                  "POST": versioned(resource.update_item),
                                  "DELETE": versioned(resource.delete)}
    return table
