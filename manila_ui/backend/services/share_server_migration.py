"""Share server migration (2.57, still experimental in Manila 23): a share
server and all its shares move to another DHSS=True back end, or onto
another share network, in two phases, as Manila with its dummy driver.

start:    source ``server_migrating`` / ``migration_starting``, its shares
          and snapshots ``server_migrating`` → (the manager) a destination
          server ``server_migrating_to`` (``source_share_server_id`` = the
          source), both ``migration_driver_in_progress`` → (the driver's
          continue, +50 a step) both ``migration_driver_phase1_done``;
complete: both ``migration_completing`` → the shares move to the
          destination (host, network, server, export locations), the
          destination ``active`` / ``migration_success``, the source
          ``inactive`` / ``migration_success`` and then deleted;
cancel:   source ``migration_cancel_in_progress`` → the destination
          ``inactive`` / ``migration_cancelled``, the source ``active`` /
          ``migration_cancelled``, the shares ``available``.

Each step runs on the operation queue, so a restart resumes it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db import share_servers as servers_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import network as net_driver
from manila_ui.backend.services import errors
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.share_servers import ShareServerService
from manila_ui.backend.services.share_servers import server_not_found
from manila_ui.backend.services.shares import BUSY_TASK_STATES
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

START = "server_migration_start"
CONTINUE = "server_migration_continue"
COMPLETE = "server_migration_complete"
CANCEL = "server_migration_cancel"

# Manila's SERVER_TASK_STATE_STATUSES, in its order: what reset_task_state takes.
TASK_STATES: tuple[str | None, ...] = (
    "migration_starting", "migration_in_progress", "migration_completing",
    "migration_success", "migration_error", "migration_cancel_in_progress",
    "migration_cancelled", "migration_driver_in_progress",
    "migration_driver_phase1_done", None)
MIGRATING = "server_migrating"
MIGRATING_TO = "server_migrating_to"
PHASE1_DONE = "migration_driver_phase1_done"
IN_PROGRESS = "migration_driver_in_progress"
DRIVER_STEP = 50      # Manila's dummy driver: two continues to phase 1
# Manila's _migration_get_progress_state.
_DONE = ("migration_success", "migration_cancelled", "migration_cancel_in_progress",
         "migration_completing", PHASE1_DONE, "migration_error")
_NOT_YET = ("migration_starting", "migration_driver_starting", "migration_in_progress")


def _invalid(reason: str) -> errors.Conflict:
    return errors.Conflict(f"Invalid share server: {reason}")


def _bad(reason: str) -> errors.Invalid:
    return errors.Invalid(f"Invalid share server: {reason}")


@dataclasses.dataclass(frozen=True)
class ServerMigrationRequest:
    host: str
    writable: bool
    nondisruptive: bool
    preserve_snapshots: bool
    new_share_network: records.ShareNetwork | None = None


def state_message(server: records.ShareServer) -> str | None:
    """Manila's _migration_validate_error_message for a share server."""
    state, sid = server.task_state, server.id
    if state == "migration_success":
        return f"Migration of share_server {sid} has already completed."
    if state in (None, "migration_error"):
        return f"There is no migration being performed for share_server {sid} at this moment."
    if state == "migration_cancelled":
        return f"Migration of share_server {sid} was already cancelled."
    if state == PHASE1_DONE:
        return f"Migration of share_server {sid} has already completed first phase."
    return None


class ShareServerMigrationService(QueuedService):
    servers: ShareServerService   # set by the registry

    def _handlers(self) -> dict[str, Handler]:
        return {START: self._run_start, CONTINUE: self._run_continue,
                COMPLETE: self._run_complete, CANCEL: self._run_cancel}

    # -- checks (share/api.py _migration_initial_checks, in Manila's order) ----------

    def _initial_checks(self, s: Session, server: records.ShareServer,
                        req: ServerMigrationRequest) -> tuple[str, bool]:
        """The network the destination will sit on, and whether its
        subnets differ from the source's (a disruptive change)."""
        shares = [share for share_id in servers_db.share_ids(s, server.id)
                  if (share := shares_db.get(s, share_id)) is not None]
        live = [share for share in shares if not share.is_soft_deleted]
        if not live:
            raise _invalid(f"Share server {server.id} does not have shares.")
        if len(live) != len(shares):
            raise _invalid(f"Share server {server.id} has at least one share that has "
                           "been soft deleted.")
        if server.status != "active":
            raise _invalid(f"Share server {server.id} status must be active, but "
                           f"current status is: {server.status}.")
        if any(share.share_group_id for share in live):
            raise _invalid(f"The share server {server.id} can not be migrated because "
                           "it is related to a share group.")
        current_network = live[0].share_network_id
        new = req.new_share_network
        if _backend(server.host) == _backend(req.host) and (
                new is None or new.id == current_network):
            raise _invalid("There is no difference between source and destination "
                           "backends and between source and destination share "
                           "networks. Share server migration will not proceed.")
        if servers_db.list_all(s, source_share_server_id=server.id, status=MIGRATING_TO):
            raise _invalid("There is at least one destination share server pointing to "
                           "this source share server. Clean up your environment before "
                           "starting a new migration.")
        service = req.host.split("#")[0]
        pool = next((p for p in self._driver.pools() if p.host == service), None)
        if pool is None:
            raise errors.NotFound(f"Service {service} could not be found.")
        network_id = new.id if new is not None else current_network or ""
        network = networks_db.get_network(s, network_id)
        subnets = network.subnets_in(pool.availability_zone) if network else []
        if not subnets:
            raise _invalid(f"The share network {network_id} does not have a subnet "
                           "that spans the destination host availability zone.")
        changed = False
        if new is not None:
            theirs = {(sub.neutron_net_id, sub.neutron_subnet_id) for sub in subnets}
            ours = {(sub.neutron_net_id, sub.neutron_subnet_id)
                    for sub_id in server.subnet_ids
                    if (sub := networks_db.get_subnet(s, sub_id)) is not None}
            changed = theirs != ours
        for share in live:
            if share.status != "available":
                raise _invalid(f"Share {share.id} status must be available, but current "
                               f"status is: {share.status}.")
            if share.has_replicas:
                raise _invalid(f"Share {share.id} has replicas. Remove the replicas of "
                               "all shares in the share server before attempting to "
                               "migrate it.")
            if any(snap.status != "available"
                   for snap in snapshots_db.for_share(s, share.id)):
                raise _invalid("All snapshots must have 'available' status to be "
                               f"migrated by the driver along with share {share.id}.")
            if share.access_rules_status == "error":
                raise _invalid(f"Share instance {share.id} access rules status must not "
                               "be in error when attempting to start a share server "
                               "migration.")
            if share.task_state in BUSY_TASK_STATES:
                raise _invalid(f"Share {share.id} is busy as part of an active task: "
                               f"{share.task_state}.")
        return network_id, changed

    def _compatibility(self, req: ServerMigrationRequest, network_id: str,
                       changed: bool) -> dict[str, Any]:
        """The destination manager's answer with Manila's dummy driver: no
        when it does not handle share servers, else yes, but never
        non-disruptively."""
        pool = next((p for p in self._driver.pools() if p.host == req.host), None)
        if pool is None or not pool.driver_handles_share_servers:
            return {"compatible": False, "writable": None, "preserve_snapshots": None,
                    "nondisruptive": None, "share_network_id": network_id,
                    "migration_cancel": None, "migration_get_progress": None}
        if changed and req.nondisruptive:
            return {"compatible": False, "writable": False, "nondisruptive": False,
                    "preserve_snapshots": False, "migration_cancel": False,
                    "migration_get_progress": False, "share_network_id": network_id}
        return {"compatible": not req.nondisruptive, "writable": True,
                "preserve_snapshots": True, "nondisruptive": False,
                "share_network_id": network_id, "migration_cancel": True,
                "migration_get_progress": True}

    def check(self, server_id: str, req: ServerMigrationRequest) -> dict[str, Any]:
        with self._db.read() as s:
            server = self._get(s, server_id)
            network_id, changed = self._initial_checks(s, server, req)
        return self._compatibility(req, network_id, changed)

    def _get(self, s: Session, server_id: str, for_update: bool = False
             ) -> records.ShareServer:
        server = servers_db.get(s, server_id, for_update=for_update)
        if server is None:
            raise server_not_found(server_id)
        return server

    # -- start ------------------------------------------------------------------

    def start(self, server_id: str, req: ServerMigrationRequest,
              request_id: str | None) -> None:
        with self._db.write() as s:
            server = self._get(s, server_id, for_update=True)
            network_id, changed = self._initial_checks(s, server, req)
            if req.nondisruptive and changed:
                raise errors.Invalid(
                    "Invalid input received: Nondisruptive migration would only be "
                    "feasible when the current and new share networks carry the same "
                    "'neutron_net_id' and 'neutron_subnet_id', or when no network "
                    "changes are occurring.")
            servers_db.update(s, server.id, task_state="migration_starting",
                              status=MIGRATING)
            self._set_resources(s, server.id, MIGRATING, expected="available")
            self._queue.enqueue(s, START, server.id, request_id=request_id,
                                host=req.host, network_id=network_id,
                                writable=req.writable, nondisruptive=req.nondisruptive,
                                preserve_snapshots=req.preserve_snapshots)
        self._queue.wake()

    @staticmethod
    def _set_resources(s: Session, server_id: str, status: str,
                       expected: str | None = None) -> None:
        for share_id in servers_db.share_ids(s, server_id):
            share = shares_db.get(s, share_id)
            if share is None or (expected and share.status != expected):
                continue
            shares_db.update(s, share_id, status=status)
            for snap in snapshots_db.for_share(s, share_id):
                if expected is None or snap.status == expected:
                    snapshots_db.update(s, snap.id, status=status)

    def _run_start(self, op: records.Operation,
                   finish: Callable[[Session], None]) -> None:
        params = json.loads(op.payload or "{}")
        with self._db.write() as s:
            source = servers_db.get(s, op.resource_id)
            if source is None or source.task_state != "migration_starting":
                finish(s)
                return
            pool = next((p for p in self._driver.pools()
                         if p.host == params.get("host")), None)
            network = networks_db.get_network(s, params.get("network_id") or "")
            subnets = network.subnets_in(pool.availability_zone) \
                if network is not None and pool is not None else []
            compat = self._compatibility(ServerMigrationRequest(
                host=params.get("host", ""), writable=bool(params.get("writable")),
                nondisruptive=bool(params.get("nondisruptive")),
                preserve_snapshots=bool(params.get("preserve_snapshots"))),
                network.id if network else "", False)
            if pool is None or network is None or not subnets or not compat["compatible"]:
                LOG.info("Share server %s cannot migrate to %s", source.id,
                         params.get("host"))
                self._fail_start(s, source.id)
                finish(s)
                return
            dest = servers_db.create(s, {
                "id": str(uuid.uuid4()), "share_network_id": network.id,
                "host": pool.host, "status": MIGRATING_TO, "is_auto_deletable": True,
                "task_state": IN_PROGRESS, "source_share_server_id": source.id,
                "security_service_update_support": True,
                "network_allocation_update_support": True,
                "created_at": networks_db.now()},
                tuple(sorted(sub.id for sub in subnets)))
            try:
                self.servers.allocate(s, dest, network)
            except (net_driver.NetworkError, net_driver.SecurityServiceRefused) as failure:
                LOG.info("Share server %s: no network at the destination: %s",
                         source.id, failure)
                servers_db.delete_server(s, dest.id)
                self._fail_start(s, source.id)
                finish(s)
                return
            servers_db.update(s, dest.id, identifier=dest.id)
            servers_db.update(s, source.id, task_state=IN_PROGRESS)
            self._queue.enqueue(s, CONTINUE, dest.id, request_id=op.request_id,
                                progress=0)
            finish(s)
        self._queue.wake()

    def _fail_start(self, s: Session, source_id: str) -> None:
        servers_db.update(s, source_id, task_state="migration_error", status="active")
        self._set_resources(s, source_id, "available", expected=MIGRATING)

    def _run_continue(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        """The periodic continue of Manila's manager, on the destination."""
        progress = int(json.loads(op.payload or "{}").get("progress", 0)) + DRIVER_STEP
        with self._db.write() as s:
            dest = servers_db.get(s, op.resource_id)
            if dest is None or dest.status != MIGRATING_TO or dest.task_state != IN_PROGRESS:
                finish(s)
                return
            source = servers_db.get(s, dest.source_share_server_id or "")
            if source is None or source.status != MIGRATING:
                servers_db.update(s, dest.id, task_state="migration_error",
                                  status="error")
            elif progress >= 100:
                for server_id in (source.id, dest.id):
                    servers_db.update(s, server_id, task_state=PHASE1_DONE)
            else:
                self._queue.enqueue(s, CONTINUE, dest.id, request_id=op.request_id,
                                    progress=progress)
            finish(s)
        self._queue.wake()

    # -- complete, cancel, progress ------------------------------------------------------

    def _destination(self, s: Session, source_id: str, status: str
                     ) -> records.ShareServer:
        found = servers_db.list_all(s, source_share_server_id=source_id, status=status)
        if not found:
            raise _bad(f"A destination share server wasn't found for source share "
                       f"server {source_id}.")
        if len(found) > 1:
            raise _bad(f"More than one destination share server was found for source "
                       f"share server {source_id}. Aborting...")
        return found[0]

    def complete(self, server_id: str, request_id: str | None) -> str:
        with self._db.write() as s:
            server = self._get(s, server_id, for_update=True)
            if server.status != MIGRATING:
                raise _bad(f"Share server {server.id} is not migrating")
            if server.task_state != PHASE1_DONE:
                raise _bad("The first phase of migration has to finish to request the "
                           f"completion of server {server.id}'s migration.")
            dest = self._destination(s, server.id, MIGRATING_TO)
            for server_id_ in (server.id, dest.id):
                servers_db.update(s, server_id_, task_state="migration_completing")
            self._queue.enqueue(s, COMPLETE, server.id, request_id=request_id,
                                dest=dest.id)
        self._queue.wake()
        return dest.id

    def _run_complete(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        dest_id = json.loads(op.payload or "{}").get("dest", "")
        with self._db.write() as s:
            source = servers_db.get(s, op.resource_id)
            dest = servers_db.get(s, dest_id)
            if source is None or dest is None \
                    or source.task_state != "migration_completing":
                finish(s)
                return
            pool = next((p for p in self._driver.pools() if p.host == dest.host), None)
            for share_id in servers_db.share_ids(s, source.id):
                share = shares_db.get(s, share_id)
                if share is None:
                    continue
                shares_db.update(
                    s, share_id, share_server_id=dest.id,
                    host=pool.name if pool else dest.host,
                    share_network_id=dest.share_network_id,
                    availability_zone=pool.availability_zone if pool
                    else share.availability_zone)
                user, admin = self.servers.user_ips(s, dest.id)
                shares_db.set_export_locations(s, share_id, [
                    e.row() for e in net_driver.export_paths(
                        share.id, share.share_proto, user, admin)])
            self._set_resources_moved(s, dest.id)
            servers_db.update(s, dest.id, task_state="migration_success", status="active",
                              identifier=dest.identifier or source.identifier)
            servers_db.update(s, source.id, task_state="migration_success",
                              status="inactive")
            # Manila's manager deletes the source once its shares left it.
            self.servers.release(s, [source.id], op.request_id)
            finish(s)
        self._queue.wake()

    def _set_resources_moved(self, s: Session, dest_id: str) -> None:
        self._set_resources(s, dest_id, "available", expected=MIGRATING)

    def cancel(self, server_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            server = self._get(s, server_id, for_update=True)
            if server.status != MIGRATING:
                raise _bad(f"Migration of share server {server.id} cannot be cancelled "
                           "because the provided share server is not being migrated.")
            if server.task_state not in (PHASE1_DONE, IN_PROGRESS):
                raise _bad(state_message(server) or (
                    f"Migration of share server {server.id} can be cancelled only after "
                    "the driver already started the migration, or when the first phase "
                    "of the migration gets completed."))
            dest = self._destination(s, server.id, MIGRATING_TO)
            servers_db.update(s, server.id, task_state="migration_cancel_in_progress")
            self._queue.enqueue(s, CANCEL, server.id, request_id=request_id,
                                dest=dest.id)
        self._queue.wake()

    def _run_cancel(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        dest_id = json.loads(op.payload or "{}").get("dest", "")
        with self._db.write() as s:
            source = servers_db.get(s, op.resource_id)
            if source is None or source.task_state != "migration_cancel_in_progress":
                finish(s)
                return
            if servers_db.get(s, dest_id) is not None:
                servers_db.update(s, dest_id, task_state="migration_cancelled",
                                  status="inactive")
            self._set_resources(s, source.id, "available", expected=MIGRATING)
            servers_db.update(s, source.id, task_state="migration_cancelled",
                              status="active")
            finish(s)

    def progress(self, server_id: str) -> dict[str, Any]:
        """Manila's share_server_migration_get_progress."""
        with self._db.read() as s:
            server = servers_db.get(s, server_id)
            if server is None:
                # Gone after a success: the destination answers.
                dest = self._destination(s, server_id, "active")
                return {"total_progress": 100, "destination_share_server_id": dest.id,
                        "task_state": dest.task_state}
            if server.status != MIGRATING:
                raise _bad(f"Migration progress of share server {server.id} cannot be "
                           "obtained. The provided share server is not being migrated.")
            found = servers_db.list_all(s, source_share_server_id=server.id,
                                        status=MIGRATING_TO)
            if len(found) != 1:
                return {"destination_share_server_id": "", "task_state": "",
                        **(self._state_progress(server) or {})}
            dest = found[0]
            if server.task_state == IN_PROGRESS:
                result: dict[str, Any] | None = {
                    "total_progress": servers_db.migration_progress(s, dest.id, CONTINUE)}
            else:
                result = self._state_progress(server)
        if not result or result.get("total_progress") is None:
            raise _bad(state_message(server) or (
                f"Migration progress of share server {server.id} cannot be obtained at "
                "this moment."))
        return {**result, "destination_share_server_id": dest.id,
                "task_state": dest.task_state}

    @staticmethod
    def _state_progress(server: records.ShareServer) -> dict[str, int] | None:
        if server.task_state in _DONE:
            return {"total_progress": 100}
        if server.task_state in _NOT_YET:
            return {"total_progress": 0}
        return None

    def reset_task_state(self, server_id: str, task_state: str | None) -> None:
        with self._db.write() as s:
            if servers_db.update(s, server_id, task_state=task_state) is None:
                raise server_not_found(server_id)

    def _give_up(self, op: records.Operation) -> None:
        with self._db.write() as s:
            server = servers_db.get(s, op.resource_id)
            if server is None:
                return
            if op.kind == CONTINUE:
                servers_db.update(s, server.id, task_state="migration_error",
                                  status="error")
            else:
                self._fail_start(s, server.id)
        LOG.error("Gave up on %s of share server %s", op.kind, op.resource_id)


def _backend(host: str) -> str:
    """host@backend#pool → backend (Manila's extract_host backend_name)."""
    return host.split("#")[0].partition("@")[2]
