"""``POST /<resources>/{id}/action``: a body ``{"<action>": {...}}`` names
one action of a table.  As in Manila: a body that is not one JSON key is
"Malformed request body", an unknown action is 400, and an action the
request's microversion does not have is 404.

Each resource's table lives with its handlers (share_actions.py, ...);
adding an action is one entry there; the route table serves a table with
``route``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

import webob

from manila_ui.backend.rest import faults
from manila_ui.backend.rest import microversion
from manila_ui.backend.rest.dispatch import Handler
from manila_ui.backend.rest.request import ApiRequest

# handler(request, resource id from the URL, the whole body)
ActionHandler = Callable[[ApiRequest, str, dict[str, Any]], webob.Response]


@dataclasses.dataclass(frozen=True)
class Action:
    handler: ActionHandler
    min_version: str = "2.0"
    max_version: str | None = None
    experimental: bool = False   # only with the experimental header
    # Experimental below this version only (Manila's header needed there).
    experimental_until: str | None = None

    def serves(self, version: microversion.APIVersion, experimental: bool = False) -> bool:
        high = microversion.v(self.max_version) if self.max_version else microversion.MAX
        if not microversion.v(self.min_version) <= version <= high:
            return False
        if experimental or not (self.experimental or self.experimental_until):
            return True
        return bool(self.experimental_until
                    and version >= microversion.v(self.experimental_until))


def dispatch(req: ApiRequest, table: Mapping[str, Action], resource_id: str
             ) -> webob.Response:
    body = req.json_body()
    if not isinstance(body, dict):
        raise faults.NotFound()   # Manila finds no action method for it
    if len(body) != 1:
        raise faults.BadRequest("Malformed request body")
    (name,) = body
    action = table.get(name)
    if action is None:
        raise faults.BadRequest(f"There is no such action: {name}")
    if not action.serves(req.version, req.experimental):
        raise faults.NotFound()
    return action.handler(req, resource_id, body)


@dataclasses.dataclass(frozen=True, eq=False)
class Route:
    """The handler of ``POST .../{id_arg}/action`` for ``table`` (which
    stays readable, e.g. for the tests that fuzz every action)."""

    table: Mapping[str, Action]
    id_arg: str

    def __call__(self, req: ApiRequest) -> webob.Response:
        return dispatch(req, self.table, req.url_args[self.id_arg])


def route(table: Mapping[str, Action], id_arg: str) -> Handler:
    return Route(table, id_arg)
