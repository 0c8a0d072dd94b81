"""Shares, their types, export locations, access rules, instances and migrations."""

from __future__ import annotations

import datetime

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from manila_ui.backend.db.models.base import Base
from manila_ui.backend.db.models.base import Timestamps
from manila_ui.backend.db.models.base import utcnow


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
        # The counts of with_count outside the recycle bin, from the index alone.
        Index("ix_shares_project_bin", "project_id", "is_soft_deleted", "created_at", "id"),
        Index("ix_shares_bin_created", "is_soft_deleted", "created_at", "id"),
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
