"""What a list request narrows by, one ``<Resource>Filters`` per list.

One pattern for every list: the rest handler builds the filters from the
query string (after its policy and microversion checks), the service passes
them on, and the db module turns them into SQL (or the service applies
them in Python where Manila does so: share networks, security services).
``None`` means "not filtered".
"""

from __future__ import annotations

import dataclasses
import datetime


@dataclasses.dataclass
class ShareFilters:
    project_id: str | None = None         # None: every project (admin)
    include_public: bool = False          # also other projects' public shares
    display_name: str | None = None
    display_name_like: str | None = None
    display_description: str | None = None
    display_description_like: str | None = None
    status: str | None = None
    share_type_id: str | None = None
    snapshot_id: str | None = None
    share_network_id: str | None = None
    share_server_id: str | None = None
    host: str | None = None
    availability_zone: str | None = None
    export_location: str | None = None    # id or path
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)
    extra_specs: dict[str, str] = dataclasses.field(default_factory=dict)
    is_public: bool | None = None
    is_soft_deleted: bool = False         # the recycle bin, or everything else
    share_group_id: str | None = None
    no_match: bool = False                # a filter nothing here can satisfy


@dataclasses.dataclass
class ShareGroupFilters:
    """Manila filters share groups on any of their columns, exactly, and on
    ``name~`` / ``description~`` (2.36) as a substring."""

    project_id: str | None = None          # None: every project (admin)
    exact: dict[str, str] = dataclasses.field(default_factory=dict)
    like: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class ShareGroupSnapshotFilters:
    project_id: str | None = None          # None: every project (admin)
    exact: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class SnapshotFilters:
    project_id: str | None = None          # None: every project (admin)
    display_name: str | None = None
    display_name_like: str | None = None
    display_description: str | None = None
    display_description_like: str | None = None
    status: str | None = None
    share_id: str | None = None
    size: int | None = None
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class RuleFilters:
    """Manila's exact filters of ``GET /share-access-rules`` (2.82)."""

    access_type: str | None = None
    access_to: str | None = None
    access_level: str | None = None
    access_key: str | None = None
    metadata: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class NetworkFilters:
    """Who and what, then attribute filters that Manila applies to the
    network and its subnets (``name~``: a plain, case sensitive substring;
    never a pattern)."""

    project_id: str | None = None          # None: every project (admin)
    security_service_id: str | None = None
    created_since: datetime.datetime | None = None
    created_before: datetime.datetime | None = None
    attributes: dict[str, str] = dataclasses.field(default_factory=dict)
    like: bool = True                      # 2.36: the ``~`` filters


@dataclasses.dataclass
class SecurityServiceFilters:
    project_id: str | None = None          # None: every project
    share_network_id: str | None = None
    attributes: dict[str, str] = dataclasses.field(default_factory=dict)


# Resource locks (2.81): the keys Manila sorts and filters on.
LOCK_SORT_KEYS = ("id", "user_id", "project_id", "lock_context", "resource_type",
                  "resource_id", "resource_action", "lock_reason", "created_at",
                  "updated_at")
LOCK_FILTER_KEYS = ("id", "user_id", "project_id", "resource_id", "resource_type",
                    "lock_context", "resource_action", "lock_reason")


@dataclasses.dataclass
class LockFilters:
    exact: dict[str, str] = dataclasses.field(default_factory=dict)  # LOCK_FILTER_KEYS
    lock_reason_like: str | None = None
    created_since: datetime.datetime | None = None
    created_before: datetime.datetime | None = None


@dataclasses.dataclass
class BackupFilters:
    """Manila's share backup filters: exact, or ``~`` substrings."""

    project_id: str | None = None          # None: every project (admin)
    share_id: str | None = None
    status: str | None = None
    host: str | None = None
    topic: str | None = None
    display_name: str | None = None
    display_name_like: str | None = None
    display_description: str | None = None
    display_description_like: str | None = None


@dataclasses.dataclass
class QosTypeFilters:
    name: str | None = None
    name_like: str | None = None
    description: str | None = None
    description_like: str | None = None


@dataclasses.dataclass
class ShareInstanceFilters:
    """Manila's filters of ``GET /share_instances`` (admins)."""

    export_location_id: str | None = None
    export_location_path: str | None = None
    is_soft_deleted: bool = False
    host: str | None = None
    status: str | None = None
    share_server_id: str | None = None
