"""All services of one backend process, wired together from its config."""

from __future__ import annotations

import dataclasses
import uuid

from oslo_config import cfg

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services.access_sync import AccessSync
from manila_ui.backend.services.availability_zones import AvailabilityZoneService
from manila_ui.backend.services.messages import MessageService
from manila_ui.backend.services.metadata import MetadataService
from manila_ui.backend.services.mountable_snapshots import MountableSnapshotService
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.pools import PoolService
from manila_ui.backend.services.qos_types import QosTypeService
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.services.resource_locks import ResourceLockService
from manila_ui.backend.services.security_services import SecurityServiceService
from manila_ui.backend.services.services import ServiceService
from manila_ui.backend.services.share_access import ShareAccessService
from manila_ui.backend.services.share_actions import ShareActionService
from manila_ui.backend.services.share_backups import ShareBackupService
from manila_ui.backend.services.share_group_snapshots import ShareGroupSnapshotService
from manila_ui.backend.services.share_group_types import ShareGroupTypeService
from manila_ui.backend.services.share_groups import ShareGroupService
from manila_ui.backend.services.share_instances import ShareInstanceService
from manila_ui.backend.services.share_manage import ShareManageService
from manila_ui.backend.services.share_migration import ShareMigrationService
from manila_ui.backend.services.share_network_updates import ShareNetworkUpdateService
from manila_ui.backend.services.share_networks import ShareNetworkService
from manila_ui.backend.services.share_replicas import ShareReplicaService
from manila_ui.backend.services.share_server_migration import ShareServerMigrationService
from manila_ui.backend.services.share_servers import ShareServerService
from manila_ui.backend.services.share_types import ShareTypeService
from manila_ui.backend.services.shares import ShareService
from manila_ui.backend.services.snapshots import SnapshotService
from manila_ui.backend.services.transfers import TransferService

# The default type of a fresh install (what devstack creates for Manila),
# and ``dhss_false``, which python-manilaclient's functional tests expect.
BOOTSTRAP_TYPE_SPECS = {
    "driver_handles_share_servers": "False",
    "snapshot_support": "True",
    "create_share_from_snapshot_support": "True",
    "revert_to_snapshot_support": "True",
    "mount_snapshot_support": "True",
}


@dataclasses.dataclass
class Services:
    conf: cfg.ConfigOpts
    db: Database
    driver: SimulatedDriver
    queue: OperationQueue
    quotas: QuotaService
    messages: MessageService
    share_types: ShareTypeService
    availability_zones: AvailabilityZoneService
    pools: PoolService
    shares: ShareService
    share_actions: ShareActionService
    share_manage: ShareManageService
    metadata: MetadataService
    snapshots: SnapshotService
    mountable_snapshots: MountableSnapshotService
    transfers: TransferService
    resource_locks: ResourceLockService
    share_access: ShareAccessService
    access_sync: AccessSync
    share_servers: ShareServerService
    share_networks: ShareNetworkService
    share_network_updates: ShareNetworkUpdateService
    security_services: SecurityServiceService
    share_group_types: ShareGroupTypeService
    share_groups: ShareGroupService
    share_group_snapshots: ShareGroupSnapshotService
    share_backups: ShareBackupService
    qos_types: QosTypeService
    services: ServiceService
    share_instances: ShareInstanceService
    share_replicas: ShareReplicaService
    share_migration: ShareMigrationService
    share_server_migration: ShareServerMigrationService

    @classmethod
    def build(cls, conf: cfg.ConfigOpts, db: Database | None = None) -> Services:
        db = db or Database(conf.database.connection)
        driver = SimulatedDriver(conf)
        queue = OperationQueue(db, conf)
        quotas = QuotaService(db, conf)
        messages = MessageService(db, conf)
        shares = ShareService(db, conf, queue, driver, quotas, messages)
        resource_locks = ResourceLockService(db)
        # Shares on share networks get share servers (DHSS=True).
        share_servers = ShareServerService(db, conf, queue, driver, messages)
        shares.networks = share_servers
        share_manage = ShareManageService(db, conf, queue, driver, quotas, messages)
        share_manage.servers = share_servers
        share_networks = ShareNetworkService(db, conf, quotas, share_servers)
        share_groups = ShareGroupService(db, conf, queue, driver, quotas, messages)
        share_groups.shares = shares
        access_sync = AccessSync(db, conf, queue, driver)
        services = ServiceService(db, conf, queue, driver, access_sync)
        shares.services = services
        # Share instances: replicas and migrations work on them.
        share_instances = ShareInstanceService(db, conf, queue, driver, quotas, messages)
        share_instances.start_share_delete = (
            lambda s, share, force, request_id: shares.start_delete(
                s, share, force, request_id))
        share_replicas = ShareReplicaService(db, conf, queue, driver, quotas, messages)
        share_replicas.instances = share_instances
        server_migration = ShareServerMigrationService(db, conf, queue, driver, quotas,
                                                       messages)
        server_migration.servers = share_servers
        return cls(conf=conf, db=db, driver=driver, queue=queue, quotas=quotas,
                   messages=messages, share_types=ShareTypeService(db, conf),
                   availability_zones=AvailabilityZoneService(db),
                   pools=PoolService(db, driver, services), shares=shares,
                   share_actions=ShareActionService(db, conf, queue, driver, quotas,
                                                    messages, shares),
                   share_manage=share_manage,
                   metadata=MetadataService(db, conf),
                   snapshots=SnapshotService(db, conf, queue, driver, quotas,
                                             messages),
                   mountable_snapshots=MountableSnapshotService(db, queue, driver),
                   transfers=TransferService(db, conf, queue, quotas),
                   resource_locks=resource_locks,
                   share_access=ShareAccessService(db, queue, driver, resource_locks),
                   access_sync=access_sync,
                   share_servers=share_servers, share_networks=share_networks,
                   share_network_updates=ShareNetworkUpdateService(
                       db, queue, share_networks, share_servers),
                   security_services=SecurityServiceService(db),
                   share_group_types=ShareGroupTypeService(db, conf),
                   share_groups=share_groups,
                   share_group_snapshots=ShareGroupSnapshotService(
                       db, conf, queue, driver, quotas, messages),
                   share_backups=ShareBackupService(db, conf, queue, driver, quotas,
                                                    messages),
                   qos_types=QosTypeService(db), services=services,
                   share_instances=share_instances, share_replicas=share_replicas,
                   share_migration=ShareMigrationService(db, conf, queue, driver,
                                                         quotas, messages),
                   share_server_migration=server_migration)

    def bootstrap(self) -> None:
        """Rows a fresh install needs: zones of the pools, the services, the
        default types.  Idempotent; runs once before the workers start."""
        with self.db.write() as s:
            for name in self.driver.availability_zones():
                az_db.ensure(s, str(uuid.uuid4()), name)
        self.services.bootstrap()
        if self.conf.default_share_type:
            self.share_types.ensure(self.conf.default_share_type,
                                    "Default share type", BOOTSTRAP_TYPE_SPECS)
        self.share_types.ensure("dhss_false", "Share servers not managed by Manila",
                                BOOTSTRAP_TYPE_SPECS)
        if any(pool.driver_handles_share_servers for pool in self.driver.pools()):
            self.share_types.ensure("dhss_true", "Share servers on share networks",
                                    {**BOOTSTRAP_TYPE_SPECS,
                                     "driver_handles_share_servers": "True"})
        if self.conf.default_share_group_type and self.conf.default_share_type:
            self.share_group_types.ensure(self.conf.default_share_group_type,
                                          [self.conf.default_share_type])
