"""What a storage pool holds and can still hold, read from what it reports
(``/scheduler-stats/pools/detail``): the numbers Manila's capacity filter
uses, for Admin › Pools' capacity bars and Create Share's warning.

``largest_new_share`` is the capacity filter solved for the size: the free
space above the reserve, and on thin pools (unless the share type asks for
thick provisioning) up to ``total x ratio - provisioned``.  Which pools a
share type may use follows Manila's capability matching
(``satisfies``): the dashboard cannot ask the scheduler, so it reads the
same capabilities the same way.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _
from horizon import exceptions

from manila_ui.api import pools as api_pools
from manila_ui.api import services as api_services
from manila_ui.dashboards import policy

_TRUE = ("1", "t", "true", "on", "y", "yes")
_FALSE = ("0", "f", "false", "off", "n", "no")
_IGNORED = ("availability_zones", "capabilities:availability_zones", "default_qos_type")


def _number(value: Any) -> float | None:
    """A reported capacity (Manila lets drivers say "unknown" or "infinite")."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _bool(text: str) -> bool | None:
    lowered = text.strip().lower()
    return True if lowered in _TRUE else False if lowered in _FALSE else None


def _percent(part: float, whole: float) -> float:
    return round(max(0.0, min(100.0, 100.0 * part / whole)), 1) if whole > 0 else 0.0


@dataclasses.dataclass(frozen=True)
class PoolCapacity:
    total_gb: float
    free_gb: float
    provisioned_gb: float | None
    reserved_percentage: float
    thin: bool
    ratio: float
    ratio_auto: bool

    @classmethod
    def of(cls, capabilities: Mapping[str, Any] | None) -> PoolCapacity | None:
        """None when the pool does not report sizes (``unknown``)."""
        caps = capabilities or {}
        total, free = _number(caps.get("total_capacity_gb")), _number(
            caps.get("free_capacity_gb"))
        if total is None or free is None or total <= 0:
            return None
        thin = caps.get("thin_provisioning")
        thin = True in thin if isinstance(thin, list) else bool(thin)
        return cls(total_gb=total, free_gb=max(free, 0.0),
                   provisioned_gb=_number(caps.get("provisioned_capacity_gb",
                                                   caps.get("allocated_capacity_gb"))),
                   reserved_percentage=_number(caps.get("reserved_percentage")) or 0.0,
                   thin=thin, ratio=_number(caps.get("max_over_subscription_ratio")) or 1.0,
                   ratio_auto=caps.get("max_over_subscription_ratio_auto") is True)

    @property
    def used_gb(self) -> float:
        return max(self.total_gb - self.free_gb, 0.0)

    @property
    def reserved_gb(self) -> float:
        return self.total_gb * self.reserved_percentage / 100

    @property
    def virtual_gb(self) -> float:
        """What thin provisioning lets the pool promise."""
        return self.total_gb * (self.ratio if self.thin else 1.0)

    def largest_new_share(self, thin_logic: bool = True) -> int:
        """The largest new share the capacity filter lets through."""
        free = math.floor(self.free_gb - self.reserved_gb)
        if thin_logic and self.thin and self.ratio >= 1:
            room = math.floor(self.virtual_gb - (self.provisioned_gb or 0.0))
            return max(min(room, math.floor(free * self.ratio)), 0)
        return max(free, 0)

    def bar(self) -> dict[str, float]:
        """Widths (percent of the pool) of the used, reserved and free parts
        of the bar, and how much of what it may promise is provisioned."""
        used = _percent(self.used_gb, self.total_gb)
        reserved = min(_percent(self.reserved_gb, self.total_gb), 100.0 - used)
        return {"used": used, "reserved": reserved,
                "free": round(max(100.0 - used - reserved, 0.0), 1),
                "provisioned": _percent(self.provisioned_gb or 0.0, self.virtual_gb)}


def thin_logic(extra_specs: Mapping[str, str]) -> bool:
    """Whether thin pools over-subscribe for a type (Manila's use_thin_logic):
    unless its ``thin_provisioning`` spec says False."""
    spec = extra_specs.get("thin_provisioning",
                           extra_specs.get("capabilities:thin_provisioning"))
    if spec is None:
        return True
    strict = _bool(spec)
    return strict if strict is not None else _matches(True, spec)


def _matches(capability: Any, requirement: str) -> bool:
    """Manila's extra-spec operators against one reported value."""
    value = capability.lower() if isinstance(capability, str) else capability
    words = requirement.lower().split()
    if words and words[0] == "<or>":
        return str(value) in words[1::2]
    numeric = {"=": lambda a, b: a >= b, "==": lambda a, b: a == b,
               "!=": lambda a, b: a != b, ">=": lambda a, b: a >= b,
               "<=": lambda a, b: a <= b}
    if words and words[0] in numeric and len(words) > 1 and value is not None:
        left, right = _number(value), _number(words[1])
        return left is not None and right is not None and numeric[words[0]](left, right)
    if words and words[0] == "<in>" and len(words) > 1:
        return words[1] in str(value)
    if words and words[0] == "<is>" and len(words) > 1:
        return _bool(str(value)) is _bool(words[1])
    if isinstance(value, bool):
        return value is _bool(requirement)
    return value is not None and str(value).lower() == requirement.lower()


def satisfies(capabilities: Mapping[str, Any], extra_specs: Mapping[str, str]) -> bool:
    """Whether a pool's capabilities meet a share type's extra specs
    (vendor-scoped specs aside, as Manila's CapabilitiesFilter; a type with
    a QoS type needs a pool that applies QoS)."""
    if extra_specs.get("default_qos_type") and not capabilities.get("qos_type_support"):
        return False
    for key, requirement in extra_specs.items():
        if key in _IGNORED:
            continue
        scope = key.split(":")
        if len(scope) > 1 and scope[0] != "capabilities":
            continue
        reported: Any = capabilities
        for part in scope[1:] if scope[0] == "capabilities" else scope:
            reported = reported.get(part) if isinstance(reported, Mapping) else None
        values = reported if isinstance(reported, list) else [reported]
        if reported is None or not any(_matches(v, str(requirement)) for v in values):
            return False
    return True


def largest_per_type(pools: list[Any], share_types: list[Any],
                     zones: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """For each share type (by name): the largest new share any pool that
    satisfies it can take, per availability zone (``zones``: back end
    ``host@backend`` → zone) and over all zones (key ``""``)."""
    largest: dict[str, dict[str, int]] = {}
    for share_type in share_types:
        specs = dict(share_type.extra_specs or {})
        per_zone: dict[str, int] = {"": 0}
        for pool in pools:
            capacity = PoolCapacity.of(pool.capabilities)
            if capacity is None or not satisfies(pool.capabilities or {}, specs):
                continue
            size = capacity.largest_new_share(thin_logic(specs))
            zone = zones.get((pool.name or "").partition("#")[0], "")
            per_zone[""] = max(per_zone[""], size)
            if zone:
                per_zone[zone] = max(per_zone.get(zone, 0), size)
        largest[share_type.name] = per_zone
    return largest


def share_service_zones(request: Any) -> dict[str, str]:
    """Back end (``host@backend``) → availability zone, from the share
    services (Manila's pools do not say theirs); {} when the policy hides
    services or they cannot be read."""
    if not policy.allows(request, "service:index"):
        return {}
    try:
        services = api_services.service_list(
            request, {"binary": api_services.SHARE_BINARY})
    except Exception:
        exceptions.handle(request, _("Unable to retrieve the back ends' zones."))
        return {}
    return {service.host or "": service.zone or "" for service in services}


def size_hints(request: Any, share_types: list[Any]) -> dict[str, str]:
    """Attributes for Create Share's size field: the largest new share per
    type and zone, from the pools where the user may read them (JSON in
    ``data-largest``, read by manila_ui.share_capacity.js); {} otherwise."""
    if not policy.allows(request, "scheduler_stats:pools:detail"):
        return {}
    try:
        pools = api_pools.pool_list(request)
    except Exception:
        return {}     # the protocol field already said the pools failed
    largest = largest_per_type(pools, share_types, share_service_zones(request))
    return {"class": "manila-ui-capacity-checked", "data-largest": json.dumps(largest),
            "data-type-field": "share_type", "data-zone-field": "availability_zone"}
