"""The WSGI application factory.

Middleware order, outermost first, and why:

1. RequestId      every response, errors included, carries the request id.
2. AccessLog      logs every request with its final status and duration,
                  including 401s and 500s produced further in.
3. FaultWrapper   the last line of defence: an exception from anything
                  below becomes a 500 computeFault, never a bare traceback.
4. BodySizeLimit  a body beyond ``max_request_body_size`` is 413 before
                  anyone reads it (Manila's sizelimit filter).
5. URL map        ``/`` is the unauthenticated version document (300);
                  everything else needs authentication:
6. auth           keystonemiddleware ``auth_token`` (keystone) or NoAuth;
7. context        builds the RequestContext from the identity headers;
8. Router         URL decoding, microversions, routes, handlers (``/v2``
                  only).
"""

from __future__ import annotations

import os
from typing import Any

from keystonemiddleware import auth_token
from oslo_config import cfg

from manila_ui.backend.rest import faults
from manila_ui.backend.rest import middleware
from manila_ui.backend.rest.authz import Authorizer
from manila_ui.backend.rest.handlers import versions
from manila_ui.backend.rest.router import build_router
from manila_ui.backend.services.registry import Services


class URLMap:
    """``/`` → the version document; ``/v2...`` → the API; else 404."""

    def __init__(self, root: middleware.WSGIApp, api: middleware.WSGIApp) -> None:
        self.root = root
        self.api = api

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "") or "/"
        if path == "/":
            return self.root(environ, start_response)
        if path == "/v2" or path.startswith("/v2/"):
            return self.api(environ, start_response)
        return faults.NotFound().response()(environ, start_response)


def build_app(conf: cfg.ConfigOpts, services: Services) -> middleware.WSGIApp:
    authz = Authorizer(conf)
    api: middleware.WSGIApp = build_router()
    api = middleware.ContextMiddleware(api, services, authz)
    if conf.auth_strategy == "keystone":
        api = auth_token.AuthProtocol(api, {"oslo_config_config": conf})
    else:
        api = middleware.NoAuth(api)
    app: middleware.WSGIApp = URLMap(versions.root, api)
    app = middleware.BodySizeLimit(app, conf.oslo_middleware.max_request_body_size)
    app = middleware.FaultWrapper(app)
    app = middleware.AccessLog(app, os.path.join(conf.state_path, "access.log"))
    return middleware.RequestId(app)
