"""The simulated network plugin and the share-server half of the simulated
driver (back ends with driver_handles_share_servers=True).

There is no Neutron here.  Like Manila's StandaloneNetworkPlugin, every
subnet gets addresses from one configured segment (``[simulated_network]``:
IPv4 and IPv6 CIDRs, gateways, network type, MTU, a range of segmentation
ids).  The neutron ids a subnet carries are opaque to the API, as in
Manila; the plugin judges them when it sets a server up, as Neutron would:
they must look like UUIDs, else the setup fails (Manila's "could not find
an existing share server or allocate one" message).  Each neutron network
id gets a segmentation id of its own from the range.

The back end refuses what a real one would, so the failure paths can be
exercised: a security service whose ``server`` or ``domain`` ends in
``.invalid`` (RFC 6761) cannot be set up, and update checks answer False.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import uuid
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from typing import Any

from oslo_config import cfg

from manila_ui.backend.driver.simulated import ExportPath
from manila_ui.backend.driver.simulated import SimulatedDriver

GROUP = "simulated_network"

network_opts: list[cfg.Opt] = [
    cfg.StrOpt("ipv4_cidr", default="10.0.0.0/24",
               help="IPv4 network of the simulated segment."),
    cfg.StrOpt("ipv4_gateway", default="10.0.0.1", help="Its gateway."),
    cfg.StrOpt("ipv4_range", default="10.0.0.100-10.0.0.199",
               help="Addresses share servers get on it (first-last)."),
    cfg.StrOpt("ipv6_cidr", default="fd00:10::/64",
               help="IPv6 network of the segment (empty: IPv4 only)."),
    cfg.StrOpt("ipv6_gateway", default="fd00:10::1", help="Its gateway."),
    cfg.StrOpt("ipv6_range", default="fd00:10::100-fd00:10::1ff",
               help="IPv6 addresses share servers get (first-last)."),
    cfg.StrOpt("admin_cidr", default="10.254.0.0/24",
               help="The admin network: one address per share server, used "
                    "for admin-only export locations."),
    cfg.StrOpt("admin_range", default="10.254.0.100-10.254.0.199",
               help="Admin addresses (first-last)."),
    cfg.StrOpt("network_type", default="vlan", help="Network type reported."),
    cfg.StrOpt("segmentation_ids", default="1010-1099",
               help="Segmentation ids (first-last); subnets without neutron "
                    "ids share the first."),
    cfg.IntOpt("mtu", default=1500, min=68, help="MTU reported."),
]


def register(conf: cfg.ConfigOpts) -> None:
    """Register the options (late registration is fine with oslo.config)."""
    if GROUP not in conf or "ipv4_cidr" not in conf[GROUP]:
        conf.register_opts(network_opts, group=GROUP)


class NetworkError(Exception):
    """The network could not be set up (bad neutron ids...)."""


class NetworkFull(NetworkError):
    """No address left in the segment."""


class SecurityServiceRefused(Exception):
    """The back end cannot use a security service."""


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def neutron_id_valid(value: str | None) -> bool:
    """What the plugin accepts as a neutron id: none, or a UUID."""
    return value is None or _is_uuid(value)


def _range(text: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    first, _, last = text.partition("-")
    start, end = ipaddress.ip_address(first.strip()), ipaddress.ip_address(last.strip())
    return [ipaddress.ip_address(int(start) + i) for i in range(int(end) - int(start) + 1)]


@dataclasses.dataclass(frozen=True)
class SubnetSpec:
    """What the plugin needs of a share network subnet."""

    id: str
    neutron_net_id: str | None
    neutron_subnet_id: str | None


@dataclasses.dataclass(frozen=True)
class Allocated:
    subnet_id: str | None
    label: str
    ip_address: str
    ip_version: int
    cidr: str
    gateway: str | None
    mtu: int
    network_type: str | None
    segmentation_id: int | None

    def row(self, server_id: str) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "share_server_id": server_id,
                "share_network_subnet_id": self.subnet_id,
                **{k: v for k, v in dataclasses.asdict(self).items() if k != "subnet_id"}}


@dataclasses.dataclass(frozen=True)
class SubnetDetails:
    """What the plugin tells about a subnet once a server uses it."""

    network_type: str
    segmentation_id: int
    cidr: str
    ip_version: int
    gateway: str
    mtu: int


class SimulatedNetwork:
    def __init__(self, conf: cfg.ConfigOpts) -> None:
        register(conf)
        opts = conf[GROUP]
        self._opts = opts
        self._v4 = _range(opts.ipv4_range)
        self._v6 = _range(opts.ipv6_range) if opts.ipv6_cidr else []
        self._admin = _range(opts.admin_range)
        first, _, last = opts.segmentation_ids.partition("-")
        self._segments = list(range(int(first), int(last or first) + 1))

    def subnet_details(self, subnet: SubnetSpec,
                       segments_in_use: Mapping[str, int]) -> SubnetDetails:
        """Validate a subnet's neutron ids and say what it is; raise
        NetworkError when a real cloud's Neutron would not know them."""
        for value in (subnet.neutron_net_id, subnet.neutron_subnet_id):
            if not neutron_id_valid(value):
                raise NetworkError(f"no such neutron network or subnet: {value}")
        return SubnetDetails(
            network_type=self._opts.network_type,
            segmentation_id=self._segmentation_id(subnet.neutron_net_id, segments_in_use),
            cidr=self._opts.ipv4_cidr, ip_version=4, gateway=self._opts.ipv4_gateway,
            mtu=self._opts.mtu)

    def _segmentation_id(self, net_id: str | None, in_use: Mapping[str, int]) -> int:
        if net_id is None:
            return self._segments[0]
        if net_id in in_use:
            return in_use[net_id]
        taken = set(in_use.values())
        free = [seg for seg in self._segments[1:] if seg not in taken]
        if not free:
            raise NetworkFull("no segmentation id left")
        return free[0]

    def allocate(self, subnets: Sequence[tuple[SubnetSpec, SubnetDetails]],
                 used: set[str], with_admin: bool = True) -> list[Allocated]:
        """One IPv4 (and IPv6) address per subnet, plus an admin address."""
        found: list[Allocated] = []
        taken = set(used)

        def take(pool: list[Any], subnet_id: str | None, label: str, version: int,
                 cidr: str, gateway: str | None, details: SubnetDetails | None) -> None:
            address = next((str(ip) for ip in pool if str(ip) not in taken), None)
            if address is None:
                raise NetworkFull("no free address in the simulated segment")
            taken.add(address)
            found.append(Allocated(
                subnet_id=subnet_id, label=label, ip_address=address, ip_version=version,
                cidr=cidr, gateway=gateway, mtu=self._opts.mtu,
                network_type=details.network_type if details else None,
                segmentation_id=details.segmentation_id if details else None))

        for subnet, details in subnets:
            take(self._v4, subnet.id, "user", 4, self._opts.ipv4_cidr,
                 self._opts.ipv4_gateway, details)
            if self._v6:
                take(self._v6, subnet.id, "user", 6, self._opts.ipv6_cidr,
                     self._opts.ipv6_gateway or None, details)
        if with_admin:
            take(self._admin, None, "admin", 4, self._opts.admin_cidr, None, None)
        return found


def _refused(service: Mapping[str, Any]) -> bool:
    return any(str(service.get(key) or "").lower().endswith(".invalid")
               for key in ("server", "domain"))


def check_security_services(services: Iterable[Mapping[str, Any]]) -> None:
    for service in services:
        if _refused(service):
            raise SecurityServiceRefused(
                f"the back end cannot reach {service.get('server') or service.get('domain')}")


def security_service_update_supported(new: Mapping[str, Any]) -> bool:
    return not _refused(new)


def backend_details(identifier: str, allocations: Iterable[tuple[str | None, str, str]],
                    services: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The server's details from its (subnet id, label, address)
    allocations, in the shape Manila's dummy driver reports them (so a
    dashboard reads both alike), but never with a password."""
    per_subnet: dict[str | None, list[str]] = {}
    service_ip = ""
    for subnet_id, label, address in allocations:
        if label == "admin":
            service_ip = address
        else:
            per_subnet.setdefault(subnet_id, []).append(address)
    details = {
        "server_id": identifier,
        "service_ip": service_ip,
        "username": "manila-ui",
        "subnet_allocations": json.dumps([
            {"primary_public_ip": ips[0],
             "secondary_public_ip": ips[1] if len(ips) > 1 else None}
            for ips in per_subnet.values()]),
    }
    for service in services:
        shown = {key: service.get(key) for key in (
            "name", "type", "dns_ip", "server", "domain", "user", "ou",
            "default_ad_site")}
        details[f"security_service_{service.get('type')}"] = json.dumps(shown)
    return details


def export_paths(share_id: str, share_proto: str, user_ips: Sequence[str],
                 admin_ips: Sequence[str]) -> list[ExportPath]:
    """A share on a server is exported on the server's addresses: the
    first preferred, the admin one admin-only."""
    paths = [ExportPath(id=str(uuid.uuid4()),
                        path=SimulatedDriver.export_path(ipaddress.ip_address(ip), share_id,
                                                         share_proto),
                        preferred=index == 0)
             for index, ip in enumerate(user_ips)]
    paths += [ExportPath(id=str(uuid.uuid4()),
                         path=SimulatedDriver.export_path(ipaddress.ip_address(ip), share_id,
                                                          share_proto),
                         preferred=False, is_admin_only=True) for ip in admin_ips]
    return paths
