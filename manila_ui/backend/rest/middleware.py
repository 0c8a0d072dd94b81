"""WSGI middleware, each a small class wrapping the next application.

The order they are stacked in is spelled out in ``manila_ui.backend.wsgi``.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest.authz import Authorizer
from manila_ui.backend.rest.context import RequestContext
from manila_ui.backend.rest.request import AUTHZ
from manila_ui.backend.rest.request import CONTEXT
from manila_ui.backend.rest.request import SERVICES
from manila_ui.backend.rest.request import UNROUTED
from manila_ui.backend.services.registry import Services

LOG = logging.getLogger(__name__)

WSGIApp = Callable[[dict[str, Any], Any], Iterable[bytes]]
REQUEST_ID = "openstack.request_id"  # where oslo.context looks for it


def _render(fault: faults.Fault, environ: dict[str, Any],
            start_response: Any) -> Iterable[bytes]:
    body: Iterable[bytes] = fault.response()(environ, start_response)
    return body


class RequestId:
    """Give every request an id (``req-<uuid>``), returned in
    ``x-openstack-request-id``.  Once the caller is known (a request context
    exists), Manila also returns it as ``x-compute-request-id``, which
    manila-tempest-plugin checks on every API response; like Manila, the
    unauthenticated version document, 401s and URLs no route serves do not
    carry it."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request_id = "req-" + str(uuid.uuid4())
        environ[REQUEST_ID] = request_id

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers = [(k, v) for k, v in headers
                       if k.lower() not in ("x-openstack-request-id",
                                            "x-compute-request-id")]
            headers.append(("x-openstack-request-id", request_id))
            if CONTEXT in environ and not environ.get(UNROUTED):
                headers.append(("x-compute-request-id", request_id))
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


class AccessLog:
    """One line per request, ``<METHOD> <path?query> <status> <ms>``, to
    ``$state_path/access.log`` (tests count backend calls from it).  Each
    line is one O_APPEND write, so several workers may share the file."""

    def __init__(self, app: WSGIApp, path: str) -> None:
        self.app = app
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        started = time.monotonic()
        status = ["-"]

        def start(code: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = code.split(" ", 1)[0]
            return start_response(code, headers, exc_info)

        try:
            body = list(self.app(environ, start))
        finally:
            path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
            query = environ.get("QUERY_STRING")
            target = f"{path}?{query}" if query else path
            elapsed = (time.monotonic() - started) * 1000
            line = f"{environ.get('REQUEST_METHOD')} {target} {status[0]} {elapsed:.1f}\n"
            os.write(self._fd, line.encode("utf-8", "replace"))
            LOG.debug("%s", line.rstrip())
        return body


class FaultWrapper:
    """Turn any exception that escaped the layers below into a 500
    ``computeFault`` with a generic message; the traceback goes to the log."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        try:
            return list(self.app(environ, start_response))
        except faults.Fault as fault:
            return _render(fault, environ, start_response)
        except Exception:
            LOG.exception("Unhandled error serving %s %s",
                          environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"))
            return _render(faults.ComputeFault(), environ, start_response)


class BodyTooLarge(Exception):
    pass


class _LimitedInput:
    """A chunked body (no Content-Length), read at most ``limit`` bytes far."""

    def __init__(self, stream: Any, limit: int) -> None:
        self.stream = stream
        self.left = limit

    def _count(self, data: bytes) -> bytes:
        self.left -= len(data)
        if self.left < 0:
            raise BodyTooLarge()
        return data

    def read(self, size: int = -1) -> bytes:
        return self._count(self.stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        return self._count(self.stream.readline(size))


class BodySizeLimit:
    """Refuse a request body larger than ``[oslo_middleware]
    max_request_body_size`` (112 KiB) with 413, as Manila's ``sizelimit``
    filter does, before anything reads it."""

    def __init__(self, app: WSGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _too_large(self, start_response: Any) -> Iterable[bytes]:
        # The body of oslo.middleware's 413 (webob's JSON error), as Manila sends it.
        body = json.dumps({
            "message": f"Request is too large. Larger than max_request_body_size "
                       f"({self.limit}).",
            "code": "413 Request Entity Too Large",
            "title": "Request Entity Too Large"}).encode()
        start_response("413 Request Entity Too Large", [
            ("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        length = environ.get("CONTENT_LENGTH") or ""
        if length.isdecimal() and int(length) > self.limit:
            return self._too_large(start_response)
        if not length and "wsgi.input" in environ:
            environ["wsgi.input"] = _LimitedInput(environ["wsgi.input"], self.limit)
        try:
            return list(self.app(environ, start_response))
        except BodyTooLarge:
            return self._too_large(start_response)


class NoAuth:
    """Standalone mode: the token is ``user_id:project_id[:role1,role2]``.
    Without roles the user ``admin`` is an admin and anyone else a member."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        token = webob.Request(environ).headers.get("X-Auth-Token", "")
        parts = token.split(":")
        if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
            return _render(faults.Unauthorized(
                "noauth mode: send X-Auth-Token 'user_id:project_id[:roles]'."),
                environ, start_response)
        user_id, project_id = parts[0], parts[1]
        if len(parts) == 3:
            roles = [r for r in parts[2].split(",") if r]
        else:
            roles = ["admin"] if user_id == "admin" else ["member"]
        # Keystone's default implied roles, which its tokens carry too.
        for role, implied in (("admin", "member"), ("member", "reader")):
            if role in roles and implied not in roles:
                roles.append(implied)
        # The headers keystonemiddleware would set, so one context path
        # serves both modes.
        environ.update({
            "HTTP_X_IDENTITY_STATUS": "Confirmed",
            "HTTP_X_USER_ID": user_id, "HTTP_X_USER_NAME": user_id,
            "HTTP_X_PROJECT_ID": project_id, "HTTP_X_PROJECT_NAME": project_id,
            "HTTP_X_ROLES": ",".join(roles),
            "HTTP_X_USER_DOMAIN_ID": "default", "HTTP_X_PROJECT_DOMAIN_ID": "default",
        })
        return self.app(environ, start_response)


class ContextMiddleware:
    """Build the request context from the identity headers (set by
    keystonemiddleware or NoAuth) and hand services and policy to the app."""

    def __init__(self, app: WSGIApp, services: Services, authz: Authorizer) -> None:
        self.app = app
        self.services = services
        self.authz = authz

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        ctx = RequestContext.from_environ(environ)
        if not ctx.user_id:
            return _render(faults.Unauthorized(), environ, start_response)
        self.authz.mark_admin(ctx)
        environ[CONTEXT] = ctx
        environ[SERVICES] = self.services
        environ[AUTHZ] = self.authz
        return self.app(environ, start_response)
