"""A filter scheduler, after Manila's: each pool's state is what its back end
reports (its capabilities, capacity included), a list of filters removes the
pools that cannot take the request, and a weigher picks among the rest.
When a filter leaves no pool, the failure names it, so the user message says
which filter failed (Manila's detail ids).

To add a filter: write ``def my_filter(pool: PoolState, request: Request) ->
bool`` and put ``("MyFilter", my_filter)`` into :data:`FILTERS` where Manila
runs it (its ``scheduler_default_filters`` order); give it a detail id in
:data:`FILTER_DETAILS` if Manila's user message names it.  What a filter
needs from the request goes into :class:`Request` (with a default)."""

from __future__ import annotations

import dataclasses
import math
import operator
from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from typing import Any

from manila_ui.backend.driver.simulated import Pool

# Manila's user-message detail ids per failed filter.
FILTER_DETAILS = {
    "AvailabilityZoneFilter": "007",
    "CapabilitiesFilter": "008",
    "CapacityFilter": "009",
    "CreateFromSnapshotFilter": "016",
    "ShareReplicationFilter": "014",
}
NO_VALID_HOST = "002"
BACKEND_NOT_READY = "028"     # no share service enabled and up at all
ALLOCATE_HOST, CREATE = "001", "002"   # Manila's message action ids

# Extra specs that are not capabilities to match.
_IGNORED_SPECS = {"availability_zones", "capabilities:availability_zones",
                  "default_qos_type"}


class NoValidHost(Exception):
    """No pool for the request: the user message's action and detail ids
    name why (the last filter, or no back end at all)."""

    def __init__(self, last_filter: str | None) -> None:
        self.last_filter = last_filter
        if last_filter is None:
            # Manila: "There are no hosts to fulfill this provisioning
            # request. Are share backend services down?"
            self.action_id, self.detail_id = CREATE, BACKEND_NOT_READY
        else:
            self.action_id = ALLOCATE_HOST
            self.detail_id = FILTER_DETAILS.get(last_filter, NO_VALID_HOST)
        super().__init__(f"No valid host was found ({last_filter}).")


@dataclasses.dataclass(frozen=True)
class PoolState:
    """A pool as the scheduler sees it for one decision (Manila's
    ``PoolState``): the driver's pool and what it reports now."""
    pool: Pool
    capabilities: Mapping[str, Any]

    @property
    def name(self) -> str:
        return self.pool.name


@dataclasses.dataclass(frozen=True)
class Request:
    size: int
    share_proto: str
    availability_zone: str | None
    extra_specs: Mapping[str, str]
    snapshot_pool: Pool | None = None   # creating from a snapshot held there
    only_pool: str | None = None        # no choice: this pool or nothing
    from_snapshot: bool = False         # a new share from a snapshot
    is_share_extend: bool = False       # growing a share by ``size``
    # A new replica: the active replica's pool, and the pools that hold one.
    active_replica_pool: Pool | None = None
    replica_pools: tuple[str, ...] = ()

    @property
    def specs(self) -> dict[str, str]:
        """The extra specs the capabilities must satisfy: the share type's,
        and the protocol (Manila adds ``storage_protocol``)."""
        specs = dict(self.extra_specs)
        specs.setdefault("storage_protocol", f"<in> {self.share_proto}")
        return specs


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
    # A type with a QoS type needs a back end that applies QoS (Manila's
    # CapabilitiesFilter).
    if extra_specs.get("default_qos_type") and not capabilities.get("qos_type_support"):
        return False
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


# -- filters (Manila's scheduler_default_filters, in its order) ---------------

def only_host(pool: PoolState, request: Request) -> bool:
    return request.only_pool in (None, pool.name)


def availability_zone(pool: PoolState, request: Request) -> bool:
    zone = pool.pool.availability_zone
    if request.availability_zone:
        return zone == request.availability_zone
    type_zones = [z.strip() for z in
                  request.extra_specs.get("availability_zones", "").split(",")
                  if z.strip()]
    return not type_zones or zone in type_zones


def capacity(pool: PoolState, request: Request) -> bool:
    return has_capacity(pool.capabilities, request)


def capabilities(pool: PoolState, request: Request) -> bool:
    return capabilities_satisfied(pool.capabilities, request.specs)


def create_from_snapshot(pool: PoolState, request: Request) -> bool:
    """The snapshot's back end, or one in the same replication domain."""
    source = request.snapshot_pool
    if source is None:
        return True
    return pool.pool.host == source.host or bool(
        source.replication_domain
        and source.replication_domain == pool.pool.replication_domain)


def share_replication(pool: PoolState, request: Request) -> bool:
    """A replicated type needs a pool in a replication domain; a new replica,
    one in the active replica's domain that holds no replica of the share."""
    if not request.extra_specs.get("replication_type"):
        return True
    domain = pool.pool.replication_domain
    if domain is None:
        return False
    active = request.active_replica_pool
    if active is None:
        return True
    return domain == active.replication_domain and pool.name not in request.replica_pools


HostFilter = Callable[[PoolState, Request], bool]

FILTERS: list[tuple[str, HostFilter]] = [
    ("OnlyHostFilter", only_host),
    ("AvailabilityZoneFilter", availability_zone),
    ("CapacityFilter", capacity),
    ("CapabilitiesFilter", capabilities),
    ("ShareReplicationFilter", share_replication),
    ("CreateFromSnapshotFilter", create_from_snapshot),
]


def choose_pool(pools: Sequence[PoolState], request: Request,
                filters: Sequence[tuple[str, HostFilter]] | None = None) -> PoolState:
    """The pool for a new share; raises NoValidHost naming the filter that
    emptied the candidate list."""
    candidates = list(pools)
    if not candidates:
        raise NoValidHost(None)
    for name, passes in FILTERS if filters is None else filters:
        candidates = [pool for pool in candidates if passes(pool, request)]
        if not candidates:
            raise NoValidHost(name)
    return max(candidates, key=lambda pool: (capacity_weight(pool.capabilities),
                                             pool.name))


def can_grow(pool: PoolState, request: Request) -> bool:
    """Whether a share on ``pool`` may grow by ``request.size`` (Manila runs
    the capacity filter on the share's own host before an extend)."""
    return has_capacity(pool.capabilities, request)


# -- capacity (Manila's CapacityFilter and CapacityWeigher) ---------------------

def use_thin_logic(extra_specs: Mapping[str, str]) -> bool:
    """Whether the share type lets thin pools over-subscribe for it: unless
    its ``thin_provisioning`` spec says False (Manila's use_thin_logic)."""
    spec = extra_specs.get("thin_provisioning",
                           extra_specs.get("capabilities:thin_provisioning"))
    if spec is None:
        return True
    strict = _bool(spec)
    return strict if strict is not None else spec_matches(True, spec)


def _thin(caps: Mapping[str, Any]) -> bool:
    reported = caps.get("thin_provisioning")
    return True in (reported if isinstance(reported, list) else [reported])


def has_capacity(caps: Mapping[str, Any], request: Request) -> bool:
    """The capacity filter: the free space above the reserve; thin pools
    (for types that allow it) may be provisioned up to their
    over-subscription ratio."""
    size = request.size
    total = float(caps["total_capacity_gb"])
    if total <= 0:
        return False
    if request.from_snapshot:
        reserved = caps.get("reserved_snapshot_percentage") or 0
    elif request.is_share_extend:
        reserved = caps.get("reserved_share_extend_percentage") or 0
    else:
        reserved = caps.get("reserved_percentage") or 0
    free = math.floor(float(caps["free_capacity_gb"]) - total * float(reserved) / 100)
    ratio = float(caps.get("max_over_subscription_ratio") or 1.0)
    if use_thin_logic(request.extra_specs) and _thin(caps):
        if ratio < 1:
            return False     # Manila logs the bad ratio and refuses the pool
        provisioned = float(caps.get("provisioned_capacity_gb") or 0)
        if (provisioned + size) / total > ratio:
            return False
        return free * ratio >= size
    return free >= size


def capacity_weight(caps: Mapping[str, Any]) -> float:
    """The capacity weigher: the most free space wins (spreading); thin
    pools offer their over-subscribed space."""
    total = float(caps["total_capacity_gb"])
    reserved = total * float(caps.get("reserved_percentage") or 0) / 100
    if _thin(caps):
        ratio = float(caps.get("max_over_subscription_ratio") or 1.0)
        provisioned = float(caps.get("provisioned_capacity_gb") or 0)
        return math.floor(total * ratio - provisioned - reserved)
    return math.floor(float(caps["free_capacity_gb"]) - reserved)


# -- share groups (Manila's scheduler_default_share_group_filters) --------------

@dataclasses.dataclass(frozen=True)
class GroupRequest:
    """A share group: a pool must take every one of its share types (in the
    zone asked for, or one their ``availability_zones`` allow) and its group
    type's ``consistent_snapshot_support``."""

    share_type_specs: tuple[Mapping[str, str], ...]
    group_specs: Mapping[str, str]
    availability_zone: str | None


def choose_group_pool(pools: Sequence[PoolState], request: GroupRequest) -> PoolState:
    """Manila's group scheduling: the pools each share type passes,
    intersected, then the group filters (AvailabilityZoneFilter,
    ConsistentSnapshotFilter); the capacity weigher picks."""
    zones = [z.strip() for specs in request.share_type_specs
             for z in specs.get("availability_zones", "").split(",") if z.strip()]

    def zone_ok(pool: PoolState) -> bool:
        if request.availability_zone:
            return pool.pool.availability_zone == request.availability_zone
        return not zones or pool.pool.availability_zone in zones

    wanted = request.group_specs.get("consistent_snapshot_support")
    filters: list[tuple[str, Callable[[PoolState], bool]]] = [
        ("AvailabilityZoneFilter", zone_ok),
        ("CapabilitiesFilter", lambda pool: all(
            capabilities_satisfied(pool.capabilities, specs)
            for specs in request.share_type_specs)),
        ("ConsistentSnapshotFilter", lambda pool: not wanted or spec_matches(
            pool.capabilities.get("sg_consistent_snapshot_support"), wanted)),
    ]
    candidates = list(pools)
    if not candidates:
        raise NoValidHost(None)
    for name, passes in filters:
        candidates = [pool for pool in candidates if passes(pool)]
        if not candidates:
            raise NoValidHost(name)
    return max(candidates, key=lambda pool: (capacity_weight(pool.capabilities),
                                             pool.name))
