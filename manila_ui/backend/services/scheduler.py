"""A minimal filter scheduler, after Manila's: availability zone, capacity,
share-type extra specs against pool capabilities, and for a share made
from a snapshot the snapshot's back end or replication domain; the pool
with the most free space wins.  When a filter leaves no pool, the failure
names it, so the user message says which filter failed (Manila's detail
ids)."""

from __future__ import annotations

import dataclasses
import math
import operator
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from manila_ui.backend.driver.simulated import Pool

# Manila's user-message detail ids per failed filter.
FILTER_DETAILS = {
    "AvailabilityZoneFilter": "007",
    "CapabilitiesFilter": "008",
    "CapacityFilter": "009",
    "CreateFromSnapshotFilter": "016",
}
NO_VALID_HOST = "002"

# Extra specs that are not capabilities to match.
_IGNORED_SPECS = {"availability_zones", "capabilities:availability_zones",
                  "default_qos_type"}


class NoValidHost(Exception):
    def __init__(self, last_filter: str | None) -> None:
        self.last_filter = last_filter
        self.detail_id = FILTER_DETAILS.get(last_filter or "", NO_VALID_HOST)
        super().__init__(f"No valid host was found ({last_filter}).")


@dataclasses.dataclass(frozen=True)
class Request:
    size: int
    share_proto: str
    availability_zone: str | None
    extra_specs: Mapping[str, str]
    snapshot_pool: Pool | None = None   # creating from a snapshot held there
    only_pool: str | None = None        # no choice: this pool or nothing


def _bool(text: str) -> bool | None:
    lowered = text.strip().lower()
    if lowered in ("1", "t", "true", "on", "y", "yes"):
        return True
    if lowered in ("0", "f", "false", "off", "n", "no"):
        return False
    return None


def _float_op(op: Callable[[float, float], bool]) -> Callable[[Any, str], bool]:
    return lambda value, wanted: op(float(value), float(wanted))


_OPS: dict[str, Callable[[Any, str], bool]] = {
    "=": _float_op(operator.ge),
    "==": _float_op(operator.eq),
    "!=": _float_op(operator.ne),
    ">=": _float_op(operator.ge),
    "<=": _float_op(operator.le),
    "<in>": lambda value, wanted: wanted in str(value),
    "<is>": lambda value, wanted: _bool(str(value)) is _bool(wanted),
    "s==": lambda value, wanted: str(value) == wanted,
    "s!=": lambda value, wanted: str(value) != wanted,
    "s<": lambda value, wanted: str(value) < wanted,
    "s<=": lambda value, wanted: str(value) <= wanted,
    "s>": lambda value, wanted: str(value) > wanted,
    "s>=": lambda value, wanted: str(value) >= wanted,
}


def spec_matches(capability: Any, requirement: str) -> bool:
    """Manila's extra-spec operators (``<is> True``, ``<in> NFS``, ``>= 10``,
    ``<or> a <or> b``, or a plain value), case-insensitive."""
    if isinstance(capability, str):
        capability = capability.lower()
    words = requirement.lower().split()
    if words and words[0] == "<or>":
        return str(capability) in words[1::2]
    if not words or words[0] not in _OPS:
        if isinstance(capability, bool):
            return capability == _bool(requirement.lower())
        return str(capability).lower() == requirement.lower() if capability is not None \
            else False
    if capability is None or len(words) < 2:
        return False
    try:
        return _OPS[words[0]](capability, words[1])
    except ValueError:
        return False


def capabilities_satisfied(capabilities: Mapping[str, Any],
                           extra_specs: Mapping[str, str]) -> bool:
    for key, requirement in extra_specs.items():
        if key in _IGNORED_SPECS:
            continue
        scope = key.split(":")
        if len(scope) > 1 and scope[0] != "capabilities":
            continue  # vendor- or provisioning-scoped: not a capability
        if scope[0] == "capabilities":
            scope = scope[1:]
        value: Any = capabilities
        for part in scope:
            value = value.get(part) if isinstance(value, Mapping) else None
            if value is None:
                return False
        values = value if isinstance(value, list) else [value]
        if not any(spec_matches(v, requirement) for v in values):
            return False
    return True


def _has_capacity(pool: Pool, allocated: int, size: int) -> bool:
    free = pool.total_capacity_gb - allocated
    if not pool.thin_provisioning:
        return size <= math.floor(free)
    ratio = _ratio(pool, allocated)
    return (allocated + size) / pool.total_capacity_gb <= ratio


def choose_pool(pools: list[Pool], allocated: Mapping[str, int],
                request: Request) -> Pool:
    """The pool for a new share; raises NoValidHost naming the filter that
    emptied the candidate list."""
    specs = dict(request.extra_specs)
    specs.setdefault("storage_protocol", f"<in> {request.share_proto}")
    type_zones = [z.strip() for z in
                  specs.get("availability_zones", "").split(",") if z.strip()]

    def zone_ok(pool: Pool) -> bool:
        if request.availability_zone:
            return pool.availability_zone == request.availability_zone
        return not type_zones or pool.availability_zone in type_zones

    def snapshot_ok(pool: Pool) -> bool:
        # Manila's CreateFromSnapshotFilter: the snapshot's back end, or one
        # in the same replication domain.
        source = request.snapshot_pool
        if source is None:
            return True
        return pool.host == source.host or bool(
            source.replication_domain
            and source.replication_domain == pool.replication_domain)

    filters: list[tuple[str, Callable[[Pool], bool]]] = [
        ("OnlyHostFilter", lambda pool: request.only_pool in (None, pool.name)),
        ("AvailabilityZoneFilter", zone_ok),
        ("CapacityFilter", lambda pool: _has_capacity(
            pool, allocated.get(pool.name, 0), request.size)),
        ("CapabilitiesFilter", lambda pool: capabilities_satisfied(
            pool.capabilities(allocated.get(pool.name, 0)), specs)),
        ("CreateFromSnapshotFilter", snapshot_ok),
    ]
    candidates = list(pools)
    if not candidates:
        raise NoValidHost(None)
    for name, passes in filters:
        candidates = [pool for pool in candidates if passes(pool)]
        if not candidates:
            raise NoValidHost(name)
    return max(candidates, key=lambda pool: (
        _virtual_free(pool, allocated.get(pool.name, 0)), pool.name))


def can_grow(pool: Pool, allocated: int, size_increase: int) -> bool:
    """Whether a share on ``pool`` may grow by ``size_increase`` (Manila
    runs the capacity filter on the share's own host before an extend)."""
    return _has_capacity(pool, allocated, size_increase)


def _ratio(pool: Pool, allocated: int) -> float:
    if not pool.thin_provisioning:
        return 1.0
    if pool.max_over_subscription_ratio == "auto":
        # Manila's "auto": provisioned over used, plus one (nothing is
        # written to simulated shares, so "used" is what is allocated).
        return 2.0 if allocated > 0 else 1.0
    return max(float(pool.max_over_subscription_ratio), 1.0)


def _virtual_free(pool: Pool, allocated: int) -> float:
    """The capacity weigher: thin pools offer their over-subscribed space."""
    return pool.total_capacity_gb * _ratio(pool, allocated) - allocated
