"""``GET /`` (300, no auth, no version headers) and ``GET /v2/`` (200)."""

from __future__ import annotations

from collections.abc import Iterable
from wsgiref.types import StartResponse
from wsgiref.types import WSGIEnvironment

import webob

from manila_ui.backend.rest import microversion
from manila_ui.backend.rest.dispatch import json_response


def _document(host_url: str) -> dict[str, object]:
    return {"versions": [{
        "id": "v2.0",
        "status": "CURRENT",
        "version": str(microversion.MAX),
        "min_version": str(microversion.MIN),
        "updated": "2015-08-27T11:33:21Z",
        "links": [
            {"rel": "describedby", "type": "text/html",
             "href": "http://docs.openstack.org/"},
            {"rel": "self", "href": f"{host_url}/v2/"},
        ],
        "media-types": [{
            "base": "application/json",
            "type": "application/vnd.openstack.share+json;version=1",
        }],
    }]}


def root(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    """The unauthenticated root document, answered with 300 as Manila does."""
    req = webob.Request(environ)
    body: Iterable[bytes] = json_response(_document(req.host_url), status=300)(
        environ, start_response)
    return body


def index(req: webob.Request) -> webob.Response:
    return json_response(_document(req.host_url))
