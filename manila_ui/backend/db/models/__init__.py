"""SQLAlchemy 2 models.  They never leave the ``db`` package: the query
modules convert rows to the plain records of ``types.records``.

Rows are deleted for real (Manila soft-deletes; nobody reads the ghosts
here).  Timestamps are naive UTC, as Manila stores them.
"""

from __future__ import annotations

from manila_ui.backend.db.models.base import NAMING as NAMING
from manila_ui.backend.db.models.base import Base as Base
from manila_ui.backend.db.models.base import Timestamps as Timestamps
from manila_ui.backend.db.models.base import update_row as update_row
from manila_ui.backend.db.models.base import utcnow as utcnow
from manila_ui.backend.db.models.bookkeeping import Message as Message
from manila_ui.backend.db.models.bookkeeping import Operation as Operation
from manila_ui.backend.db.models.bookkeeping import ProjectLock as ProjectLock
from manila_ui.backend.db.models.bookkeeping import QosType as QosType
from manila_ui.backend.db.models.bookkeeping import QosTypeSpec as QosTypeSpec
from manila_ui.backend.db.models.bookkeeping import QuotaClass as QuotaClass
from manila_ui.backend.db.models.bookkeeping import QuotaLimit as QuotaLimit
from manila_ui.backend.db.models.bookkeeping import Service as Service
from manila_ui.backend.db.models.groups import ShareGroup as ShareGroup
from manila_ui.backend.db.models.groups import ShareGroupShareType as ShareGroupShareType
from manila_ui.backend.db.models.groups import ShareGroupSnapshot as ShareGroupSnapshot
from manila_ui.backend.db.models.groups import ShareGroupSnapshotMember as ShareGroupSnapshotMember
from manila_ui.backend.db.models.groups import ShareGroupType as ShareGroupType
from manila_ui.backend.db.models.groups import ShareGroupTypeProject as ShareGroupTypeProject
from manila_ui.backend.db.models.groups import ShareGroupTypeShareType as ShareGroupTypeShareType
from manila_ui.backend.db.models.groups import ShareGroupTypeSpec as ShareGroupTypeSpec
from manila_ui.backend.db.models.networks import NetworkAllocation as NetworkAllocation
from manila_ui.backend.db.models.networks import SecurityService as SecurityService
from manila_ui.backend.db.models.networks import ShareNetwork as ShareNetwork
from manila_ui.backend.db.models.networks import ShareNetworkCheck as ShareNetworkCheck
from manila_ui.backend.db.models.networks import (
    ShareNetworkSecurityService as ShareNetworkSecurityService,
)
from manila_ui.backend.db.models.networks import ShareNetworkSubnet as ShareNetworkSubnet
from manila_ui.backend.db.models.networks import (
    ShareNetworkSubnetMetadata as ShareNetworkSubnetMetadata,
)
from manila_ui.backend.db.models.networks import ShareServer as ShareServer
from manila_ui.backend.db.models.networks import ShareServerSubnet as ShareServerSubnet
from manila_ui.backend.db.models.shares import AvailabilityZone as AvailabilityZone
from manila_ui.backend.db.models.shares import ExportLocation as ExportLocation
from manila_ui.backend.db.models.shares import ExportLocationMetadata as ExportLocationMetadata
from manila_ui.backend.db.models.shares import ResourceLock as ResourceLock
from manila_ui.backend.db.models.shares import Share as Share
from manila_ui.backend.db.models.shares import ShareAccessRule as ShareAccessRule
from manila_ui.backend.db.models.shares import ShareAccessRuleMetadata as ShareAccessRuleMetadata
from manila_ui.backend.db.models.shares import ShareInstance as ShareInstance
from manila_ui.backend.db.models.shares import ShareInstanceMetadata as ShareInstanceMetadata
from manila_ui.backend.db.models.shares import ShareMetadata as ShareMetadata
from manila_ui.backend.db.models.shares import ShareMigration as ShareMigration
from manila_ui.backend.db.models.shares import ShareType as ShareType
from manila_ui.backend.db.models.shares import ShareTypeExtraSpec as ShareTypeExtraSpec
from manila_ui.backend.db.models.shares import ShareTypeProject as ShareTypeProject
from manila_ui.backend.db.models.shares import Transfer as Transfer
from manila_ui.backend.db.models.snapshots import ShareBackup as ShareBackup
from manila_ui.backend.db.models.snapshots import Snapshot as Snapshot
from manila_ui.backend.db.models.snapshots import SnapshotAccessRule as SnapshotAccessRule
from manila_ui.backend.db.models.snapshots import SnapshotExportLocation as SnapshotExportLocation
from manila_ui.backend.db.models.snapshots import SnapshotInstance as SnapshotInstance
from manila_ui.backend.db.models.snapshots import SnapshotMetadata as SnapshotMetadata
