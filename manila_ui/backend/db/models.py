"""SQLAlchemy 2 models.  They never leave the ``db`` package: the query
modules convert rows to the plain records of ``types.records``.

Rows are deleted for real (Manila soft-deletes; nobody reads the ghosts
here).  Timestamps are naive UTC, as Manila stores them.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any
from typing import TypeVar

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column

# Stable constraint names, so alembic batch migrations on SQLite can refer
# to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamps:
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime, onupdate=utcnow)


_Row = TypeVar("_Row", bound=Timestamps)


def update_row(s: Session, model: type[_Row], row_id: str,
               values: Mapping[str, Any]) -> _Row | None:
    """Set ``values`` on the row (None when there is none) and flush.
    ``updated_at`` is stamped here, not left to ``onupdate``, so that it
    moves even when no value changes."""
    row = s.get(model, row_id)
    if row is None:
        return None
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = utcnow()
    s.flush()
    return row


class AvailabilityZone(Timestamps, Base):
    __tablename__ = "availability_zones"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class ShareType(Timestamps, Base):
    __tablename__ = "share_types"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    description: Mapped[str | None] = mapped_column(String(255))
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)


class ShareTypeExtraSpec(Base):
    __tablename__ = "share_type_extra_specs"
    __table_args__ = (UniqueConstraint("share_type_id", "spec_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_type_id: Mapped[str] = mapped_column(
        ForeignKey("share_types.id", ondelete="CASCADE"), index=True)
    spec_key: Mapped[str] = mapped_column(String(255))
    spec_value: Mapped[str] = mapped_column(String(1023))


class ShareTypeProject(Base):
    """A project that may use a private share type (Manila's
    ``share_type_projects``)."""
    __tablename__ = "share_type_projects"
    __table_args__ = (UniqueConstraint("share_type_id", "project_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_type_id: Mapped[str] = mapped_column(
        ForeignKey("share_types.id", ondelete="CASCADE"))
    project_id: Mapped[str] = mapped_column(String(255), index=True)


class Share(Timestamps, Base):
    __tablename__ = "shares"
    __table_args__ = (
        # The list queries: one project's shares newest first, and the
        # filters the dashboard uses.
        Index("ix_shares_project_created", "project_id", "created_at", "id"),
        Index("ix_shares_project_name", "project_id", "display_name"),
        Index("ix_shares_project_status", "project_id", "status"),
        Index("ix_shares_created", "created_at", "id"),
        Index("ix_shares_host", "host"),
        Index("ix_shares_share_type_id", "share_type_id"),
        # Quota counting reads only this index (services/quotas.py).
        Index("ix_shares_quota", "project_id", "share_type_id", "user_id",
              "status", "size", "pending_size", "replication_type"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str | None] = mapped_column(String(255))
    display_description: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    share_proto: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(255))
    task_state: Mapped[str | None] = mapped_column(String(255))
    access_rules_status: Mapped[str] = mapped_column(String(255), default="active")
    progress: Mapped[str | None] = mapped_column(String(32))
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    share_type_id: Mapped[str | None] = mapped_column(
        ForeignKey("share_types.id"))
    availability_zone: Mapped[str | None] = mapped_column(String(255))
    host: Mapped[str | None] = mapped_column(String(255))
    snapshot_id: Mapped[str | None] = mapped_column(String(36))
    share_network_id: Mapped[str | None] = mapped_column(String(36))
    share_server_id: Mapped[str | None] = mapped_column(String(36))
    snapshot_support: Mapped[bool | None] = mapped_column(Boolean)
    create_share_from_snapshot_support: Mapped[bool | None] = mapped_column(Boolean)
    revert_to_snapshot_support: Mapped[bool | None] = mapped_column(Boolean)
    mount_snapshot_support: Mapped[bool | None] = mapped_column(Boolean)
    snapshot_inherit_share_access_support: Mapped[bool | None] = mapped_column(Boolean)
    replication_type: Mapped[str | None] = mapped_column(String(255))
    launched_at: Mapped[datetime.datetime | None] = mapped_column(DateTime)
    # The recycle bin (2.69): a soft-deleted share keeps its status.
    is_soft_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    scheduled_to_be_deleted_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime)
    # The size a running extend (or revert to a larger snapshot) gives the
    # share: quotas count it while the share is extending/reverting.
    pending_size: Mapped[int | None] = mapped_column(Integer)
    # Share groups (2.31): the group a share belongs to, and the group
    # snapshot member it was made from.  No foreign keys: the services keep
    # them consistent (a group with shares cannot go).
    share_group_id: Mapped[str | None] = mapped_column(String(36), index=True)
    source_share_group_snapshot_member_id: Mapped[str | None] = mapped_column(
        String(36))
    # The backup last restored into the share (2.80), and the QoS type its
    # share type named when it was created (2.94; Manila keeps it on the
    # share instance and shows it nowhere).
    source_backup_id: Mapped[str | None] = mapped_column(String(36))
    qos_type_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # More replicas than the active one (services/share_replicas.py keeps it).
    has_replicas: Mapped[bool] = mapped_column(Boolean, default=False,
                                               server_default="0")


class ShareMetadata(Base):
    __tablename__ = "share_metadata"
    __table_args__ = (UniqueConstraint("share_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_id: Mapped[str] = mapped_column(
        ForeignKey("shares.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class ExportLocation(Timestamps, Base):
    __tablename__ = "export_locations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_id: Mapped[str] = mapped_column(
        ForeignKey("shares.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(2000))
    is_admin_only: Mapped[bool] = mapped_column(Boolean, default=False)
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    # The instance exporting it (db/share_instances.py): the share's primary
    # one, a replica, or a migration's destination.
    share_instance_id: Mapped[str | None] = mapped_column(String(36), index=True)


class Snapshot(Timestamps, Base):
    __tablename__ = "share_snapshots"
    __table_args__ = (
        Index("ix_share_snapshots_project_created", "project_id", "created_at", "id"),
        Index("ix_share_snapshots_share_created", "share_id", "created_at"),
        Index("ix_share_snapshots_quota", "project_id", "user_id", "status",
              "size", "share_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    # No foreign key: a share with snapshots cannot be deleted (the service
    # says so with Manila's message), and the row must outlive nothing.
    share_id: Mapped[str] = mapped_column(String(36))
    display_name: Mapped[str | None] = mapped_column(String(255))
    display_description: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int | None] = mapped_column(Integer)
    share_size: Mapped[int] = mapped_column(Integer)
    share_proto: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(255))
    progress: Mapped[str | None] = mapped_column(String(32))
    provider_location: Mapped[str | None] = mapped_column(String(255))


class SnapshotMetadata(Base):
    __tablename__ = "share_snapshot_metadata"
    __table_args__ = (UniqueConstraint("snapshot_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("share_snapshots.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class SnapshotExportLocation(Timestamps, Base):
    """Where a mountable snapshot is exported (2.32); one instance per
    snapshot here, so the snapshot id stands for its instance's."""

    __tablename__ = "share_snapshot_export_locations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("share_snapshots.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(String(2000))
    is_admin_only: Mapped[bool] = mapped_column(Boolean, default=False)


class SnapshotAccessRule(Timestamps, Base):
    """An access rule of a mountable snapshot (2.32): no level (a snapshot
    is read-only), no metadata, no locks; its state lives on the rule, as
    for share rules."""

    __tablename__ = "share_snapshot_access_rules"
    __table_args__ = (
        Index("ix_share_snapshot_access_rules_snapshot", "snapshot_id", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("share_snapshots.id", ondelete="CASCADE"))
    access_type: Mapped[str] = mapped_column(String(255))
    access_to: Mapped[str] = mapped_column(String(255))
    state: Mapped[str] = mapped_column(String(32))


class Transfer(Base):
    """A share offered to another project (2.77); the row goes once it is
    accepted, deleted or expired."""

    __tablename__ = "share_transfers"
    __table_args__ = (Index("ix_share_transfers_source", "source_project_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    resource_type: Mapped[str] = mapped_column(String(255), default="share")
    resource_id: Mapped[str] = mapped_column(String(36), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(255))
    salt: Mapped[str] = mapped_column(String(255))
    crypt_hash: Mapped[str] = mapped_column(String(255))
    source_project_id: Mapped[str] = mapped_column(String(255))
    destination_project_id: Mapped[str | None] = mapped_column(String(255))
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime | None] = mapped_column(
        DateTime, onupdate=utcnow)


class ExportLocationMetadata(Base):
    """Export location metadata (2.87)."""

    __tablename__ = "export_location_metadata"
    __table_args__ = (UniqueConstraint("export_location_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    export_location_id: Mapped[str] = mapped_column(
        ForeignKey("export_locations.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class ShareAccessRule(Timestamps, Base):
    """An access rule (Manila's access mapping; with one instance per share
    here, the instance's rule state lives on the rule itself)."""

    __tablename__ = "share_access_rules"
    __table_args__ = (
        Index("ix_share_access_rules_share_created", "share_id", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_id: Mapped[str] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"))
    access_type: Mapped[str] = mapped_column(String(255))
    access_to: Mapped[str] = mapped_column(String(255))
    access_level: Mapped[str] = mapped_column(String(2))
    state: Mapped[str] = mapped_column(String(32))
    access_key: Mapped[str | None] = mapped_column(String(255))


class ShareAccessRuleMetadata(Base):
    __tablename__ = "share_access_rule_metadata"
    __table_args__ = (UniqueConstraint("access_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    access_id: Mapped[str] = mapped_column(
        ForeignKey("share_access_rules.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class ResourceLock(Timestamps, Base):
    """A lock on deleting a share or an access rule, or on showing a rule's
    ``access_to`` (2.81/2.82).  No foreign key: locks outlive nothing, and
    the service removes a rule's locks with the rule."""

    __tablename__ = "resource_locks"
    __table_args__ = (
        Index("ix_resource_locks_resource", "resource_id", "resource_action"),
        Index("ix_resource_locks_project_created", "project_id", "created_at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(255))
    project_id: Mapped[str] = mapped_column(String(255))
    lock_context: Mapped[str] = mapped_column(String(10))
    resource_type: Mapped[str] = mapped_column(String(255))
    resource_id: Mapped[str] = mapped_column(String(36))
    resource_action: Mapped[str] = mapped_column(String(255))
    lock_reason: Mapped[str | None] = mapped_column(String(1023))


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        Index("ix_messages_project_created", "project_id", "created_at"),
        Index("ix_messages_resource", "resource_type", "resource_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    request_id: Mapped[str | None] = mapped_column(String(255))
    resource_type: Mapped[str] = mapped_column(String(255))
    resource_id: Mapped[str | None] = mapped_column(String(36))
    action_id: Mapped[str] = mapped_column(String(10))
    detail_id: Mapped[str] = mapped_column(String(10))
    message_level: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime)


class QuotaLimit(Timestamps, Base):
    """A limit set for a project, or for one user or one share type of it
    ('' in the other column: unique constraints need no NULLs)."""

    __tablename__ = "quotas"
    __table_args__ = (UniqueConstraint("project_id", "user_id", "share_type_id",
                                       "resource", name="uq_quotas_scope_resource"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255), default="", server_default="")
    share_type_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    resource: Mapped[str] = mapped_column(String(255))
    hard_limit: Mapped[int] = mapped_column(Integer)


class QuotaClass(Timestamps, Base):
    """A quota class's limit; class ``default`` overrides the ``[quota]``
    options for every project."""

    __tablename__ = "quota_classes"
    __table_args__ = (UniqueConstraint("class_name", "resource",
                                       name="uq_quota_classes_class_resource"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    class_name: Mapped[str] = mapped_column(String(255))
    resource: Mapped[str] = mapped_column(String(255))
    hard_limit: Mapped[int] = mapped_column(Integer)


class ProjectLock(Base):
    """One row per project, locked (SELECT ... FOR UPDATE) by a transaction
    that counts the project's usage before adding to it, so concurrent
    creates on a server database are serialised per project.  SQLite needs
    none: its write transactions are exclusive already."""

    __tablename__ = "project_locks"
    project_id: Mapped[str] = mapped_column(String(255), primary_key=True)


class Operation(Base):
    """The durable queue of asynchronous work (see services/operations.py).

    ``run_after`` is a unix time: the step becomes due then, which is how
    ``transition_delay`` survives a restart.  A worker claims a row by
    setting ``lease_owner``/``lease_until`` with a conditional UPDATE.
    """

    __tablename__ = "operations"
    __table_args__ = (Index("ix_operations_due", "run_after", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(64))
    resource_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    request_id: Mapped[str | None] = mapped_column(String(255))
    run_after: Mapped[float] = mapped_column(Float)
    lease_owner: Mapped[str | None] = mapped_column(String(255))
    lease_until: Mapped[float | None] = mapped_column(Float)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


# -- share networks, their subnets, security services, share servers (DHSS=True)
#
# The neutron ids of a subnet are opaque strings, as in Manila: its API
# stores whatever it is given, and the network plugin judges them when a
# share server is set up (see driver/network.py).


class ShareNetwork(Timestamps, Base):
    __tablename__ = "share_networks"
    __table_args__ = (Index("ix_share_networks_project_created", "project_id",
                            "created_at", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(255))
    # active | error | network_change (2.63)
    status: Mapped[str] = mapped_column(String(32), default="active")


class ShareNetworkSubnet(Timestamps, Base):
    __tablename__ = "share_network_subnets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_network_id: Mapped[str] = mapped_column(
        ForeignKey("share_networks.id", ondelete="CASCADE"), index=True)
    # The zone's name; None is the default subnet, serving every zone.
    availability_zone: Mapped[str | None] = mapped_column(String(255))
    neutron_net_id: Mapped[str | None] = mapped_column(String(255))
    neutron_subnet_id: Mapped[str | None] = mapped_column(String(255))
    # Filled by the network plugin when the first share server is set up.
    network_type: Mapped[str | None] = mapped_column(String(32))
    segmentation_id: Mapped[int | None] = mapped_column(Integer)
    cidr: Mapped[str | None] = mapped_column(String(64))
    ip_version: Mapped[int | None] = mapped_column(Integer)
    gateway: Mapped[str | None] = mapped_column(String(64))
    mtu: Mapped[int | None] = mapped_column(Integer)


class ShareNetworkSubnetMetadata(Base):
    """Subnet metadata (2.78)."""

    __tablename__ = "share_network_subnet_metadata"
    __table_args__ = (UniqueConstraint("share_network_subnet_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_network_subnet_id: Mapped[str] = mapped_column(
        ForeignKey("share_network_subnets.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class SecurityService(Timestamps, Base):
    __tablename__ = "security_services"
    __table_args__ = (Index("ix_security_services_project", "project_id",
                            "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(255))
    dns_ip: Mapped[str | None] = mapped_column(String(64))
    server: Mapped[str | None] = mapped_column(String(255))
    domain: Mapped[str | None] = mapped_column(String(255))
    user: Mapped[str | None] = mapped_column(String(255))
    password: Mapped[str | None] = mapped_column(String(255))
    ou: Mapped[str | None] = mapped_column(String(255))
    default_ad_site: Mapped[str | None] = mapped_column(String(255))


class ShareNetworkSecurityService(Base):
    __tablename__ = "share_network_security_services"
    share_network_id: Mapped[str] = mapped_column(
        ForeignKey("share_networks.id", ondelete="CASCADE"), primary_key=True)
    security_service_id: Mapped[str] = mapped_column(
        ForeignKey("security_services.id", ondelete="CASCADE"), primary_key=True,
        index=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class ShareServer(Timestamps, Base):
    __tablename__ = "share_servers"
    __table_args__ = (Index("ix_share_servers_network", "share_network_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # No foreign key: deleting a network hands its servers to the worker,
    # which tears them down after the network row is gone (as in Manila).
    share_network_id: Mapped[str] = mapped_column(String(36))
    host: Mapped[str] = mapped_column(String(255))          # host@backend
    status: Mapped[str] = mapped_column(String(32))
    identifier: Mapped[str | None] = mapped_column(String(255))
    is_auto_deletable: Mapped[bool] = mapped_column(Boolean, default=True)
    task_state: Mapped[str | None] = mapped_column(String(255))
    source_share_server_id: Mapped[str | None] = mapped_column(String(36))
    security_service_update_support: Mapped[bool] = mapped_column(
        Boolean, default=False)
    network_allocation_update_support: Mapped[bool] = mapped_column(
        Boolean, default=False)
    # The driver's JSON object of strings (``/share-servers/{id}/details``).
    backend_details: Mapped[str] = mapped_column(Text, default="{}")


class ShareServerSubnet(Base):
    """The subnets a server has addresses on (several from 2.70)."""

    __tablename__ = "share_server_subnets"
    share_server_id: Mapped[str] = mapped_column(
        ForeignKey("share_servers.id", ondelete="CASCADE"), primary_key=True)
    share_network_subnet_id: Mapped[str] = mapped_column(String(36), primary_key=True,
                                                         index=True)


class NetworkAllocation(Base):
    """An address the network plugin gave a share server."""

    __tablename__ = "network_allocations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_server_id: Mapped[str] = mapped_column(
        ForeignKey("share_servers.id", ondelete="CASCADE"), index=True)
    share_network_subnet_id: Mapped[str | None] = mapped_column(String(36))
    label: Mapped[str] = mapped_column(String(32))          # user | admin
    ip_address: Mapped[str] = mapped_column(String(64))
    ip_version: Mapped[int] = mapped_column(Integer)
    cidr: Mapped[str | None] = mapped_column(String(64))
    gateway: Mapped[str | None] = mapped_column(String(64))
    mtu: Mapped[int | None] = mapped_column(Integer)
    network_type: Mapped[str | None] = mapped_column(String(32))
    segmentation_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)


class ShareNetworkCheck(Base):
    """The state of an asynchronous "check" (2.63 security service updates,
    2.70 subnet creation): per back-end host, None (pending), True or
    False, as JSON, keyed like Manila's async operation data."""

    __tablename__ = "share_network_checks"
    share_network_id: Mapped[str] = mapped_column(
        ForeignKey("share_networks.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# -- share groups (GA 2.55) ------------------------------------------------------


class ShareGroupType(Timestamps, Base):
    __tablename__ = "share_group_types"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)


class ShareGroupTypeSpec(Base):
    __tablename__ = "share_group_type_specs"
    __table_args__ = (UniqueConstraint("share_group_type_id", "spec_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_group_type_id: Mapped[str] = mapped_column(
        ForeignKey("share_group_types.id", ondelete="CASCADE"), index=True)
    spec_key: Mapped[str] = mapped_column(String(255))
    spec_value: Mapped[str] = mapped_column(String(255))


class ShareGroupTypeShareType(Base):
    """The share types a group type supports, in the order given."""

    __tablename__ = "share_group_type_share_types"
    __table_args__ = (UniqueConstraint("share_group_type_id", "share_type_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_group_type_id: Mapped[str] = mapped_column(
        ForeignKey("share_group_types.id", ondelete="CASCADE"))
    share_type_id: Mapped[str] = mapped_column(String(36), index=True)


class ShareGroupTypeProject(Base):
    """A project that may use a private share group type."""

    __tablename__ = "share_group_type_projects"
    __table_args__ = (UniqueConstraint("share_group_type_id", "project_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_group_type_id: Mapped[str] = mapped_column(
        ForeignKey("share_group_types.id", ondelete="CASCADE"))
    project_id: Mapped[str] = mapped_column(String(255), index=True)


class ShareGroup(Timestamps, Base):
    __tablename__ = "share_groups"
    __table_args__ = (
        Index("ix_share_groups_project_created", "project_id", "created_at", "id"),
        Index("ix_share_groups_created", "created_at", "id"),
        # Quota counting reads only this index (services/quotas.py).
        Index("ix_share_groups_quota", "project_id", "user_id"),
        Index("ix_share_groups_type", "share_group_type_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(255))
    host: Mapped[str | None] = mapped_column(String(255))
    share_group_type_id: Mapped[str | None] = mapped_column(String(36))
    share_network_id: Mapped[str | None] = mapped_column(String(36))
    share_server_id: Mapped[str | None] = mapped_column(String(36))
    availability_zone_id: Mapped[str | None] = mapped_column(String(36))
    source_share_group_snapshot_id: Mapped[str | None] = mapped_column(String(36))
    consistent_snapshot_support: Mapped[str | None] = mapped_column(String(32))


class ShareGroupShareType(Base):
    """The share types a group's shares may have."""

    __tablename__ = "share_group_share_types"
    __table_args__ = (UniqueConstraint("share_group_id", "share_type_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_group_id: Mapped[str] = mapped_column(
        ForeignKey("share_groups.id", ondelete="CASCADE"))
    share_type_id: Mapped[str] = mapped_column(String(36), index=True)


class ShareGroupSnapshot(Timestamps, Base):
    __tablename__ = "share_group_snapshots"
    __table_args__ = (
        Index("ix_share_group_snapshots_project_created", "project_id", "created_at",
              "id"),
        Index("ix_share_group_snapshots_created", "created_at", "id"),
        Index("ix_share_group_snapshots_group", "share_group_id"),
        Index("ix_share_group_snapshots_quota", "project_id", "user_id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    share_group_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str | None] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(255))


class ShareGroupSnapshotMember(Timestamps, Base):
    __tablename__ = "share_group_snapshot_members"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_group_snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("share_group_snapshots.id", ondelete="CASCADE"), index=True)
    # No foreign key: a share with members cannot be deleted (the service
    # refuses with Manila's words).
    share_id: Mapped[str] = mapped_column(String(36), index=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    share_proto: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(255))
    provider_location: Mapped[str | None] = mapped_column(String(255))
class ShareBackup(Timestamps, Base):
    """A share backup (2.80): a copy the back end keeps apart from the share;
    it outlives nothing but is independent of the share's row."""

    __tablename__ = "share_backups"
    __table_args__ = (
        Index("ix_share_backups_project_created", "project_id", "created_at", "id"),
        Index("ix_share_backups_share_id", "share_id"),
        # Quota counting reads only this index (services/quotas.py).
        Index("ix_share_backups_quota", "project_id", "user_id", "size"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project_id: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[str] = mapped_column(String(255))
    share_id: Mapped[str] = mapped_column(String(36))
    display_name: Mapped[str | None] = mapped_column(String(255))
    display_description: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(255))
    progress: Mapped[str | None] = mapped_column(String(32))
    restore_progress: Mapped[str | None] = mapped_column(String(32))
    availability_zone: Mapped[str | None] = mapped_column(String(255))
    host: Mapped[str | None] = mapped_column(String(255))
    topic: Mapped[str | None] = mapped_column(String(255))
    backup_type: Mapped[str | None] = mapped_column(String(32))
    content: Mapped[str | None] = mapped_column(String(1023))
    fail_reason: Mapped[str | None] = mapped_column(String(1023))


class QosType(Timestamps, Base):
    """A QoS type (2.94): a named set of specs share types refer to."""

    __tablename__ = "qos_types"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    description: Mapped[str | None] = mapped_column(String(255))


class QosTypeSpec(Base):
    __tablename__ = "qos_type_specs"
    __table_args__ = (UniqueConstraint("qos_type_id", "spec_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    qos_type_id: Mapped[str] = mapped_column(
        ForeignKey("qos_types.id", ondelete="CASCADE"), index=True)
    spec_key: Mapped[str] = mapped_column(String(255))
    spec_value: Mapped[str] = mapped_column(String(1023))
class Service(Base):
    """A service of the backend as Manila lists it: the scheduler and one
    share service per back end (``host@backend``), with its heartbeat."""

    __tablename__ = "services"
    __table_args__ = (UniqueConstraint("host", "binary"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    host: Mapped[str] = mapped_column(String(255))
    binary: Mapped[str] = mapped_column(String(255))
    topic: Mapped[str] = mapped_column(String(255))
    availability_zone: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled_reason: Mapped[str | None] = mapped_column(String(255))
    ensuring: Mapped[bool] = mapped_column(Boolean, default=False)
    report_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime.datetime | None] = mapped_column(DateTime)


# -- share instances (replicas, migrations) and snapshot instances
#
# Every share has one primary instance row; the primary's status, host,
# zone, network, server and access state live on the share row (what the
# rest of the backend reads and writes), so its instance row holds only
# what is the instance's own (replica state, read-only cast, metadata).
# Replicas and migration destinations hold all of theirs.


class ShareInstance(Timestamps, Base):
    __tablename__ = "share_instances"
    __table_args__ = (
        Index("ix_share_instances_share", "share_id", "is_primary"),
        Index("ix_share_instances_host", "host"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_id: Mapped[str] = mapped_column(ForeignKey("shares.id", ondelete="CASCADE"))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    # active | in_sync | out_of_sync | error; None: not a replica.
    replica_state: Mapped[str | None] = mapped_column(String(255))
    cast_rules_to_readonly: Mapped[bool] = mapped_column(Boolean, default=False)
    # The primary's own status only while a promotion shows the share as
    # ``replication_change``; None otherwise (the share row's).
    status: Mapped[str | None] = mapped_column(String(255))
    host: Mapped[str | None] = mapped_column(String(255))
    availability_zone: Mapped[str | None] = mapped_column(String(255))
    share_network_id: Mapped[str | None] = mapped_column(String(36))
    share_server_id: Mapped[str | None] = mapped_column(String(36))
    share_type_id: Mapped[str | None] = mapped_column(String(36))
    access_rules_status: Mapped[str | None] = mapped_column(String(255))
    progress: Mapped[str | None] = mapped_column(String(32))
    launched_at: Mapped[datetime.datetime | None] = mapped_column(DateTime)


class ShareInstanceMetadata(Base):
    """Replica metadata (2.95)."""

    __tablename__ = "share_instance_metadata"
    __table_args__ = (UniqueConstraint("share_instance_id", "meta_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    share_instance_id: Mapped[str] = mapped_column(
        ForeignKey("share_instances.id", ondelete="CASCADE"), index=True)
    meta_key: Mapped[str] = mapped_column(String(255))
    meta_value: Mapped[str] = mapped_column(String(1023))


class SnapshotInstance(Timestamps, Base):
    """A snapshot on one share instance: the snapshot's own on the primary,
    one more on each replica.  ``status`` None: the snapshot's."""

    __tablename__ = "share_snapshot_instances"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    snapshot_id: Mapped[str] = mapped_column(
        ForeignKey("share_snapshots.id", ondelete="CASCADE"), index=True)
    share_instance_id: Mapped[str] = mapped_column(String(36), index=True)
    status: Mapped[str | None] = mapped_column(String(255))
    progress: Mapped[str | None] = mapped_column(String(32))


class ShareMigration(Base):
    """A share's running migration (services/share_migration.py): what was
    asked and how far the copy is; the row goes when the migration ends."""

    __tablename__ = "share_migrations"
    share_id: Mapped[str] = mapped_column(
        ForeignKey("shares.id", ondelete="CASCADE"), primary_key=True)
    dest_host: Mapped[str] = mapped_column(String(255))
    dest_instance_id: Mapped[str | None] = mapped_column(String(36))
    host_assisted: Mapped[bool] = mapped_column(Boolean, default=False)
    writable: Mapped[bool] = mapped_column(Boolean, default=False)
    preserve_metadata: Mapped[bool] = mapped_column(Boolean, default=False)
    nondisruptive: Mapped[bool] = mapped_column(Boolean, default=False)
    preserve_snapshots: Mapped[bool] = mapped_column(Boolean, default=False)
    new_share_type_id: Mapped[str | None] = mapped_column(String(36))
    new_share_network_id: Mapped[str | None] = mapped_column(String(36))
    total_progress: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime, default=utcnow)
