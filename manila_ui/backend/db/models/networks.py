"""Share networks, subnets, security services, share servers and their allocations."""

from __future__ import annotations

import datetime

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from manila_ui.backend.db.models.base import Base
from manila_ui.backend.db.models.base import Timestamps
from manila_ui.backend.db.models.base import utcnow


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
