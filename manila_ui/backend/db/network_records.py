"""Plain records of share networks, subnets, security services and share
servers (frozen dataclasses, like ``db.records``)."""

from __future__ import annotations

import dataclasses
import datetime


@dataclasses.dataclass(frozen=True)
class Subnet:
    id: str
    share_network_id: str
    share_network_name: str | None
    availability_zone: str | None
    neutron_net_id: str | None
    neutron_subnet_id: str | None
    network_type: str | None
    segmentation_id: int | None
    cidr: str | None
    ip_version: int | None
    gateway: str | None
    mtu: int | None
    metadata: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None

    @property
    def is_default(self) -> bool:
        return self.availability_zone is None


@dataclasses.dataclass(frozen=True)
class ServerSummary:
    """What a network needs to know of its servers."""

    id: str
    status: str
    host: str
    is_auto_deletable: bool
    security_service_update_support: bool
    network_allocation_update_support: bool
    subnet_ids: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class ShareNetwork:
    id: str
    project_id: str
    user_id: str
    name: str | None
    description: str | None
    status: str
    subnets: tuple[Subnet, ...]
    security_service_ids: tuple[str, ...]
    servers: tuple[ServerSummary, ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None

    @property
    def security_service_update_support(self) -> bool:
        # Manila: every server must support it (true without servers).
        return all(s.security_service_update_support for s in self.servers)

    @property
    def network_allocation_update_support(self) -> bool:
        return all(s.network_allocation_update_support for s in self.servers)

    @property
    def default_subnets(self) -> list[Subnet]:
        return [subnet for subnet in self.subnets if subnet.is_default]

    def subnets_in(self, zone: str | None, fallback: bool = True) -> list[Subnet]:
        """Manila's subnets of a zone: the zone's own, else (``fallback``)
        the default ones."""
        found = [subnet for subnet in self.subnets if subnet.availability_zone == zone]
        if zone is not None and not found and fallback:
            return self.default_subnets
        return found

    def servers_of(self, subnet_id: str) -> list[ServerSummary]:
        return [server for server in self.servers if subnet_id in server.subnet_ids]


@dataclasses.dataclass(frozen=True)
class SecurityService:
    id: str
    project_id: str
    type: str
    name: str | None
    description: str | None
    dns_ip: str | None
    server: str | None
    domain: str | None
    user: str | None
    password: str | None
    ou: str | None
    default_ad_site: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class Allocation:
    id: str
    share_server_id: str
    share_network_subnet_id: str | None
    label: str
    ip_address: str
    ip_version: int
    cidr: str | None
    gateway: str | None
    mtu: int | None
    network_type: str | None
    segmentation_id: int | None


@dataclasses.dataclass(frozen=True)
class ShareServer:
    id: str
    share_network_id: str
    share_network_name: str | None
    project_id: str | None          # the network's project
    host: str
    status: str
    identifier: str | None
    is_auto_deletable: bool
    task_state: str | None
    source_share_server_id: str | None
    security_service_update_support: bool
    network_allocation_update_support: bool
    backend_details: dict[str, str]
    subnet_ids: tuple[str, ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
