"""The request object handlers receive, and the one place a request's URL
and body are decoded and checked: hostile bytes end here as a 400, before
any handler reads a value."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest.authz import Authorizer
from manila_ui.backend.rest.context import RequestContext
from manila_ui.backend.rest.microversion import EXPERIMENTAL_HEADER
from manila_ui.backend.rest.microversion import APIVersion
from manila_ui.backend.rest.microversion import experimental
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

# Manila's words for a URL that does not decode as UTF-8.
UNDECODABLE = ("Error decoding your request. Either the URL or the request body "
               "contained characters that could not be decoded by Manila.")
MALFORMED = "Malformed request body"
# Manila's bodies nest four levels at most; a parser must not recurse on more.
MAX_DEPTH = 32
# What no database column takes (NUL: PostgreSQL; a lone surrogate: UTF-8).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE = ("Invalid input received: a string holds a NUL character or an "
              "unpaired surrogate.")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):      # 1e999
        raise ValueError(text)
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(name)            # NaN, Infinity: not JSON


def check_json(value: Any) -> None:
    """Refuse (400) a decoded body nested deeper than ``MAX_DEPTH`` or
    holding a string no database stores.  Iterative: the check itself must
    not recurse."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _UNSTORABLE.search(item):
                raise faults.BadRequest(UNSTORABLE)
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise faults.BadRequest(MALFORMED)
            children = list(item.items()) if isinstance(item, dict) else item
            for child in children:
                if isinstance(child, tuple):
                    stack += [(child[0], depth), (child[1], depth + 1)]
                else:
                    stack.append((child, depth + 1))


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
    def experimental(self) -> bool:
        """The client asked for experimental APIs (Manila's
        ``X-OpenStack-Manila-API-Experimental``, read as oslo's
        ``bool_from_string``)."""
        return experimental(self.headers.get(EXPERIMENTAL_HEADER))

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

    def check_url(self) -> None:
        """400 unless the path and the query string decode as UTF-8 and
        hold no NUL (handlers then read ``path_info`` and ``GET`` freely)."""
        try:
            texts = [self.path_info, *(text for item in self.GET.items()
                                       for text in item)]
        except UnicodeDecodeError:
            raise faults.BadRequest(UNDECODABLE) from None
        if any("\x00" in text for text in texts):
            raise faults.BadRequest(UNSTORABLE)

    def json_body(self) -> Any:
        """The decoded JSON body; 400 when there is none, it is not JSON,
        or ``check_json`` refuses it."""
        if not self.body:
            raise faults.BadRequest("Missing request body.")
        try:
            value = json.loads(self.body, parse_float=_finite,
                               parse_constant=_no_constant)
        except (ValueError, RecursionError):   # UnicodeDecodeError is a ValueError
            raise faults.BadRequest(MALFORMED) from None
        check_json(value)
        return value
