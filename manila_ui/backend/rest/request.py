"""The request object handlers receive."""

from __future__ import annotations

import json
from typing import Any

import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest.authz import Authorizer
from manila_ui.backend.rest.context import RequestContext
from manila_ui.backend.rest.microversion import APIVersion
from manila_ui.backend.rest.microversion import v
from manila_ui.backend.services.registry import Services

CONTEXT = "manila_ui.context"
VERSION = "manila_ui.version"
UNROUTED = "manila_ui.unrouted"  # no route: answered as Manila's router, not its API
SERVICES = "manila_ui.services"
AUTHZ = "manila_ui.authz"
URL_ARGS = "manila_ui.url_args"
URL_PROJECT = "manila_ui.url_project"
_ALLOWED = "manila_ui.allowed"


class ApiRequest(webob.Request):
    @property
    def ctx(self) -> RequestContext:
        ctx: RequestContext = self.environ[CONTEXT]
        return ctx

    @property
    def version(self) -> APIVersion:
        version: APIVersion = self.environ[VERSION]
        return version

    def at_least(self, version: str) -> bool:
        return self.version >= v(version)

    @property
    def services(self) -> Services:
        services: Services = self.environ[SERVICES]
        return services

    @property
    def authz(self) -> Authorizer:
        authz: Authorizer = self.environ[AUTHZ]
        return authz

    def authorize(self, rule: str, target: dict[str, Any] | None = None) -> None:
        self.authz.authorize(self.ctx, rule, target)

    def allowed(self, rule: str, target: dict[str, Any] | None = None) -> bool:
        """Whether ``rule`` allows the caller; remembered for the request, as
        views ask the same question for every item of a list."""
        cache: dict[tuple[str, tuple[tuple[str, Any], ...]], bool] = \
            self.environ.setdefault(_ALLOWED, {})
        key = (rule, tuple(sorted((target or {}).items())))
        if key not in cache:
            cache[key] = self.authz.allowed(self.ctx, rule, target)
        return cache[key]

    @property
    def url_args(self) -> dict[str, str]:
        args: dict[str, str] = self.environ[URL_ARGS]
        return args

    @property
    def api_base(self) -> str:
        """``http://host:port/v2`` plus ``/<project>`` when the URL had it,
        for links, as Manila builds them."""
        base = self.host_url + "/v2"
        project = self.environ.get(URL_PROJECT)
        return f"{base}/{project}" if project else base

    @property
    def bookmark_base(self) -> str:
        project = self.environ.get(URL_PROJECT)
        return f"{self.host_url}/{project}" if project else self.host_url

    def json_body(self) -> Any:
        """The decoded JSON body; 400 when there is none or it is not JSON."""
        if not self.body:
            raise faults.BadRequest("Missing request body.")
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise faults.BadRequest("Malformed request body") from None
