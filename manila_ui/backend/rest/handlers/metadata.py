"""Metadata of shares (every version), snapshots (2.73) and export
locations (2.87): list, merge (POST), replace (PUT), one key (GET, POST,
DELETE).

Manila's quirks kept: the body is ``{"metadata": {...}}`` (a value that is
no string is a malformed body); ``POST .../metadata/{key}`` wants
``{"meta": {key: value}}``.  Manila answers that one with a 500 unless a
``metadata`` copy is sent too; here ``meta`` alone is enough.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import webob

from manila_ui.backend.policies import share_export_locations as el_policy
from manila_ui.backend.policies import share_snapshots as snapshot_policy
from manila_ui.backend.policies import shares as share_policy
from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import api_version
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.handlers.shares import target
from manila_ui.backend.rest.handlers.shares import visible_share
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.services import errors

MALFORMED = "Malformed request body"
NOT_FOUND = "MetadataItemNotFound: Metadata item is not found."


def _items(body: Any, entity: str = "metadata") -> dict[str, Any]:
    items = body.get(entity) if isinstance(body, dict) else None
    if not isinstance(items, dict):
        raise faults.BadRequest(MALFORMED)
    for key, value in items.items():
        if not isinstance(value, str) or not isinstance(key, str):
            raise faults.BadRequest(MALFORMED)
    return items


@dataclasses.dataclass(frozen=True)
class Resource:
    """How one kind of resource exposes its metadata."""

    get_rule: str
    update_rule: str
    delete_rule: str
    # the resource id after the visibility checks (404 when invisible);
    # ``modify``: a change, which public resources refuse to others
    find: Callable[[ApiRequest, bool], str]
    read: Callable[[ApiRequest, str], dict[str, str]]
    write: Callable[[ApiRequest, str, dict[str, str], bool], dict[str, str]]
    remove: Callable[[ApiRequest, str, str], None]
    # A merge (POST) answers with all the metadata (shares) or, as Manila's
    # generic metadata controller (snapshots, export locations), only what was sent.
    merge_answers_all: bool = True

    def index(self, req: ApiRequest) -> webob.Response:
        req.authorize(self.get_rule)
        return json_response({"metadata": self.read(req, self.find(req, False))})

    def show(self, req: ApiRequest) -> webob.Response:
        req.authorize(self.get_rule)
        key = req.url_args["key"]
        found = self.read(req, self.find(req, False))
        if key not in found:
            raise faults.NotFound(NOT_FOUND)
        return json_response({"meta": {key: found[key]}})

    def _write(self, req: ApiRequest, items: dict[str, str],
               replace: bool) -> webob.Response:
        req.authorize(self.update_rule)
        resource_id = self.find(req, True)
        written = self.write(req, resource_id, items, replace)
        return json_response({"metadata": written if self.merge_answers_all else items})

    def create(self, req: ApiRequest) -> webob.Response:
        return self._write(req, _items(req.json_body()), replace=False)

    def replace(self, req: ApiRequest) -> webob.Response:
        return self._write(req, _items(req.json_body()), replace=True)

    def update_item(self, req: ApiRequest) -> webob.Response:
        req.authorize(self.update_rule)
        body = req.json_body()
        item = _items(body, "meta")
        key = req.url_args["key"]
        if key not in item:
            raise faults.BadRequest("Request body and URI mismatch")
        if len(item) > 1:
            raise faults.BadRequest("Request body contains too many items")
        resource_id = self.find(req, True)
        self.write(req, resource_id, item, False)
        return json_response({"metadata": item})

    def delete(self, req: ApiRequest) -> webob.Response:
        req.authorize(self.delete_rule)
        resource_id = self.find(req, True)
        self.remove(req, resource_id, req.url_args["key"])
        resp = webob.Response(status=200)
        resp.content_type = None
        return resp


def _service_errors(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None


# -- shares ---------------------------------------------------------------------

def _share(req: ApiRequest, modify: bool) -> str:
    try:
        share = visible_share(req, req.url_args["share_id"])
    except faults.NotFound:
        raise faults.NotFound("Share not found.") from None
    if modify and share.is_public:
        req.authorize(share_policy.GET, target(share))
    return share.id


def _write_share(req: ApiRequest, share_id: str, items: dict[str, str],
                 replace: bool) -> dict[str, str]:
    return dict(_service_errors(lambda: req.services.metadata.set_share_metadata(
        share_id, items, replace=replace,
        may_set_admin_keys=req.allowed(share_policy.UPDATE_ADMIN_ONLY_METADATA))))


def _remove_share(req: ApiRequest, share_id: str, key: str) -> None:
    if key in req.services.metadata.admin_only_keys:
        req.authorize(share_policy.UPDATE_ADMIN_ONLY_METADATA, req.ctx.policy_target())
    _service_errors(lambda: req.services.metadata.delete_share_metadata(share_id, key))


SHARES = Resource(
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


SNAPSHOTS = Resource(
    snapshot_policy.GET_METADATA, snapshot_policy.UPDATE_METADATA,
    snapshot_policy.DELETE_METADATA,
    find=_snapshot,
    read=lambda req, snap_id: req.services.snapshots.metadata(snap_id),
    write=lambda req, snap_id, items, replace: _service_errors(
        lambda: req.services.snapshots.set_metadata(snap_id, items, replace)),
    remove=lambda req, snap_id, key: _service_errors(
        lambda: req.services.snapshots.delete_metadata(snap_id, key)),
    merge_answers_all=False)


# -- export locations (2.87) ----------------------------------------------------

def _export_location(req: ApiRequest, modify: bool) -> str:
    try:
        share = visible_share(req, req.url_args["share_id"])
    except faults.NotFound:
        raise faults.NotFound("Share_export_location not found.") from None
    el_id = req.url_args["export_location_id"]
    try:
        found = req.services.shares.export_location(share.id, el_id)
    except errors.NotFound:
        raise faults.NotFound("Share_export_location not found.") from None
    if found.is_admin_only and not req.ctx.is_admin:
        raise faults.NotFound("Share_export_location not found.")
    if modify:
        req.authorize(share_policy.GET, target(share))
    return found.id


EXPORT_LOCATIONS = Resource(
    el_policy.GET_METADATA, el_policy.UPDATE_METADATA, el_policy.DELETE_METADATA,
    find=_export_location,
    read=lambda req, el_id: req.services.metadata.export_location_metadata(el_id),
    write=lambda req, el_id, items, replace: (
        req.services.metadata.set_export_location_metadata(el_id, items, replace)),
    remove=lambda req, el_id, key: _service_errors(
        lambda: req.services.metadata.delete_export_location_metadata(el_id, key)),
    merge_answers_all=False)


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
