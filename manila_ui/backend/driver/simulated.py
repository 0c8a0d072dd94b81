"""The simulated storage back end.

Two back ends, ``alpha`` (thin, first availability zone) and ``beta``
(thick, second zone), one pool each, speaking NFS and CIFS.  The driver is
stateless: what is allocated on a pool is counted from the share rows by
the caller, so it survives restarts with the database.
"""

from __future__ import annotations

import dataclasses
import datetime
import ipaddress
import uuid
from typing import Any

from oslo_config import cfg


@dataclasses.dataclass(frozen=True)
class Pool:
    host: str                 # host@backend
    backend: str
    pool: str
    availability_zone: str
    total_capacity_gb: int
    thin_provisioning: bool
    max_over_subscription_ratio: str   # a float, or "auto" as in Manila
    backend_name: str

    @property
    def name(self) -> str:
        return f"{self.host}#{self.pool}"

    def capabilities(self, allocated_gb: int) -> dict[str, Any]:
        """What the pool reports, as Manila's scheduler-stats show it."""
        free = max(self.total_capacity_gb - allocated_gb, 0)
        ratio: Any = self.max_over_subscription_ratio
        if ratio != "auto":
            ratio = float(ratio)
        return {
            "pool_name": self.pool,
            "total_capacity_gb": float(self.total_capacity_gb),
            "free_capacity_gb": float(free),
            # Reported by drivers that track allocation (not every one does).
            "allocated_capacity_gb": allocated_gb,
            "provisioned_capacity_gb": allocated_gb,
            "thin_provisioning": self.thin_provisioning,
            "max_over_subscription_ratio": ratio,
            "reserved_percentage": 0,
            "reserved_snapshot_percentage": 0,
            "reserved_share_extend_percentage": 0,
            "dedupe": False,
            "compression": False,
            "qos_type_support": False,
            "snapshot_support": True,
            "create_share_from_snapshot_support": True,
            "revert_to_snapshot_support": True,
            "mount_snapshot_support": True,
            "snapshot_inherit_share_access_support": False,
            "driver_handles_share_servers": False,
            "share_backend_name": self.backend_name,
            "storage_protocol": "NFS_CIFS",
            "vendor_name": "manila-ui",
            "driver_version": "1.0",
            "replication_domain": None,
            "replication_type": None,
            "encryption_support": None,
            "ipv4_support": True,
            "ipv6_support": True,
            "security_service_update_support": False,
            "network_allocation_update_support": False,
            "share_server_multiple_subnet_support": False,
            "share_replicas_migration_support": False,
            "sg_consistent_snapshot_support": None,
            "timestamp": datetime.datetime.now(datetime.UTC)
            .replace(tzinfo=None).isoformat(),
        }


@dataclasses.dataclass(frozen=True)
class ExportPath:
    id: str
    path: str
    preferred: bool


class SimulatedDriver:
    def __init__(self, conf: cfg.ConfigOpts) -> None:
        opts = conf.simulated_driver
        zones = list(opts.availability_zones) or ["nova"]
        second = zones[1] if len(zones) > 1 else zones[0]
        self._pools = [
            Pool(host=f"{conf.host}@alpha", backend="alpha", pool="pool_alpha",
                 availability_zone=zones[0],
                 total_capacity_gb=opts.total_capacity_gb,
                 thin_provisioning=True,
                 max_over_subscription_ratio=opts.max_over_subscription_ratio,
                 backend_name="ALPHA"),
            Pool(host=f"{conf.host}@beta", backend="beta", pool="pool_beta",
                 availability_zone=second,
                 total_capacity_gb=opts.total_capacity_gb,
                 thin_provisioning=False, max_over_subscription_ratio="1.0",
                 backend_name="BETA"),
        ]
        self._export_ips = [ipaddress.ip_address(ip) for ip in opts.export_ips]

    def pools(self) -> list[Pool]:
        return list(self._pools)

    def availability_zones(self) -> list[str]:
        return sorted({pool.availability_zone for pool in self._pools})

    def create_share(self, share_id: str, share_proto: str) -> list[ExportPath]:
        """Provision a share: its export locations, the IPv4 one preferred."""
        paths = []
        for index, ip in enumerate(self._export_ips):
            paths.append(ExportPath(id=str(uuid.uuid4()),
                                    path=self._path(ip, share_id, share_proto),
                                    preferred=index == 0))
        return paths

    def delete_share(self, share_id: str) -> None:
        """Nothing to release: the simulated storage keeps no state."""

    @staticmethod
    def _path(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, share_id: str,
              share_proto: str) -> str:
        name = "share_" + share_id.replace("-", "_")
        if share_proto == "CIFS":
            # UNC paths cannot hold an IPv6 literal; Windows spells it as an
            # ipv6-literal.net name.
            host = (str(ip) if ip.version == 4 else
                    str(ip).replace(":", "-") + ".ipv6-literal.net")
            return f"\\\\{host}\\{name}"
        host = str(ip) if ip.version == 4 else f"[{ip}]"
        return f"{host}:/shares/{name}"
