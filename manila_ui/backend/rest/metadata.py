"""Metadata as Manila's generic metadata controller serves it: list, merge
(POST), replace (PUT), one key (GET, POST, DELETE).  A ``Resource`` says
how one kind of resource finds, reads and writes its metadata; the
per-resource tables are in handlers/metadata.py and
handlers/share_network_subnets.py.

Manila's quirks kept: the body is ``{"metadata": {...}}`` (a value that is
no string is a malformed body); ``POST .../metadata/{key}`` of a share wants
``{"meta": {key: value}}`` (Manila 23 answers that one with a 500 whatever
the body; here ``meta`` alone is enough); Manila's generic metadata
controller (snapshots, replicas, export locations, subnets) reads
``{"metadata": {key: value}}`` there, the body checked before the resource
is looked up.  Export-location metadata (2.87) is checked by Manila's JSON
schema, with its messages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest.dispatch import json_response
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.validation import validate_body
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
    # The body key of ``POST .../metadata/{key}``: Manila's generic metadata
    # controller (subnets) reads ``metadata``.
    item_key: str = "meta"
    # Manila's JSON schema of the body, where it checks one (export locations).
    schema: dict[str, Any] | None = None

    def _body(self, req: ApiRequest, entity: str = "metadata") -> dict[str, Any]:
        if self.schema is not None:
            body = req.json_body()
            validate_body(self.schema, body)
        elif not req.body:
            raise faults.BadRequest()  # Manila's webob default, not "Missing request body."
        else:
            body = req.json_body()
        return _items(body, entity)

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
        return self._write(req, self._body(req), replace=False)

    def replace(self, req: ApiRequest) -> webob.Response:
        return self._write(req, self._body(req), replace=True)

    def update_item(self, req: ApiRequest) -> webob.Response:
        req.authorize(self.update_rule)
        item = self._body(req, self.item_key)
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


# Manila's request schema of export-location metadata (api/schemas, 2.87).
SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["metadata"],
    "properties": {"metadata": {
        "type": ["object", "null"],
        "patternProperties": {"^[a-zA-Z0-9-_:. ]{1,255}$": {"type": "string",
                                                            "maxLength": 1023}},
        "additionalProperties": False}}}


def service_errors(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except errors.NotFound as missing:
        raise faults.NotFound(missing.message) from None
