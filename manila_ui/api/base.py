"""Resource wrappers and per-request memoization shared by the API modules."""

from __future__ import annotations

import collections
import concurrent.futures
import functools
import hashlib
import threading
import time
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


class _Early:
    """A memoized call started ahead on another thread."""

    def __init__(self, future: concurrent.futures.Future[Any]) -> None:
        self.future = future


# Threads for calls a page starts ahead (``request_memoized(...).early``):
# few, and shared by the process's requests.
_EARLY_POOL = concurrent.futures.ThreadPoolExecutor(max_workers=8,
                                                    thread_name_prefix="manila-ui-early")


def _memo_of(request: Any) -> dict[Any, Any]:
    memo: dict[Any, Any] | None = getattr(request, _MEMO_ATTR, None)
    if memo is None:
        memo = {}
        setattr(request, _MEMO_ATTR, memo)
    return memo


def start_early(request: Any, key: Any, func: Callable[..., Any], *args: Any,
                **kwargs: Any) -> None:
    """Start ``func(*args, **kwargs)`` now on another thread, its outcome
    kept on the request under ``key`` for ``take`` (once per request)."""
    memo = _memo_of(request)
    if key not in memo:
        memo[key] = _Early(_EARLY_POOL.submit(func, *args, **kwargs))


def take(request: Any, key: Any, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """What ``func(*args, **kwargs)`` gives, once per request under ``key``:
    the call ``start_early`` began (its result, or its exception raised
    here), else the call made now."""
    memo = _memo_of(request)
    if key not in memo:
        memo[key] = func(*args, **kwargs)
    found = memo[key]
    if isinstance(found, _Early):
        try:
            found = memo[key] = found.future.result()
        except BaseException:
            memo.pop(key, None)  # as a failed call: asked again next time
            raise
    return found


def take_once(request: Any, key: Any, func: Callable[..., R], *args: Any,
              **kwargs: Any) -> R:
    """As ``take``, but the answer is not kept on the request: a second
    call makes the call again (a listing asked for again after a miss)."""
    try:
        return take(request, key, func, *args, **kwargs)
    finally:
        _memo_of(request).pop(key, None)


def request_memoized(func: Callable[P, R]) -> Callable[P, R]:
    """Cache a verb's result on the Django request it is called with.

    The first positional argument must be the request; the others must be
    hashable. The cache dies with the request, so no user ever sees another
    user's data and a page costs one call per distinct question.

    ``verb.early(request, ...)`` starts the same call now on another
    thread, while the page makes its other call: the verb then returns (or
    raises) what that call got, so a page's two calls cost the time of the
    longer one.
    """

    def key_of(args: Any, kwargs: Any) -> tuple[Any, ...]:
        return (func.__module__, func.__qualname__, args[1:], tuple(sorted(kwargs.items())))

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return take(args[0], key_of(args, kwargs), func, *args, **kwargs)

    def early(*args: Any, **kwargs: Any) -> None:
        from manila_ui.api import client  # noqa: PLC0415 - client imports base

        client.manilaclient(args[0])  # made (and negotiated) once, here
        start_early(args[0], key_of(args, kwargs), func, *args, **kwargs)

    wrapper.early = early  # type: ignore[attr-defined]
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


def token_key(request: Any) -> str:
    """The request's token, hashed: the key of what is kept per user."""
    token = getattr(getattr(request, "user", None), "token", None)
    return hashlib.sha256(str(getattr(token, "id", "")).encode()).hexdigest()


@dataclass
class _NameMap:
    names: dict[str, Any]
    missing: set[str]  # asked for at the last listing, and not listed
    at: float


class NameMaps:
    """Id -> name (or object) maps of what a user may see, for pages that
    name other objects (a snapshot's share, an admin row's project) when the API has no
    filter for a set of ids: ONE listing, kept per token (hashed) and scope
    in this process, listed again when a page asks for an id the map neither
    holds nor missed at its last listing, or after ``ttl`` seconds (a rename
    by another client shows then). Another token never sees the map.

    With ``refresh`` (a listing that may run after the request), a map past
    its ``ttl`` that knows every id a page asks for answers at once and is
    listed again behind the page, on another thread: only a page with an
    object the map has never seen waits for a listing."""

    def __init__(self, ttl: float = 60.0, most: int = 256) -> None:
        self.ttl = ttl
        self.most = most
        self._maps: collections.OrderedDict[tuple[str, Any], _NameMap] = \
            collections.OrderedDict()
        self._lock = threading.Lock()

    def _fresh(self, key: tuple[str, Any]) -> _NameMap | None:
        known = self._maps.get(key)
        if known is None or time.monotonic() - known.at > self.ttl:
            return None
        return known

    def known(self, request: Any, scope: Any) -> bool:
        """Whether this user's map is fresh (a page may skip a prefetch)."""
        return self._fresh((token_key(request), scope)) is not None

    def held(self, request: Any, scope: Any) -> bool:
        """Whether this user has a map at all, fresh or not."""
        return (token_key(request), scope) in self._maps

    def _store(self, key: tuple[str, Any], names: dict[str, Any], missing: set[str]) -> None:
        with self._lock:
            self._maps[key] = _NameMap(names, missing, time.monotonic())
            self._maps.move_to_end(key)
            while len(self._maps) > self.most:
                self._maps.popitem(last=False)

    def _refresh(self, key: tuple[str, Any], refresh: Callable[[], Mapping[str, Any]],
                 missing: set[str]) -> None:
        try:
            names = dict(refresh())
        except Exception:  # noqa: BLE001 - the old map stays; the next page tries again
            return
        self._store(key, names, missing - names.keys())

    def names(self, request: Any, scope: Any, wanted_ids: Iterable[Any],
              listing: Callable[[], Mapping[str, Any]],
              refresh: Callable[[], Mapping[str, Any]] | None = None) -> dict[str, Any]:
        """The user's whole map, listed (``listing()``) only if it lacks one
        of ``wanted_ids``, or is stale and has no ``refresh``."""
        wanted = {str(i) for i in wanted_ids if i}
        key = (token_key(request), scope)
        known = self._maps.get(key)
        if known is not None and not wanted - known.names.keys() - known.missing:
            if time.monotonic() - known.at <= self.ttl:
                return known.names
            if refresh is not None:
                with self._lock:
                    behind = time.monotonic() - known.at > self.ttl
                    if behind:  # one refresh at a time; this map answers meanwhile
                        known.at = time.monotonic()
                if behind:
                    _EARLY_POOL.submit(self._refresh, key, refresh, set(known.missing))
                return known.names
        names = dict(listing())
        self._store(key, names, wanted - names.keys())
        return names

    def forget(self, request: Any) -> None:
        """After this user created, renamed or deleted an object."""
        whose = token_key(request)
        with self._lock:
            for key in [k for k in self._maps if k[0] == whose]:
                del self._maps[key]
