"""Changes to share networks that their share servers must follow:
security services (add, remove; on networks in use from 2.63: add and
replace after an asynchronous check) and subnets added next to subnets
with servers (2.70, after a check too).

A check (Manila's "async operation data") asks every back-end host of the
network's servers; the first call answers ``compatible: null`` and queues
the question, later calls answer true once every host agreed, false if
one refused; ``reset_operation`` starts over.  A network without servers
is compatible at once.  The change itself moves the network and its
servers to ``network_change`` until the worker has applied it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import security_services as services_db
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db import share_servers as servers_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.driver import network as net_driver
from manila_ui.backend.services import errors
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.share_networks import ShareNetworkService
from manila_ui.backend.services.share_servers import ShareServerService
from manila_ui.backend.services.share_servers import check_network_active
from manila_ui.backend.services.shares import TRANSITIONAL
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

CHECK = "check_share_network_update"
APPLY = "apply_share_network_update"

Check = tuple[bool | None, dict[str, bool | None]]


def _invalid_network(reason: str) -> errors.Invalid:
    return errors.Invalid(f"Invalid share network: {reason}")


def _invalid_service(reason: str) -> errors.Conflict:
    return errors.Conflict(f"Invalid security service: {reason}")


def service_key(new_id: str, current_id: str | None) -> str:
    if current_id:
        return f"share_network_sec_service_update_{current_id}_{new_id}_hosts_check"
    return f"share_network_sec_service_add_{new_id}_hosts_check"


def subnet_key(network_id: str, zone: str | None) -> str:
    return f"share_server_update_allocations_{network_id}_{zone}_hosts_check"


@dataclasses.dataclass(frozen=True)
class Visible:
    """Who asks: ``project_id`` None for admins (they see every project)."""

    project_id: str | None


class ShareNetworkUpdateService:
    def __init__(self, db: Database, queue: OperationQueue,
                 networks: ShareNetworkService, servers: ShareServerService) -> None:
        self._db = db
        self._queue = queue
        self._networks = networks
        self._servers = servers
        queue.register(CHECK, self._run_check, self._give_up)
        queue.register(APPLY, self._run_apply, self._give_up_apply)

    # -- security services --------------------------------------------------------

    def _service(self, s: Session, service_id: str, who: Visible,
                 missing: Callable[[], errors.ServiceError] | None = None
                 ) -> records.SecurityService:
        service = services_db.get(s, service_id)
        if service is None or (who.project_id is not None
                               and service.project_id != who.project_id):
            if missing is not None:
                raise missing()
            raise errors.NotFound(f"Security service {service_id} could not be found.")
        return service

    def _initial_checks(self, s: Session, network: records.ShareNetwork,
                        new: records.SecurityService, current: records.SecurityService | None
                        ) -> list[records.ServerSummary]:
        """Manila's checks before a security service joins a network; the
        servers whose hosts must agree."""
        check_network_active(network)
        attached = services_db.get_many(s, list(network.security_service_ids))
        if current is None:
            if any(service.type == new.type for service in attached):
                raise _invalid_service(
                    "Cannot add security service to share network. Security service "
                    f"with '{new.type}' type already added to '{network.id}' share network")
        else:
            if current.id not in network.security_service_ids:
                raise _invalid_service(
                    f"The specified current security service {current.id} is not "
                    f"associated to the share network {network.id}.")
            if current.type != new.type:
                raise _invalid_service(
                    "A security service can only be replaced by one of the same type. The "
                    f"current security service type is '{current.type}' and the new "
                    f"security service type is '{new.type}'")
        if not network.servers:
            return []
        if not network.security_service_update_support:
            raise _invalid_network(
                "Updating security services is not supported on this share network "
                f"({network.id}) while it has shares. See the capability "
                "'security_service_update_support'.")
        if any(server.status != "active" for server in network.servers):
            raise _invalid_network(f"Some resources exported on share network {network.id} "
                                   "are not currently available.")
        self._check_shares(s, network, [server.id for server in network.servers], True)
        return list(network.servers)

    @staticmethod
    def _check_shares(s: Session, network: records.ShareNetwork, server_ids: list[str],
                      whole_network: bool) -> None:
        shares = [share for server_id in server_ids
                  for share in (shares_db.get(s, sid) for sid in servers_db.share_ids(
                      s, server_id)) if share is not None]
        where = (f"exported on share network {network.id}" if whole_network else
                 "on the share server in the specified availability zone subnet")
        if any(share.is_soft_deleted for share in shares):
            raise _invalid_network(f"Some shares with share network {network.id} have "
                                   "been soft deleted.")
        for words, bad in (
                ("are not available", [x.id for x in shares if x.status != "available"]),
                ("are busy", [x.id for x in shares if x.status in TRANSITIONAL]),
                ("have access rules that are not active",
                 [x.id for x in shares if x.access_rules_status != "active"])):
            if bad:
                raise _invalid_network(f"Some shares {where} {words}: {bad}.")

    def _validate_hosts(self, s: Session, network_id: str, key: str,
                        hosts: set[str], payload: Mapping[str, Any]) -> Check:
        """Manila's host validation: start the check, or read how far it is."""
        current = networks_db.check_get(s, network_id, key)
        if current is None:
            pending: dict[str, bool | None] = dict.fromkeys(sorted(hosts))
            networks_db.check_set(s, network_id, key, pending)
            self._queue.enqueue(s, CHECK, network_id, key=key, **payload)
            return None, pending
        answers = {host: current.get(host) for host in sorted(hosts)}
        if any(answer is False for answer in answers.values()):
            return False, answers
        missing = hosts - set(current)
        if missing:
            networks_db.check_set(s, network_id, key, answers)
            self._queue.enqueue(s, CHECK, network_id, key=key, **payload)
            return None, answers
        if all(answers.values()):
            return True, answers
        return None, answers

    def check_security_service(self, network_id: str, who: Visible, new_id: str,
                               current_id: str | None, reset: bool) -> Check:
        """``add_security_service_check`` / ``update_security_service_check``."""
        with self._db.write() as s:
            network = self._networks.visible(s, network_id, who.project_id, for_update=True)
            if current_id is None:
                new = self._service(s, new_id, who, lambda: errors.Invalid(
                    f"Security service {new_id} doesn't exist."))
                current = None
            else:
                both = "The current security service or the new security service " \
                       "doesn't exist."
                current = self._service(s, current_id, who, lambda: errors.Invalid(both))
                new = self._service(s, new_id, who, lambda: errors.Invalid(both))
            servers = self._initial_checks(s, network, new, current)
            if not servers:
                return True, {}
            key = service_key(new.id, current_id)
            if reset:
                networks_db.check_delete(s, network.id, key)
            result = self._validate_hosts(s, network.id, key, {x.host for x in servers},
                                          {"new_service_id": new.id})
        self._queue.wake()
        return result

    def _start_change(self, s: Session, network: records.ShareNetwork, key: str,
                      servers: list[records.ServerSummary], payload: Mapping[str, Any],
                      unsupported: str) -> None:
        """Apply a checked change: network and servers go ``network_change``."""
        if networks_db.check_get(s, network.id, key) is None:
            raise _invalid_network(
                f"The share network {network.id} cannot start the update process since "
                "no check operation was found. Before starting the update operation, a "
                "\"check\" operation must be triggered to validate if all backend hosts "
                "support the provided configuration paramaters.")
        result, _hosts = self._validate_hosts(s, network.id, key,
                                              {x.host for x in servers}, payload)
        if result is False:
            raise _invalid_network(unsupported)
        if result is None:
            raise _invalid_network("Not all of the validation has been completed yet. A "
                                   "validation check is in progress. This operation can "
                                   "be retried.")
        networks_db.update_network(s, network.id, status="network_change")
        for server in servers:
            servers_db.update(s, server.id, status="network_change")
        networks_db.check_delete(s, network.id, key)
        self._queue.enqueue(s, APPLY, network.id,
                            server_ids=[server.id for server in servers], **payload)

    def add_security_service(self, network_id: str, who: Visible, service_id: str,
                             in_use_allowed: bool) -> records.ShareNetwork:
        with self._db.write() as s:
            network = self._networks.visible(s, network_id, who.project_id, for_update=True)
            service = self._service(s, service_id, who)
            if network.servers and not in_use_allowed:
                raise errors.Refused("Cannot add security services. Share network is used.")
            servers = self._initial_checks(s, network, service, None)
            if servers:
                self._start_change(
                    s, network, service_key(service.id, None), servers,
                    {"new_service_id": service.id},
                    f"The share network {network.id} cannot be updated since at least one "
                    "of its backend hosts do not support this operation.")
            if service.id in network.security_service_ids:
                raise errors.Invalid(f"Failed to associate share network {network.id} and "
                                     f"security service {service.id}: Already associated.")
            networks_db.associate(s, network.id, service.id)
            found = networks_db.get_network(s, network.id)
        self._queue.wake()
        assert found is not None
        return found

    def remove_security_service(self, network_id: str, who: Visible,
                                service_id: str) -> records.ShareNetwork:
        with self._db.write() as s:
            network = self._networks.visible(s, network_id, who.project_id, for_update=True)
            if network.servers:
                raise errors.Refused(
                    "Cannot remove security services. Share network is used.")
            self._service(s, service_id, who)
            if not networks_db.dissociate(s, network.id, service_id):
                raise errors.Invalid(f"Failed to dissociate share network {network.id} and "
                                     f"security service {service_id}: No association "
                                     "defined.")
            found = networks_db.get_network(s, network.id)
        assert found is not None
        return found

    def update_security_service(self, network_id: str, who: Visible, current_id: str,
                                new_id: str) -> records.ShareNetwork:
        both = "The current security service or the new security service doesn't exist."
        with self._db.write() as s:
            network = self._networks.visible(s, network_id, who.project_id, for_update=True)
            current = self._service(s, current_id, who, lambda: errors.Invalid(both))
            new = self._service(s, new_id, who, lambda: errors.Invalid(both))
            servers = self._initial_checks(s, network, new, current)
            if servers:
                self._start_change(
                    s, network, service_key(new.id, current.id), servers,
                    {"new_service_id": new.id, "current_service_id": current.id},
                    f"The share network {network.id} cannot be updated since at least one "
                    "of its backend hosts do not support this operation.")
            networks_db.dissociate(s, network.id, current.id)
            networks_db.associate(s, network.id, new.id)
            found = networks_db.get_network(s, network.id)
        self._queue.wake()
        assert found is not None
        return found

    # -- subnets next to subnets with servers (2.70) ---------------------------------

    def _allocation_checks(self, s: Session, network: records.ShareNetwork,
                           servers: list[records.ServerSummary]) -> None:
        check_network_active(network)
        if not network.network_allocation_update_support:
            raise _invalid_network(
                "Updating network allocations is not supported on this share network "
                f"({network.id}) while it has shares. See the capability "
                "'network_allocation_update_support'.")
        for server in servers:
            if server.status != "active":
                raise _invalid_network(
                    f"The share server {server.id} in the specified availability zone "
                    "subnet is not currently available.")
        self._check_shares(s, network, [server.id for server in servers], False)

    def subnet_create_check(self, network_id: str, who: Visible,
                            values: Mapping[str, Any], reset: bool) -> Check:
        with self._db.write() as s:
            network, zone, existing = self._networks.existing_subnets(
                s, network_id, who.project_id, values, True)
            servers = network.servers_of(existing[0].id) if existing else []
            if not servers:
                return True, {}
            self._allocation_checks(s, network, servers)
            key = subnet_key(network.id, zone)
            if reset:
                networks_db.check_delete(s, network.id, key)
            result = self._validate_hosts(s, network.id, key, {x.host for x in servers},
                                          self._subnet_payload(values))
        self._queue.wake()
        return result

    @staticmethod
    def _subnet_payload(values: Mapping[str, Any]) -> dict[str, Any]:
        return {"neutron_net_id": values.get("neutron_net_id"),
                "neutron_subnet_id": values.get("neutron_subnet_id")}

    def add_subnet_to_servers(self, network_id: str, who: Visible,
                              values: Mapping[str, Any],
                              metadata: Mapping[str, str]) -> records.Subnet:
        """A subnet where servers already are: after a check, they get
        addresses on it too (the network goes ``network_change``)."""
        with self._db.write() as s:
            network, zone, existing = self._networks.existing_subnets(
                s, network_id, who.project_id, values, True)
            servers = network.servers_of(existing[0].id) if existing else []
            self._allocation_checks(s, network, servers)
            subnet = self._networks.create_subnet(s, network.id, zone, values, metadata)
            self._start_change(
                s, network, subnet_key(network.id, zone), servers,
                {**self._subnet_payload(values), "subnet_id": subnet.id},
                "The server's allocations cannot be updated on availability zone "
                f"{zone} of the share network {network.id}, since at least one of its "
                "backend hosts do not support this operation.")
        self._queue.wake()
        return subnet

    # -- the worker ---------------------------------------------------------------------

    def _run_check(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        payload = json.loads(op.payload or "{}")
        with self._db.write() as s:
            current = networks_db.check_get(s, op.resource_id, payload["key"])
            if current is not None:
                answer = True
                if payload.get("new_service_id"):
                    new = services_db.get(s, payload["new_service_id"])
                    answer = new is not None and net_driver.security_service_update_supported(
                        dataclasses.asdict(new))
                else:
                    answer = all(net_driver.neutron_id_valid(payload.get(key))
                                 for key in ("neutron_net_id", "neutron_subnet_id"))
                networks_db.check_set(s, op.resource_id, payload["key"],
                                      {host: answer if value is None else value
                                       for host, value in current.items()})
            finish(s)

    def _run_apply(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        payload = json.loads(op.payload or "{}")
        with self._db.write() as s:
            network = networks_db.get_network(s, op.resource_id)
            failed = False
            for server_id in payload.get("server_ids", []):
                server = servers_db.get(s, server_id)
                if server is None:
                    continue
                try:
                    if payload.get("subnet_id"):
                        self._servers.add_subnet(s, server, payload["subnet_id"], network)
                    else:
                        self._servers.refresh_details(s, server.id, network,
                                                      server.identifier or server.id)
                    servers_db.update(s, server.id, status="active")
                except (net_driver.NetworkError, net_driver.SecurityServiceRefused) as failure:
                    LOG.info("Share server %s cannot follow its network: %s", server.id,
                             failure)
                    servers_db.update(s, server.id, status="error")
                    failed = True
            if network is not None:
                networks_db.update_network(s, network.id,
                                           status="error" if failed else "active")
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        LOG.error("Gave up checking an update of share network %s", op.resource_id)

    def _give_up_apply(self, op: records.Operation) -> None:
        with self._db.write() as s:
            if networks_db.get_network(s, op.resource_id) is not None:
                networks_db.update_network(s, op.resource_id, status="error")
        LOG.error("Gave up updating share network %s", op.resource_id)
