"""Plain records of every resource: frozen dataclasses that the db package
returns, detached from any session, safe to hand to other threads and to
every layer (services compute on them, rest's views render them)."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Generic
from typing import TypeVar

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class AvailabilityZone:
    id: str
    name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class ShareType:
    id: str
    name: str
    description: str | None
    is_public: bool
    extra_specs: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class Share:
    id: str
    project_id: str
    user_id: str
    display_name: str | None
    display_description: str | None
    size: int
    share_proto: str
    status: str
    task_state: str | None
    access_rules_status: str
    progress: str | None
    is_public: bool
    share_type_id: str | None
    share_type_name: str | None
    availability_zone: str | None
    host: str | None
    snapshot_id: str | None
    share_network_id: str | None
    share_server_id: str | None
    snapshot_support: bool | None
    create_share_from_snapshot_support: bool | None
    revert_to_snapshot_support: bool | None
    mount_snapshot_support: bool | None
    snapshot_inherit_share_access_support: bool | None
    replication_type: str | None
    metadata: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    launched_at: datetime.datetime | None
    is_soft_deleted: bool = False
    scheduled_to_be_deleted_at: datetime.datetime | None = None
    pending_size: int | None = None     # what a running extend/revert gives
    share_group_id: str | None = None
    source_share_group_snapshot_member_id: str | None = None
    source_backup_id: str | None = None  # the backup last restored into it (2.80)
    qos_type_id: str | None = None       # its type's default_qos_type (2.94)
    has_replicas: bool = False          # more than the active replica (2.11)


@dataclasses.dataclass(frozen=True)
class ExportLocation:
    id: str
    share_id: str
    path: str
    is_admin_only: bool
    preferred: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)
    share_instance_id: str | None = None


@dataclasses.dataclass(frozen=True)
class Snapshot:
    id: str
    project_id: str
    user_id: str
    share_id: str
    display_name: str | None
    display_description: str | None
    size: int | None
    share_size: int
    share_proto: str
    status: str
    progress: str | None
    provider_location: str | None
    metadata: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class SnapshotExportLocation:
    id: str
    snapshot_id: str
    path: str
    is_admin_only: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class SnapshotAccessRule:
    id: str
    snapshot_id: str
    access_type: str
    access_to: str
    state: str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class Transfer:
    id: str
    resource_type: str
    resource_id: str
    display_name: str | None
    salt: str
    crypt_hash: str
    source_project_id: str
    destination_project_id: str | None
    accepted: bool
    expires_at: datetime.datetime
    created_at: datetime.datetime


@dataclasses.dataclass(frozen=True)
class Message:
    id: str
    project_id: str
    request_id: str | None
    resource_type: str
    resource_id: str | None
    action_id: str
    detail_id: str
    message_level: str
    created_at: datetime.datetime
    expires_at: datetime.datetime


@dataclasses.dataclass(frozen=True)
class AccessRule:
    id: str
    share_id: str
    access_type: str
    access_to: str
    access_level: str
    state: str
    access_key: str | None
    metadata: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class ResourceLock:
    id: str
    user_id: str
    project_id: str
    lock_context: str
    resource_type: str
    resource_id: str
    resource_action: str
    lock_reason: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class Operation:
    id: int
    kind: str
    resource_id: str
    payload: str
    request_id: str | None
    run_after: float
    attempts: int


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list query; ``count`` only when it was asked for."""

    items: list[T]
    count: int | None


# -- share networks, subnets, security services, share servers --------------

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


# -- share groups (GA 2.55) ------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ShareGroupType:
    id: str
    name: str
    is_public: bool
    group_specs: dict[str, str]
    share_type_ids: tuple[str, ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class ShareGroup:
    id: str
    project_id: str
    user_id: str
    name: str | None
    description: str | None
    status: str
    host: str | None
    share_group_type_id: str | None
    share_network_id: str | None
    share_server_id: str | None
    availability_zone_id: str | None
    availability_zone: str | None       # the zone's name
    source_share_group_snapshot_id: str | None
    consistent_snapshot_support: str | None
    share_type_ids: tuple[str, ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class ShareGroupSnapshotMember:
    """One share's part of a group snapshot (Manila: a snapshot instance)."""

    id: str
    share_group_snapshot_id: str
    share_id: str
    project_id: str
    user_id: str
    size: int
    share_proto: str
    status: str
    provider_location: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


# -- share and snapshot instances, replicas, migrations ----------------------

@dataclasses.dataclass(frozen=True)
class ShareInstance:
    """One instance of a share: its primary (what the share shows), a
    replica, or a migration's destination; with the share's owner and
    recycle-bin flag, which decide who sees it."""

    id: str
    share_id: str
    is_primary: bool
    status: str
    host: str | None
    availability_zone: str | None
    share_network_id: str | None
    share_server_id: str | None
    share_type_id: str | None
    access_rules_status: str
    replica_state: str | None
    cast_rules_to_readonly: bool
    progress: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    project_id: str
    user_id: str
    share_is_soft_deleted: bool
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class SnapshotInstance:
    id: str
    snapshot_id: str
    share_id: str
    share_instance_id: str
    status: str
    progress: str | None
    provider_location: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class ShareGroupSnapshot:
    id: str
    project_id: str
    user_id: str
    share_group_id: str
    name: str | None
    description: str | None
    status: str
    members: tuple[ShareGroupSnapshotMember, ...]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


# -- share backups (2.80), QoS types (2.94) --------------------------------------

@dataclasses.dataclass(frozen=True)
class ShareBackup:
    id: str
    project_id: str
    user_id: str
    share_id: str
    display_name: str | None
    display_description: str | None
    size: int
    status: str
    progress: str | None
    restore_progress: str | None
    availability_zone: str | None
    host: str | None
    topic: str | None
    backup_type: str | None
    # What the simulated back end copied: the share's content marker.
    content: str | None
    fail_reason: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime | None


@dataclasses.dataclass(frozen=True)
class QosType:
    id: str
    name: str
    description: str | None
    specs: dict[str, str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
@dataclasses.dataclass(frozen=True)
class Service:
    """A service as Manila lists it (``state`` is computed from the
    heartbeat when it is read)."""
    id: int
    host: str
    binary: str
    topic: str
    zone: str
    disabled: bool
    disabled_reason: str | None
    ensuring: bool
    state: str
    updated_at: datetime.datetime | None

    @property
    def status(self) -> str:
        return "disabled" if self.disabled else "enabled"


@dataclasses.dataclass(frozen=True)
class ShareMigration:
    share_id: str
    dest_host: str
    dest_instance_id: str | None
    host_assisted: bool
    writable: bool
    preserve_metadata: bool
    nondisruptive: bool
    preserve_snapshots: bool
    new_share_type_id: str | None
    new_share_network_id: str | None
    total_progress: int
    created_at: datetime.datetime
