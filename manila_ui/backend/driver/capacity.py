"""What each simulated back end reports about its capacity, from its own
config group (``[alpha]``, ``[beta]``, ``[gamma]``, as Manila's back-end
stanzas) and from what is placed on it.

Thin pools count as used only what the shares wrote (their
``simulated_driver:used_gb`` hint); thick pools hold the whole size of every
share.  The over-subscription ratio of a thin pool is a number >= 1, or
``auto`` (from Cinder): ``1 + provisioned / (used + 1)``, rounded to two
places, the configured default while nothing is provisioned, and never above
that default, so that ``auto`` only ever tightens what a fixed ratio allows.
Every option here is mutable: a SIGHUP reload applies it to the next
decision, because the driver reads the options each time it reports.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from oslo_config import cfg
from oslo_config import types

AUTO = "auto"
# Cinder's INITIAL_AUTO_MOSR: auto's start when the default is auto too.
INITIAL_AUTO_RATIO = 20.0
BACKENDS = ("alpha", "beta", "gamma")
THIN_BY_DEFAULT = {"alpha": True, "beta": False, "gamma": True}


class Ratio(types.ConfigType):
    """A max_over_subscription_ratio: a number >= 1.0, or ``auto``."""

    def __init__(self) -> None:
        super().__init__(type_name="ratio value")

    def __call__(self, value: Any) -> float | str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        else:
            text = str(value).strip().lower()
            if text == AUTO:
                return AUTO
            number = float(text)   # ValueError: oslo.config says which option
        if not number >= 1.0 or number == float("inf"):
            raise ValueError(f"{value!r} is not a number >= 1.0 or 'auto'")
        return number

    def _formatter(self, value: Any) -> str:
        return str(value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Ratio)

    def __hash__(self) -> int:
        return hash(Ratio)


def default_opts() -> list[cfg.Opt]:
    """The ``[simulated_driver]`` defaults the back-end groups fall back on."""
    return [
        cfg.IntOpt("total_capacity_gb", default=1230, min=1, mutable=True,
                   help="Size of each simulated pool, in gigabytes (a back end's "
                        "own total_capacity_gb overrides it)."),
        cfg.Opt("max_over_subscription_ratio", type=Ratio(), default=20.0,
                mutable=True,
                help="Over-subscription ratio of thin pools: a number >= 1.0 or "
                     "'auto' (1 + provisioned / (used + 1), as Cinder computes "
                     "it). A back end's own max_over_subscription_ratio "
                     "overrides it. Also what 'auto' starts at and never "
                     "exceeds (20.0 when this is 'auto' itself)."),
    ]


def backend_opts(backend: str) -> list[cfg.Opt]:
    """One back end's group: Manila's per-back-end option names."""
    def percent(name: str, text: str) -> cfg.Opt:
        return cfg.IntOpt(name, min=0, max=100, default=0, mutable=True, help=text)

    return [
        cfg.IntOpt("total_capacity_gb", min=1, mutable=True,
                   help="Size of the back end's pool, in gigabytes (unset: "
                        "[simulated_driver] total_capacity_gb)."),
        cfg.BoolOpt("thin_provisioning", default=THIN_BY_DEFAULT[backend],
                    mutable=True,
                    help="Thin pool: shares use only what they write, and may "
                         "be provisioned beyond the pool's size up to "
                         "max_over_subscription_ratio."),
        cfg.Opt("max_over_subscription_ratio", type=Ratio(), mutable=True,
                help="A number >= 1.0 or 'auto' (unset: [simulated_driver] "
                     "max_over_subscription_ratio). Thin pools only."),
        percent("reserved_share_percentage",
                "Percentage of the pool kept free of new shares (as Manila's option)."),
        percent("reserved_share_from_snapshot_percentage",
                "The same, for shares made from snapshots."),
        percent("reserved_share_extend_percentage",
                "The same, for extending shares (lower lets existing shares grow "
                "where new ones no longer fit)."),
    ]


def register(conf: cfg.ConfigOpts) -> None:
    for backend in BACKENDS:
        if backend not in conf:
            conf.register_opts(backend_opts(backend), group=backend)


def list_opts() -> list[tuple[str, list[cfg.Opt]]]:
    return [(backend, backend_opts(backend)) for backend in BACKENDS]


@dataclasses.dataclass(frozen=True)
class Usage:
    """What is placed on a pool: the sizes of its shares, and what they
    wrote (only meaningful on thin pools)."""
    provisioned_gb: int = 0
    written_gb: int = 0


@dataclasses.dataclass(frozen=True)
class Capacity:
    """A back end's capacity settings, read from the config when asked."""
    total_capacity_gb: int
    thin_provisioning: bool
    ratio: float | str            # the setting: a number or "auto"
    default_ratio: float          # auto's start and ceiling
    reserved_percentage: int
    reserved_snapshot_percentage: int
    reserved_share_extend_percentage: int

    @classmethod
    def of(cls, conf: cfg.ConfigOpts, backend: str) -> Capacity:
        group = conf[backend]
        fallback = conf.simulated_driver
        default = fallback.max_over_subscription_ratio
        ratio = group.max_over_subscription_ratio
        return cls(
            total_capacity_gb=group.total_capacity_gb or fallback.total_capacity_gb,
            thin_provisioning=group.thin_provisioning,
            ratio=default if ratio is None else ratio,
            default_ratio=INITIAL_AUTO_RATIO if default == AUTO else float(default),
            reserved_percentage=group.reserved_share_percentage,
            reserved_snapshot_percentage=group.reserved_share_from_snapshot_percentage,
            reserved_share_extend_percentage=group.reserved_share_extend_percentage)

    def used_gb(self, usage: Usage) -> int:
        return usage.written_gb if self.thin_provisioning else usage.provisioned_gb

    def effective_ratio(self, usage: Usage) -> float:
        """The ratio the scheduler applies now (1.0 on thick pools)."""
        if not self.thin_provisioning:
            return 1.0
        if self.ratio != AUTO:
            return float(self.ratio)
        if usage.provisioned_gb == 0:
            return self.default_ratio
        auto = 1 + usage.provisioned_gb / (self.used_gb(usage) + 1)
        return min(round(auto, 2), self.default_ratio)

    def report(self, usage: Usage) -> dict[str, Any]:
        """The capacity half of a pool's capabilities, with Manila's keys."""
        free = max(self.total_capacity_gb - self.used_gb(usage), 0)
        return {
            "total_capacity_gb": float(self.total_capacity_gb),
            "free_capacity_gb": float(free),
            "allocated_capacity_gb": float(usage.provisioned_gb),
            "provisioned_capacity_gb": float(usage.provisioned_gb),
            "thin_provisioning": self.thin_provisioning,
            "max_over_subscription_ratio": self.effective_ratio(usage),
            # Our extension: the ratio above follows the pool's use.
            "max_over_subscription_ratio_auto": (self.thin_provisioning
                                                 and self.ratio == AUTO),
            "reserved_percentage": self.reserved_percentage,
            "reserved_snapshot_percentage": self.reserved_snapshot_percentage,
            "reserved_share_extend_percentage": self.reserved_share_extend_percentage,
        }
