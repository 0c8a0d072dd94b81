"""Bringing existing shares under management and letting them go (admin,
DHSS=False only, as the simulated back ends).

manage:   ``manage_starting`` → ``available`` | ``manage_error`` + message.
unmanage: ``unmanage_starting`` (``manage_error_unmanage_starting`` from
          ``manage_error``) → gone | ``unmanage_error`` + message.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services import messages
from manila_ui.backend.services import share_types
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.resource_locks import check_share_unlocked
from manila_ui.backend.services.share_servers import ShareServerService
from manila_ui.backend.services.shares import TRANSITIONAL
from manila_ui.backend.services.shares import hints
from manila_ui.backend.services.shares import qos_type_of
from manila_ui.backend.services.shares import type_attributes
from manila_ui.backend.types import records

LOG = logging.getLogger(__name__)

MANAGE = "manage_share"
UNMANAGE = "unmanage_share"
MANAGED_AT = "__managed_at"


@dataclasses.dataclass(frozen=True)
class ManagedShare:
    export_path: str
    service_host: str            # host@backend#pool
    protocol: str
    share_type: str | None = None
    name: Any = None              # as sent: stored as text
    description: Any = None
    is_public: bool = False
    driver_options: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    share_server_id: str | None = None    # DHSS=True types (2.49)


class ShareManageService(QueuedService):
    # Set by the registry: shares on share servers (services/share_servers.py).
    servers: ShareServerService | None = None

    def _handlers(self) -> dict[str, Handler]:
        return {MANAGE: self._run_manage, UNMANAGE: self._run_unmanage}

    def manage(self, request: ManagedShare, caller: Caller) -> records.Share:
        # Any scalar is stored as its text (as Manila); an object is refused.
        display_name = fields.text(request.name, "name")
        display_description = fields.text(request.description, "description")
        if "#" not in request.service_host:
            raise errors.Invalid("service_host parameter should contain pool.")
        backend = request.service_host.split("#", 1)[0]
        if backend not in {pool.host for pool in self._driver.pools()}:
            raise errors.NotFound(f"Service {backend} could not be found.")
        enabled = [p.upper() for p in self._conf.enabled_share_protocols]
        if request.protocol.upper() not in enabled:
            # Manila takes any protocol here and fails later; we refuse now.
            raise errors.Invalid(
                f"Invalid input received: Invalid share protocol provided: "
                f"{request.protocol}. It is either disabled or unsupported. "
                f"Available protocols: {enabled}.")
        with self._db.write() as s:
            name = request.share_type or self._conf.default_share_type
            share_type = types_db.get_by_name_or_id(s, name) if name else None
            if share_type is None:
                raise errors.NotFound(f"Share type with name {name} could not be found.")
            dhss = share_type.extra_specs.get(share_types.DHSS, "False")
            qos_type = qos_type_of(s, share_type)
            network_id = server_id = None
            if self.servers is not None:
                network_id, server_id = self.servers.check_manage_share(
                    s, request.share_server_id, share_types.parse_bool_spec(
                        share_types.DHSS, dhss))
            elif share_types.parse_bool_spec(share_types.DHSS, dhss):
                raise errors.Invalid(
                    "Invalid input received: Share Server ID parameter is required "
                    "when managing a share using a share type with "
                    "driver_handles_share_servers extra-spec set to True.")
            if shares_db.find_by_export_path(s, request.service_host,
                                             request.export_path):
                raise errors.Conflict("Invalid share: A share already exists with "
                                      "the export path specified.")
            share = shares_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "display_name": display_name,
                "display_description": display_description, "size": 0,
                "share_proto": request.protocol.upper(), "status": "manage_starting",
                "is_public": request.is_public, "share_type_id": share_type.id,
                "host": request.service_host, "created_at": shares_db.now(),
                "share_network_id": network_id, "share_server_id": server_id,
                "qos_type_id": qos_type.id if qos_type else None,
                **type_attributes(share_type),
            }, {})
            shares_db.set_export_locations(
                s, share.id, [(str(uuid.uuid4()), request.export_path, True, False)])
            self._queue.enqueue(s, MANAGE, share.id, request_id=caller.request_id,
                                driver_options=dict(request.driver_options))
        self._queue.wake()
        return share

    def unmanage(self, share_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, share_id, for_update=True)
            if share is None:
                raise errors.NotFound(f"Share {share_id} could not be found.")
            check_share_unlocked(s, share.id)
            if share.is_soft_deleted:
                raise errors.Refused(f"Share '{share.id} cannot be unmanaged, since "
                                     "it has been soft deleted.")
            if share.status in TRANSITIONAL:
                raise errors.Refused(
                    "Share with transitional state can not be unmanaged. Share "
                    f"'{share.id}' is in '{share.status}' state.")
            count = snapshots_db.count_for_share(s, share.id)
            if count:
                raise errors.Refused(f"Share '{share.id}' can not be unmanaged because "
                                     f"it has '{count}' dependent snapshot(s).")
            status = ("manage_error_unmanage_starting" if share.status == "manage_error"
                      else "unmanage_starting")
            shares_db.update(s, share.id, status=status)
            self._queue.enqueue(s, UNMANAGE, share.id, request_id=request_id)
        self._queue.wake()

    def _fail(self, s: Session, share: records.Share, status: str, action_id: str,
              op: records.Operation) -> None:
        shares_db.update(s, share.id, status=status)
        self._messages.record(
            s, project_id=share.project_id, resource_type="SHARE",
            resource_id=share.id, action_id=action_id,
            detail_id=messages.UNKNOWN_ERROR, request_id=op.request_id)

    def _run_manage(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        options = json.loads(op.payload or "{}").get("driver_options") or {}
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "manage_starting":
                finish(s)
                return
            pool = self._driver.pool(share.host)
            try:
                if pool is None:
                    raise simulated.DriverError(f"no pool {share.host}")
                locations = shares_db.export_locations(s, share.id, True)
                size, exports = self._driver.manage_existing(
                    locations[0].path if locations else "", share.id,
                    share.share_proto, options, hints(s, share))
                if share.share_server_id and self.servers is not None:
                    # Exported on the server's addresses, as its back end says.
                    exports = self.servers.export_paths_for(
                        s, share.share_server_id, exports[0].path, share.share_proto)
            except simulated.DriverError as failure:
                LOG.info("Managing share %s failed: %s", share.id, failure)
                self._fail(s, share, "manage_error", messages.CREATE, op)
                finish(s)
                return
            # Manila lets a managed share take the project over its quota (the
            # admin adjusts it afterwards); it counts from now on.
            shares_db.set_export_locations(s, share.id, [e.row() for e in exports])
            shares_db.update(s, share.id, status="available", size=size,
                             progress="100%", launched_at=shares_db.now(),
                             availability_zone=pool.availability_zone)
            metadata_db.update(s, metadata_db.SHARES, share.id,
                               {MANAGED_AT: str(shares_db.now())})
            finish(s)

    def _run_unmanage(self, op: records.Operation,
                      finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status not in ("unmanage_starting",
                                                     "manage_error_unmanage_starting"):
                finish(s)
                return
            try:
                self._driver.unmanage(share.id, hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Unmanaging share %s failed: %s", share.id, failure)
                self._fail(s, share, "unmanage_error", messages.DELETE, op)
                finish(s)
                return
            if self.servers is not None:
                self.servers.share_unmanaged(s, share)
            shares_db.delete_share(s, share.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {MANAGE: "manage_error", UNMANAGE: "unmanage_error"}[op.kind]
        with self._db.write() as s:
            if shares_db.get(s, op.resource_id) is not None:
                shares_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share %s", op.kind, op.resource_id)
