"""Resource wrappers and per-request memoization shared by the API modules."""

from __future__ import annotations

import functools
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import ClassVar
from typing import Generic
from typing import ParamSpec
from typing import TypeVar

P = ParamSpec("P")
R = TypeVar("R")
W = TypeVar("W", bound="ManilaResource")

_MEMO_ATTR = "_manila_ui_memo"


class ManilaResource:
    """A read-only view of one Manila resource with a fixed attribute list.

    Built from the JSON body the server returned, so templates see a stable,
    documented surface: a field the server's microversion lacks is None
    rather than an AttributeError (or, with a raw manilaclient object, a
    lazy-loading API call hidden in a template).
    """

    _attrs: ClassVar[tuple[str, ...]] = ("id",)
    id: Any

    def __init__(self, info: Mapping[str, Any]) -> None:
        self._info = dict(info)
        for attr in self._attrs:
            object.__setattr__(self, attr, self._info.get(attr))

    @classmethod
    def from_resource(cls: type[W], resource: Any) -> W:
        """Wrap a manilaclient resource (or a plain dict)."""
        info = resource if isinstance(resource, Mapping) else resource._info
        return cls(info)

    def to_dict(self) -> dict[str, Any]:
        return {attr: getattr(self, attr) for attr in self._attrs}

    @property
    def name_or_id(self) -> str:
        return getattr(self, "name", None) or str(self.id)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id}>"


def info_of(resource: Any) -> dict[str, Any]:
    """The JSON body behind a manilaclient resource (or a plain dict)."""
    info = resource if isinstance(resource, Mapping) else getattr(
        resource, "_info", None)
    return dict(info or {})


def wrap_all(cls: type[W], resources: Iterable[Any]) -> list[W]:
    return [cls.from_resource(r) for r in resources]


def request_memoized(func: Callable[P, R]) -> Callable[P, R]:
    """Cache a verb's result on the Django request it is called with.

    The first positional argument must be the request; the others must be
    hashable. The cache dies with the request, so no user ever sees another
    user's data and a page costs one call per distinct question.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        request = args[0]
        memo: dict[Any, Any] | None = getattr(request, _MEMO_ATTR, None)
        if memo is None:
            memo = {}
            setattr(request, _MEMO_ATTR, memo)
        key = (func.__module__, func.__qualname__, args[1:],
               tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = func(*args, **kwargs)
        return memo[key]

    return wrapper


def forget(request: Any) -> None:
    """Drop what this request memoized (after a write changed the answers)."""
    if hasattr(request, _MEMO_ATTR):
        delattr(request, _MEMO_ATTR)


@dataclass
class Page(Generic[W]):
    """One page of a server-side paginated list.

    ``offset`` is where this page starts; ``total`` is only known when the
    server supports ``with_count``.
    """

    items: list[W]
    offset: int
    page_size: int
    has_more: bool
    total: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def has_prev(self) -> bool:
        return self.offset > 0

    @property
    def next_offset(self) -> int:
        return self.offset + self.page_size

    @property
    def prev_offset(self) -> int:
        return max(0, self.offset - self.page_size)
