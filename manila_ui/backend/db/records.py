"""Plain records the db package returns: frozen dataclasses, detached from
any session, safe to hand to other threads and layers."""

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
