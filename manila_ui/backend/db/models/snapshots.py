"""Snapshots, their export locations, access rules and instances; share backups."""

from __future__ import annotations

from sqlalchemy import Boolean
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from manila_ui.backend.db.models.base import Base
from manila_ui.backend.db.models.base import Timestamps


class Snapshot(Timestamps, Base):
    __tablename__ = "share_snapshots"
    __table_args__ = (
        Index("ix_share_snapshots_project_created", "project_id", "created_at", "id"),
        Index("ix_share_snapshots_created", "created_at", "id"),  # every project's
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
