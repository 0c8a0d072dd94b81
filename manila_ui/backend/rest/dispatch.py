"""Routing under ``/v2``: a route table, microversion negotiation, the
version headers, and turning service refusals into Manila faults.

The table maps a URL template to ``{METHOD: handler}``.  A URL no route
serves with that method is answered as Manila's router answers it, before the
API layer: WebOb's plain 404 in the format the Accept header asks for, without
the API's version headers or ``x-compute-request-id``.  Every route answers
both ``/v2/<resource>`` and ``/v2/<project_id>/<resource>`` (the project
segment is hex and dashes, so it cannot be mistaken for a resource name), as
Manila's routes do.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

import webob
import webob.exc

from manila_ui.backend.rest import faults
from manila_ui.backend.rest import microversion
from manila_ui.backend.rest.microversion import APIVersion
from manila_ui.backend.rest.request import UNROUTED
from manila_ui.backend.rest.request import URL_ARGS
from manila_ui.backend.rest.request import URL_PROJECT
from manila_ui.backend.rest.request import VERSION
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.services import errors

Handler = Callable[[ApiRequest], webob.Response]

_PROJECT = re.compile(r"^/([0-9a-f-]+)(/.*)?$")
_ERRORS: dict[type[errors.ServiceError], type[faults.Fault]] = {
    errors.NotFound: faults.NotFound,
    errors.Invalid: faults.BadRequest,
    errors.Refused: faults.Forbidden,
    errors.Conflict: faults.Conflict,
}


# The microversion range of each versioned handler (others serve them all).
_VERSIONS: dict[Handler, tuple[APIVersion, APIVersion]] = {}
# Experimental handlers: served only to requests that ask for experimental
# APIs, always (None) or below a version (where the API became GA).
_EXPERIMENTAL: dict[Handler, APIVersion | None] = {}


def api_version(min_version: str, max_version: str | None = None,
                experimental: bool = False,
                experimental_until: str | None = None) -> Callable[[Handler], Handler]:
    """Serve a handler only from ``min_version`` (to ``max_version``), and
    an ``experimental`` one (below ``experimental_until``) only with the
    experimental header; elsewhere it is 404, as Manila answers a method
    missing at a version."""
    def mark(handler: Handler) -> Handler:
        _VERSIONS[handler] = (microversion.v(min_version),
                              microversion.v(max_version) if max_version
                              else microversion.MAX)
        if experimental or experimental_until:
            _EXPERIMENTAL[handler] = (microversion.v(experimental_until)
                                      if experimental_until else None)
        return handler
    return mark


def serves(handler: Handler, req: ApiRequest) -> bool:
    """Whether ``handler`` exists at the request's version (and, for an
    experimental API, whether the request asked for experimental ones)."""
    low, high = _VERSIONS.get(handler, (microversion.MIN, microversion.MAX))
    if not low <= req.version <= high:
        return False
    if handler not in _EXPERIMENTAL or req.experimental:
        return True
    until = _EXPERIMENTAL[handler]
    return until is not None and req.version >= until


def json_response(body: Any, status: int = 200) -> webob.Response:
    resp = webob.Response(status=status, content_type="application/json",
                          charset="utf-8")
    resp.body = json.dumps(body).encode()
    return resp


def empty_response(status: int) -> webob.Response:
    resp = webob.Response(status=status)
    resp.content_type = None
    return resp


@dataclasses.dataclass(frozen=True)
class Route:
    template: str
    methods: Mapping[str, Handler]
    pattern: re.Pattern[str]
    literals: int

    @classmethod
    def compile(cls, template: str, methods: Mapping[str, Handler]) -> Route:
        parts = []
        literals = 0
        for segment in template.strip("/").split("/"):
            if segment.startswith("{") and segment.endswith("}"):
                parts.append(f"(?P<{segment[1:-1]}>[^/]+)")
            else:
                parts.append(re.escape(segment))
                literals += 1
        # No trailing slash: Manila's routes answer ``/shares/`` with a plain 404.
        return cls(template, methods, re.compile("^/" + "/".join(parts) + "$"),
                   literals)


class Router:
    """The WSGI app behind authentication for everything under ``/v2``."""

    def __init__(self, table: Mapping[str, Mapping[str, Handler]],
                 versions_handler: Handler) -> None:
        self._routes = sorted((Route.compile(t, m) for t, m in table.items()),
                              key=lambda r: -r.literals)
        self._versions = versions_handler

    def _match(self, path: str, method: str) -> tuple[Route, dict[str, str]] | None:
        # As the routes mapper: the first route whose template and method both
        # match (PUT /shares/detail is an update of the share "detail").
        for route in self._routes:
            found = route.pattern.match(path)
            if found and method in route.methods:
                return route, found.groupdict()
        return None

    def _resolve(self, req: ApiRequest, path: str) -> tuple[Route, dict[str, str]] | None:
        found = self._match(path, req.method)
        if found is None:
            project = _PROJECT.match(path)
            if project and project.group(2) and project.group(2) != "/":
                found = self._match(project.group(2), req.method)
                if found is not None:
                    req.environ[URL_PROJECT] = project.group(1)
        return found

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        req = ApiRequest(environ)
        try:
            req.check_url()
        except faults.Fault as fault:
            return fault.response()(environ, start_response)
        if self._unrouted(req):
            environ[UNROUTED] = True
            return webob.exc.HTTPNotFound()(environ, start_response)
        try:
            version = microversion.negotiate(
                req.headers.get(microversion.HEADER))
        except microversion.MalformedVersion as exc:
            return faults.BadRequest(str(exc)).response()(environ, start_response)
        except microversion.UnsupportedVersion as exc:
            # Manila parsed the version before refusing it, so it echoes it
            # (not one too long to parse).
            resp = faults.NotAcceptable(str(exc)).response()
            if exc.version is not None:
                resp.headers[microversion.HEADER] = str(exc.version)
            resp.headers["Vary"] = microversion.HEADER
            return resp(environ, start_response)
        environ[VERSION] = version
        resp = self._respond(req, version)
        resp.headers[microversion.HEADER] = str(version)
        if req.experimental:
            resp.headers[microversion.EXPERIMENTAL_HEADER] = "True"
        resp.headers["Vary"] = microversion.HEADER
        return resp(environ, start_response)

    @staticmethod
    def _path(req: ApiRequest) -> str:
        return req.path_info[len("/v2"):] or "/"

    def _unrouted(self, req: ApiRequest) -> bool:
        path = self._path(req)
        if path in ("/", ""):
            return False
        return self._resolve(req, path) is None

    def _respond(self, req: ApiRequest, version: APIVersion) -> webob.Response:
        path = self._path(req)
        try:
            if path in ("/", ""):
                return self._versions(req)
            found = self._resolve(req, path)
            assert found is not None  # _unrouted() answered otherwise
            route, args = found
            project = req.environ.get(URL_PROJECT)
            if project and project != req.ctx.project_id:
                raise faults.BadRequest("Malformed request url")
            handler = route.methods[req.method]
            if not serves(handler, req):
                raise faults.NotFound()
            req.environ[URL_ARGS] = args
            return handler(req)
        except faults.Fault as fault:
            return fault.response()
        except errors.OverQuota as refusal:
            return faults.OverLimit(refusal.message).response()
        except errors.ServiceError as refusal:
            for error_class, fault_class in _ERRORS.items():
                if isinstance(refusal, error_class):
                    return fault_class(refusal.message).response()
            raise
