"""Share group types, share groups and group snapshots."""

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
