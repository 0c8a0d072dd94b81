"""View builder helpers: links, next links, and microversion modifiers.

A view that changes with the microversion lists its modifiers by name; each
is a small method marked ``@since("2.x")`` (or a range) that adds or changes
fields.  Reading a view module shows the resource's whole history.
"""

from __future__ import annotations

import datetime
import urllib.parse
from collections.abc import Callable
from typing import Any
from typing import TypeVar

from manila_ui.backend.rest import microversion
from manila_ui.backend.rest.request import ApiRequest

F = TypeVar("F", bound=Callable[..., None])

# The microversion range of each modifier method.
_RANGES: dict[Callable[..., None], tuple[microversion.APIVersion,
                                         microversion.APIVersion]] = {}


def since(min_version: str, max_version: str | None = None) -> Callable[[F], F]:
    def mark(method: F) -> F:
        _RANGES[method] = (microversion.v(min_version),
                           microversion.v(max_version) if max_version
                           else microversion.MAX)
        return method
    return mark


def isotime(value: datetime.datetime | None) -> str | None:
    """Timestamps as Manila renders them: ISO 8601, microseconds, no zone."""
    return value.isoformat(timespec="microseconds") if value else None


class ViewBuilder:
    collection = ""
    modifiers: tuple[str, ...] = ()

    def apply_modifiers(self, req: ApiRequest, view: dict[str, Any], item: Any) -> None:
        for name in self.modifiers:
            method = getattr(self, name)
            low, high = _RANGES[method.__func__]
            if low <= req.version <= high:
                method(req, view, item)

    def links(self, req: ApiRequest, identifier: str) -> list[dict[str, str]]:
        return [
            {"rel": "self", "href": f"{req.api_base}/{self.collection}/{identifier}"},
            {"rel": "bookmark",
             "href": f"{req.bookmark_base}/{self.collection}/{identifier}"},
        ]

    def next_links(self, req: ApiRequest, items: list[Any]) -> list[dict[str, str]]:
        """A ``next`` link when the page is full, carrying the request's
        parameters plus ``marker`` (the last id), as Manila does."""
        try:
            limit = int(str(req.GET.get("limit", 0)))
        except ValueError:
            limit = 0
        if not limit or limit != len(items):
            return []
        params = dict(req.GET.items())
        params["marker"] = items[-1].id
        href = f"{req.api_base}/{self.collection}?{urllib.parse.urlencode(params)}"
        return [{"rel": "next", "href": href}]
