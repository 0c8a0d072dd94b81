"""User messages, quotas, locks, the operation queue, QoS types and services."""

from __future__ import annotations

import datetime

from sqlalchemy import Boolean
from sqlalchemy import DateTime
from sqlalchemy import Float
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
