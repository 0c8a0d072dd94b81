"""Share servers (driver_handles_share_servers=True): created for the
shares of a share network, managed and unmanaged by admins.

create (for a share): ``creating`` → ``active`` | ``error``; the shares
         waiting on it are then created on it, or fail with Manila's
         message (action "create", detail "004" when the network could not
         be set up).
delete:  ``deleting`` → gone (also when a network or subnet goes).
manage:  ``manage_starting`` → ``active`` | ``manage_error`` (2.49).
unmanage: ``unmanage_starting`` → gone | ``unmanage_error``.

A server Manila did not create (managed) may hold shares it does not know
of, so, as in Manila, it is never deleted on its own (``is_auto_deletable``
is False); unmanaging a share from a server makes that server so too.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import uuid
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import security_services as services_db
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db import share_servers as servers_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import network as net_driver
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.simulated import Pool
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.shares import CREATE_FROM_SNAPSHOT
from manila_ui.backend.services.shares import NewShare
from manila_ui.backend.services.shares import hints
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

SETUP = "setup_share_server"
DELETE = "delete_share_server"
MANAGE = "manage_share_server"
UNMANAGE = "unmanage_share_server"

# The attribute filters of the list (the rest go through the network).
ROW_FILTERS = servers_db.ROW_FILTERS
# Manila's SHARE_SERVER_STATUSES (what reset_status accepts).
STATUSES = ("active", "error", "deleting", "creating", "manage_starting",
            "unmanage_starting", "unmanage_error", "manage_error", "inactive",
            "server_migrating", "server_migrating_to", "network_change")
# Manila's message details for share servers.
NO_SHARE_SERVER = "004"
UNEXPECTED_NETWORK = "003"
SECURITY_SERVICE_FAILED = "022"
SUBNET_FULL = "033"
FILTER_AVAILABILITY_ZONE = "007"


def server_not_found(server_id: str) -> errors.NotFound:
    return errors.NotFound(f"Share server {server_id} could not be found.")


def check_network_active(network: records.ShareNetwork) -> None:
    if network.status != "active":
        raise errors.Invalid(
            f"The share network {network.id} used isn't in an 'active' state. Current "
            f"status is {network.status}. The action may be retried after the share "
            "network has changed its state.")


@dataclasses.dataclass(frozen=True)
class ManagedServer:
    host: str
    share_network_id: str
    identifier: str
    share_network_subnet_id: str | None = None
    driver_options: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def _service_dicts(s: Session, network: records.ShareNetwork | None) -> list[dict[str, Any]]:
    if network is None:
        return []
    return [dataclasses.asdict(service) for service in
            services_db.get_many(s, list(network.security_service_ids))]


class ShareServerService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver, message_service: messages.MessageService) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._driver = driver
        self._network = net_driver.SimulatedNetwork(conf)
        self._messages = message_service
        queue.register(SETUP, self._run_setup, self._give_up)
        queue.register(DELETE, self._run_delete, self._give_up)
        queue.register(MANAGE, self._run_manage, self._give_up)
        queue.register(UNMANAGE, self._run_unmanage, self._give_up)

    def wake(self) -> None:
        self._queue.wake()

    # -- reads --------------------------------------------------------------

    def get(self, server_id: str) -> records.ShareServer:
        with self._db.read() as s:
            found = servers_db.get(s, server_id)
        if found is None:
            raise server_not_found(server_id)
        return found

    def list_all(self, **filters: str | None) -> list[records.ShareServer]:
        with self._db.read() as s:
            return servers_db.list_all(s, **filters)

    def allocations(self, server_id: str) -> list[records.Allocation]:
        with self._db.read() as s:
            return servers_db.allocations(s, server_id)

    # -- shares on share networks (hooks of services/shares.py) ----------------

    def check_request(self, s: Session, new: NewShare, dhss: bool) -> NewShare:
        """Manila's share-network checks of a share create; returns the
        request with the network it will use (a share from a snapshot
        inherits its parent's)."""
        network_id = new.share_network_id
        if new.parent is not None:
            parent_network = new.parent.share_network_id
            if network_id and network_id != parent_network:
                raise errors.Invalid("Share network ID should be the same as snapshot's "
                                     "parent share's or empty")
            network_id = network_id or parent_network
        if network_id:
            network = networks_db.get_network(s, network_id)
            if network is None:
                raise errors.NotFound(f"Share network {network_id} could not be found.")
            check_network_active(network)
            if new.availability_zone and not network.subnets_in(new.availability_zone):
                raise errors.Invalid("A share network subnet was not found for the "
                                     "requested availability zone.")
        elif dhss and new.parent is None:
            raise errors.Invalid("Share network must be set when the "
                                 "driver_handles_share_servers is true.")
        return dataclasses.replace(new, share_network_id=network_id)

    def place(self, s: Session, share: records.Share, pool: Pool,
              request_id: str | None) -> bool:
        """A share with a share network was scheduled to ``pool``: give it
        a share server (found or new) and create it there.  True when it is
        handled here (the caller stops)."""
        if not share.share_network_id:
            return False
        shares_db.update(s, share.id, host=pool.name,
                         availability_zone=pool.availability_zone)
        if not pool.driver_handles_share_servers:
            # Manila places it, then its driver refuses the network.
            self._fail_share(s, share, messages.CREATE, UNEXPECTED_NETWORK, request_id)
            return True
        network = networks_db.get_network(s, share.share_network_id)
        subnets = network.subnets_in(pool.availability_zone) if network else []
        if network is None or not subnets:
            self._fail_share(s, share, messages.ALLOCATE_HOST, FILTER_AVAILABILITY_ZONE,
                             request_id)
            return True
        wanted = tuple(sorted(subnet.id for subnet in subnets))
        server = next((found for found in network.servers
                       if found.host == pool.host and found.subnet_ids == wanted
                       and found.status in ("active", "creating")), None)
        if server is None:
            created = servers_db.create(s, {
                "id": str(uuid.uuid4()), "share_network_id": network.id,
                "host": pool.host, "status": "creating", "is_auto_deletable": True,
                "created_at": networks_db.now()}, wanted)
            shares_db.update(s, share.id, share_server_id=created.id)
            self._queue.enqueue(s, SETUP, created.id, request_id=request_id)
            return True
        shares_db.update(s, share.id, share_server_id=server.id)
        if server.status == "active":
            current = shares_db.get(s, share.id)
            assert current is not None
            self._create_on_server(s, current, server.id, request_id)
        return True

    def _fail_share(self, s: Session, share: records.Share, action_id: str,
                    detail_id: str, request_id: str | None) -> None:
        shares_db.update(s, share.id, status="error")
        self._messages.record(s, project_id=share.project_id, resource_type="SHARE",
                              resource_id=share.id, action_id=action_id,
                              detail_id=detail_id, request_id=request_id)

    def user_ips(self, s: Session, server_id: str) -> tuple[list[str], list[str]]:
        allocations = servers_db.allocations(s, server_id)
        return ([a.ip_address for a in allocations if a.label == "user"],
                [a.ip_address for a in allocations if a.label == "admin"])

    def _create_on_server(self, s: Session, share: records.Share, server_id: str,
                          request_id: str | None) -> None:
        try:
            simulated.check("create", hints(s, share))
        except simulated.DriverError as failure:
            LOG.info("Creating share %s on server %s failed: %s", share.id, server_id,
                     failure)
            self._fail_share(s, share, messages.CREATE, messages.UNKNOWN_ERROR, request_id)
            return
        user, admin = self.user_ips(s, server_id)
        exports = net_driver.export_paths(share.id, share.share_proto, user, admin)
        shares_db.set_export_locations(s, share.id, [e.row() for e in exports])
        if share.snapshot_id:
            shares_db.update(s, share.id, status="creating_from_snapshot",
                             launched_at=shares_db.now())
            self._queue.enqueue(s, CREATE_FROM_SNAPSHOT, share.id, request_id=request_id)
        else:
            shares_db.update(s, share.id, status="available", progress="100%",
                             launched_at=shares_db.now())

    def export_paths_for(self, s: Session, server_id: str, export_path: str,
                         share_proto: str) -> list[simulated.ExportPath]:
        """Where a share managed onto a server is exported: on the server's
        addresses, under the name the back end knows it by."""
        name = re.split(r"[/\\]", export_path.rstrip("/\\"))[-1]
        user, admin = self.user_ips(s, server_id)
        return net_driver.export_paths(name.removeprefix("share_"), share_proto, user,
                                       admin)

    # -- setting a server up ----------------------------------------------------

    def _subnet_specs(self, s: Session, server: records.ShareServer
                      ) -> list[tuple[net_driver.SubnetSpec, net_driver.SubnetDetails]]:
        """Validate the server's subnets with the network plugin and record
        what it says of them (network type, segmentation id, CIDR...)."""
        found = []
        in_use = servers_db.used_segmentation_ids(s)
        for subnet_id in server.subnet_ids:
            subnet = networks_db.get_subnet(s, subnet_id)
            if subnet is None:
                raise net_driver.NetworkError(f"subnet {subnet_id} is gone")
            spec = net_driver.SubnetSpec(subnet.id, subnet.neutron_net_id,
                                         subnet.neutron_subnet_id)
            details = self._network.subnet_details(spec, in_use)
            networks_db.update_subnet(s, subnet.id, **dataclasses.asdict(details))
            found.append((spec, details))
        return found

    def allocate(self, s: Session, server: records.ShareServer,
                  network: records.ShareNetwork | None) -> None:
        allocated = self._network.allocate(self._subnet_specs(s, server),
                                           servers_db.used_addresses(s))
        for allocation in allocated:
            servers_db.add_allocation(s, allocation.row(server.id))
        self.refresh_details(s, server.id, network, server.identifier or server.id)

    def add_subnet(self, s: Session, server: records.ShareServer, subnet_id: str,
                   network: records.ShareNetwork | None) -> None:
        """Addresses on one more subnet for a server (2.70)."""
        subnet = networks_db.get_subnet(s, subnet_id)
        if subnet is None:
            raise net_driver.NetworkError(f"subnet {subnet_id} is gone")
        spec = net_driver.SubnetSpec(subnet.id, subnet.neutron_net_id,
                                     subnet.neutron_subnet_id)
        details = self._network.subnet_details(spec, servers_db.used_segmentation_ids(s))
        networks_db.update_subnet(s, subnet.id, **dataclasses.asdict(details))
        for allocation in self._network.allocate([(spec, details)],
                                                 servers_db.used_addresses(s),
                                                 with_admin=False):
            servers_db.add_allocation(s, allocation.row(server.id))
        servers_db.add_subnet(s, server.id, subnet.id)
        self.refresh_details(s, server.id, network, server.identifier or server.id)

    def refresh_details(self, s: Session, server_id: str,
                        network: records.ShareNetwork | None, identifier: str) -> None:
        services = _service_dicts(s, network)
        net_driver.check_security_services(services)
        rows = [(a.share_network_subnet_id, a.label, a.ip_address)
                for a in servers_db.allocations(s, server_id)]
        servers_db.update(s, server_id, backend_details=net_driver.backend_details(
            identifier, rows, services))

    def _run_setup(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, op.resource_id)
            if server is None or server.status != "creating":
                finish(s)
                return
            network = networks_db.get_network(s, server.share_network_id)
            detail = None
            try:
                self.allocate(s, server, network)
            except net_driver.NetworkFull as failure:
                LOG.info("Share server %s: %s", server.id, failure)
                detail = SUBNET_FULL
            except net_driver.NetworkError as failure:
                LOG.info("Share server %s: %s", server.id, failure)
                detail = NO_SHARE_SERVER
            except net_driver.SecurityServiceRefused as failure:
                LOG.info("Share server %s: %s", server.id, failure)
                detail = SECURITY_SERVICE_FAILED
            waiting = [shares_db.get(s, share_id)
                       for share_id in servers_db.share_ids(s, server.id)]
            if detail is not None:
                servers_db.update(s, server.id, status="error")
                for share in waiting:
                    if share is not None and share.status == "creating":
                        self._fail_share(s, share, messages.CREATE, detail, op.request_id)
            else:
                servers_db.update(s, server.id, status="active",
                                  identifier=server.identifier or server.id,
                                  security_service_update_support=True,
                                  network_allocation_update_support=True)
                for share in waiting:
                    if share is not None and share.status == "creating":
                        self._create_on_server(s, share, server.id, op.request_id)
            finish(s)
        self._queue.wake()

    # -- delete ----------------------------------------------------------------

    def release(self, s: Session, server_ids: Iterable[str],
                request_id: str | None = None) -> None:
        """Tear servers down (their network or subnet goes, or an admin
        asked); the worker removes them."""
        for server_id in server_ids:
            servers_db.update(s, server_id, status="deleting")
            self._queue.enqueue(s, DELETE, server_id, request_id=request_id)

    def delete(self, server_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, server_id, for_update=True)
            if server is None:
                raise server_not_found(server_id)
            allowed = ["error", "active"]
            if server.status not in allowed:
                raise errors.Refused(f"Share server's actual status is {server.status}, "
                                     f"allowed statuses for deletion are {allowed}.")
            if servers_db.share_ids(s, server.id):
                raise errors.Conflict(f"Share server {server.id} is in use.")
            self.release(s, [server.id], request_id)
        self._queue.wake()

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, op.resource_id)
            if server is not None and server.status == "deleting":
                servers_db.delete_server(s, server.id)
            finish(s)

    def reset_status(self, server_id: str, status: str) -> None:
        with self._db.write() as s:
            if servers_db.update(s, server_id, status=status) is None:
                raise server_not_found(server_id)

    # -- manage and unmanage (2.49) ---------------------------------------------

    def _backend_hosts(self) -> dict[str, Pool]:
        return {pool.host: pool for pool in self._driver.pools()}

    def manage(self, request: ManagedServer, request_id: str | None) -> records.ShareServer:
        """Manila's checks, in its order, then ``manage_starting``."""
        with self._db.write() as s:
            network = networks_db.get_network(s, request.share_network_id)
            if request.share_network_subnet_id:
                subnet = networks_db.get_subnet(s, request.share_network_subnet_id)
                if subnet is None:
                    raise errors.Invalid(f"The share network subnet "
                                         f"{request.share_network_subnet_id} does not exist.")
                owner = networks_db.get_network(s, subnet.share_network_id)
                subnets = owner.subnets_in(subnet.availability_zone, fallback=False) \
                    if owner else []
            else:
                subnets = network.default_subnets if network else []
            if not subnets:
                raise errors.Invalid(
                    f"The share network {request.share_network_id} does have a default "
                    "subnet. Create one or use a specific subnet to manage this share "
                    "server with API version >= 2.51.")
            if len(subnets) > 1:
                raise errors.Invalid(
                    "Cannot manage the share server, since the share network subnet "
                    f"{request.share_network_subnet_id} has more subnets in its "
                    "availability zone and share network.")
            owner = networks_db.get_network(s, subnets[0].share_network_id)
            assert owner is not None
            check_network_active(owner)
            if "#" in request.host:
                raise errors.Invalid("Host parameter should not contain pool.")
            if request.host not in self._backend_hosts():
                raise errors.Invalid(f"Service {request.host} could not be found.")
            if network is None:
                raise errors.Invalid(f"Share network {request.share_network_id} could not "
                                     "be found.")
            matched = self._matching_identifiers(s, request.identifier)
            if matched:
                raise errors.Invalid(
                    f"Invalid input received: Identifier {request.identifier} specified "
                    f"matches existing share servers: {', '.join(matched)}.")
            server = servers_db.create(s, {
                "id": str(uuid.uuid4()), "share_network_id": owner.id,
                "host": request.host, "status": "manage_starting",
                "is_auto_deletable": False, "identifier": request.identifier,
                "created_at": networks_db.now()}, [subnets[0].id])
            self._queue.enqueue(s, MANAGE, server.id, request_id=request_id,
                                driver_options=dict(request.driver_options))
        self._queue.wake()
        return server

    @staticmethod
    def _matching_identifiers(s: Session, identifier: str) -> list[str]:
        """Manila's search: one identifier ends with or contains the other,
        hyphens and underscores alike."""
        wanted = identifier.replace("_", "-")
        found = []
        for server in servers_db.list_all(s):
            theirs = (server.identifier or "").replace("_", "-")
            if theirs and (wanted.endswith(theirs) or theirs.endswith(wanted)):
                found.append(server.identifier or "")
        return found

    def _run_manage(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        options = json.loads(op.payload or "{}").get("driver_options") or {}
        with self._db.write() as s:
            server = servers_db.get(s, op.resource_id)
            if server is None or server.status != "manage_starting":
                finish(s)
                return
            pool = next((p for p in self._driver.pools() if p.host == server.host), None)
            network = networks_db.get_network(s, server.share_network_id)
            try:
                if pool is None or not pool.driver_handles_share_servers:
                    raise simulated.DriverError(f"{server.host} does not handle share "
                                                "servers")
                simulated.check("manage", {str(k): str(v) for k, v in options.items()})
                self.allocate(s, server, network)
            except (simulated.DriverError, net_driver.NetworkError,
                    net_driver.SecurityServiceRefused) as failure:
                LOG.info("Managing share server %s failed: %s", server.id, failure)
                servers_db.update(s, server.id, status="manage_error")
                finish(s)
                return
            servers_db.update(s, server.id, status="active",
                              security_service_update_support=False,
                              network_allocation_update_support=True)
            finish(s)

    def unmanage(self, server_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, server_id, for_update=True)
            if server is None:
                raise server_not_found(server_id)
            if len(server.subnet_ids) > 1:
                raise errors.Invalid("Cannot unmanage the share server containing "
                                     "multiple subnets.")
            network = networks_db.get_network(s, server.share_network_id)
            if network is None:
                raise errors.NotFound(f"Share network {server.share_network_id} could "
                                      "not be found.")
            check_network_active(network)
            allowed = ("error", "active", "manage_error", "unmanage_error")
            if server.status not in allowed:
                raise errors.Invalid(
                    f"Share server's actual status is {server.status}, allowed statuses "
                    f"for unmanaging are {', '.join(allowed)}.")
            if servers_db.share_ids(s, server.id):
                raise errors.Invalid(f"Share server {server.id} is in use.")
            servers_db.update(s, server.id, status="unmanage_starting")
            self._queue.enqueue(s, UNMANAGE, server.id, request_id=request_id)
        self._queue.wake()

    def _run_unmanage(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, op.resource_id)
            if server is not None and server.status == "unmanage_starting":
                # The back end keeps the server; Manila forgets it.
                servers_db.delete_server(s, server.id)
            finish(s)

    @staticmethod
    def share_unmanaged(s: Session, share: records.Share) -> None:
        """A share left its server: the server may now hold data Manila
        does not know of, so it must never be deleted on its own."""
        if share.share_server_id:
            servers_db.update(s, share.share_server_id, is_auto_deletable=False)

    def check_manage_share(self, s: Session, server_id: str | None, dhss: bool
                           ) -> tuple[str | None, str | None]:
        """Manila's checks of a share managed onto a server (2.49); returns
        (share network id, server id) for the new share row."""
        if dhss and not server_id:
            raise errors.Invalid(
                "Invalid input received: Share Server ID parameter is required when "
                "managing a share using a share type with driver_handles_share_servers "
                "extra-spec set to True.")
        if not dhss and server_id:
            raise errors.Invalid(
                "Invalid input received: Share Server ID parameter is not expected when "
                "managing a share using a share type with driver_handles_share_servers "
                "extra-spec set to False.")
        if not server_id:
            return None, None
        server = servers_db.get(s, server_id)
        if server is None:
            raise errors.Invalid("Invalid input received: Share Server specified was not "
                                 "found.")
        if server.status != "active":
            raise errors.Invalid("Invalid share server: The provided share server is not "
                                 "active.")
        network = networks_db.get_network(s, server.share_network_id)
        if network is None:
            raise errors.Invalid(f"Invalid input received: Share network "
                                 f"{server.share_network_id} was not found.")
        check_network_active(network)
        return network.id, server.id

    # -- give up ------------------------------------------------------------------

    def _give_up(self, op: records.Operation) -> None:
        failed = {SETUP: "error", DELETE: "error", MANAGE: "manage_error",
                  UNMANAGE: "unmanage_error"}[op.kind]
        with self._db.write() as s:
            if servers_db.get(s, op.resource_id) is not None:
                servers_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share server %s", op.kind, op.resource_id)
