"""Shares: the state machine and its rules.

create:  ``creating`` → (scheduler, driver) → ``available`` | ``error`` + a
         user message.
delete:  ``deleting`` → gone.  A share that never reached a pool is
         deleted at once, as in Manila.

The checks and their messages follow Manila's share API; who may see or
change which share is decided by the REST layer's policy checks.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from typing import Any

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import records
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.db.shares import ShareFilters
from manila_ui.backend.driver.simulated import SimulatedDriver
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services import scheduler
from manila_ui.backend.services import share_types
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.operations import OperationQueue
from manila_ui.backend.services.quotas import QuotaService

LOG = logging.getLogger(__name__)

CREATE = "create_share"
DELETE = "delete_share"

# Statuses from which a share may be deleted (Manila's list).
DELETABLE = ("available", "error", "inactive")
DISPLAY_FIELD_MAX = 255
DB_MAX_INT = 0x7FFFFFFF
SORT_KEYS = tuple(shares_db.SORT_COLUMNS)


@dataclasses.dataclass(frozen=True)
class NewShare:
    share_proto: str
    size: object                      # validated here, as Manila does
    name: str | None = None
    description: str | None = None
    share_type: str | None = None     # name or id
    availability_zone: str | None = None
    metadata: Mapping[str, str] = dataclasses.field(default_factory=dict)
    is_public: bool = False
    snapshot_id: str | None = None
    share_network_id: str | None = None


def check_display_field(value: str | None, field: str) -> None:
    if value and len(value) > DISPLAY_FIELD_MAX:
        raise errors.Invalid(f"Invalid input received: {field} can only be "
                             f"{DISPLAY_FIELD_MAX} characters long.")


def check_metadata(metadata: Mapping[str, str]) -> None:
    for key, value in metadata.items():
        if not key:
            raise errors.Invalid("Metadata property key is blank.")
        if len(key) > 255:
            raise errors.Invalid("Metadata property key is greater than 255 characters.")
        if not value:
            raise errors.Invalid("Metadata property value is blank.")
        if len(value) > 1023:
            raise errors.Invalid(
                "Metadata property value is greater than 1023 characters.")


def _valid_size(size: object) -> int:
    """Manila's rule: an integer (or integer-like string) above zero."""
    text = str(size).strip() if isinstance(size, (int, str)) else None
    if isinstance(size, bool) or text is None or not text.lstrip("-").isdigit():
        raise errors.Invalid(f"Invalid input received: Share size '{size}' must "
                             "be an integer and greater than 0.")
    value = int(text)
    if value <= 0 or value > DB_MAX_INT:
        raise errors.Invalid(f"Invalid input received: Share size '{size}' must "
                             "be an integer and greater than 0.")
    return value


def _type_attributes(share_type: records.ShareType | None) -> dict[str, object]:
    """Capabilities copied from the type onto the share at creation, so a
    later change of the type does not change existing shares."""
    specs = share_type.extra_specs if share_type else {}
    copied: dict[str, object] = {}
    for key, default in share_types.INFERRED_OPTIONAL.items():
        copied[key] = (share_types.parse_bool_spec(key, specs[key])
                       if key in specs else default)
    copied["replication_type"] = specs.get("replication_type")
    return copied


class ShareService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, queue: OperationQueue,
                 driver: SimulatedDriver, quotas: QuotaService,
                 message_service: messages.MessageService) -> None:
        self._db = db
        self._conf = conf
        self._queue = queue
        self._driver = driver
        self._quotas = quotas
        self._messages = message_service
        queue.register(CREATE, self._run_create, self._give_up)
        queue.register(DELETE, self._run_delete, self._give_up)

    # -- reads --------------------------------------------------------------

    def get(self, share_id: str) -> records.Share:
        with self._db.read() as s:
            share = shares_db.get(s, share_id)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def list_page(self, filters: ShareFilters, *, sort_key: str, sort_dir: str,
             limit: int | None, offset: int, with_count: bool) -> records.Page:
        if sort_key not in shares_db.SORT_COLUMNS:
            raise errors.Invalid(
                f"Invalid input received: Wrong sorting key provided - '{sort_key}'.")
        if sort_dir.lower() not in ("asc", "desc"):
            raise errors.Invalid(
                "Invalid input received: Wrong sorting data provided: sort key "
                f"is '{sort_key}' and sort direction is '{sort_dir}'.")
        with self._db.read() as s:
            return shares_db.list_page(s, filters, sort_key=sort_key,
                                       sort_dir=sort_dir.lower(), limit=limit,
                                       offset=offset, with_count=with_count)

    def export_locations(self, share_id: str,
                         include_admin_only: bool) -> list[records.ExportLocation]:
        with self._db.read() as s:
            return shares_db.export_locations(s, share_id, include_admin_only)

    def export_location(self, share_id: str, el_id: str) -> records.ExportLocation:
        with self._db.read() as s:
            found = shares_db.export_location(s, share_id, el_id)
        if found is None:
            raise errors.NotFound(f"Export location '{el_id}' not found.")
        return found

    # -- create ---------------------------------------------------------------

    def _resolve_type(self, s: Session, new: NewShare) -> records.ShareType | None:
        if new.share_type:
            found = types_db.get_by_name_or_id(s, new.share_type)
            if found is None:
                raise errors.NotFound("Share type not found.")
            return found
        name = self._conf.default_share_type
        return types_db.get_by_name_or_id(s, name) if name else None

    def _check_request(self, s: Session, new: NewShare,
                       share_type: records.ShareType | None) -> int:
        """Manila's create checks, in Manila's order; returns the size."""
        specs = share_type.extra_specs if share_type else {}
        if new.share_network_id:
            raise errors.NotFound(
                f"Share network {new.share_network_id} could not be found.")
        dhss = specs.get(share_types.DHSS)
        if dhss is not None and share_types.parse_bool_spec(share_types.DHSS, dhss):
            raise errors.Invalid("Share network must be set when the "
                                 "driver_handles_share_servers is true.")
        type_zones = [z for z in specs.get("availability_zones", "").split(",") if z]
        if new.availability_zone and type_zones and new.availability_zone not in type_zones:
            raise errors.Invalid(
                f"Share type {new.share_type or (share_type.name if share_type else '')} "
                f"is not supported within the availability zone chosen "
                f"{new.availability_zone}.")
        if new.snapshot_id:
            raise errors.NotFound(f"Snapshot {new.snapshot_id} could not be found.")
        check_metadata(new.metadata)
        size = _valid_size(new.size)
        for key, compare, words in (
                ("provisioning:min_share_size", int.__lt__, "less than the minimum required"),
                ("provisioning:max_share_size", int.__gt__,
                 "greater than the maximum allowable")):
            bound = specs.get(key)
            if bound and bound.strip().isdigit() and compare(size, int(bound)):
                assert share_type is not None
                raise errors.Invalid(
                    f"Invalid input received: Specified share size of '{size}' is "
                    f"{words} size of '{bound}' for share type '{share_type.name}'.")
        enabled = [p.upper() for p in self._conf.enabled_share_protocols]
        if not new.share_proto or new.share_proto.upper() not in enabled:
            raise errors.Invalid(
                f"Invalid input received: Invalid share protocol provided: "
                f"{new.share_proto}. It is either disabled or unsupported. "
                f"Available protocols: {enabled}.")
        return size

    def create(self, new: NewShare, caller: Caller) -> records.Share:
        check_display_field(new.name, "name")
        check_display_field(new.description, "description")
        with self._db.write() as s:
            self._quotas.lock(s, caller.project_id)
            if new.availability_zone:
                zone = az_db.get_by_name_or_id(s, new.availability_zone)
                if zone is None:
                    raise errors.NotFound(f"Availability zone "
                                          f"{new.availability_zone} could not be found.")
                new = dataclasses.replace(new, availability_zone=zone.name)
            share_type = self._resolve_type(s, new)
            size = self._check_request(s, new, share_type)
            self._quotas.check_share_size(s, caller.project_id, size)
            self._quotas.check_shares(s, caller.project_id, 1, size)
            share = shares_db.create(s, {
                "id": str(uuid.uuid4()),
                "project_id": caller.project_id, "user_id": caller.user_id,
                "display_name": new.name, "display_description": new.description,
                "size": size, "share_proto": new.share_proto.upper(),
                "status": "creating", "progress": None, "is_public": new.is_public,
                "share_type_id": share_type.id if share_type else None,
                "availability_zone": new.availability_zone,
                "created_at": shares_db.now(),
                **_type_attributes(share_type),
            }, new.metadata)
            # Counted again now that our row is in: a competitor that got in
            # first makes us roll back rather than both going over.
            self._quotas.check_shares(s, caller.project_id, 0, 0)
            self._queue.enqueue(s, CREATE, share.id, request_id=caller.request_id)
        self._queue.wake()
        return share

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "creating":
                finish(s)  # deleted or reset meanwhile: nothing to do
                return
            specs = {}
            if share.share_type_id:
                share_type = types_db.get(s, share.share_type_id)
                specs = dict(share_type.extra_specs) if share_type else {}
            request = scheduler.Request(size=share.size, share_proto=share.share_proto,
                                        availability_zone=share.availability_zone,
                                        extra_specs=specs)
            try:
                pool = scheduler.choose_pool(self._driver.pools(),
                                             shares_db.allocated_by_host(s), request)
            except scheduler.NoValidHost as failure:
                LOG.info("No valid host for share %s: %s", share.id, failure)
                shares_db.update(s, share.id, status="error")
                self._messages.record(
                    s, project_id=share.project_id, resource_type="SHARE",
                    resource_id=share.id, action_id=messages.ALLOCATE_HOST,
                    detail_id=failure.detail_id, request_id=op.request_id)
                finish(s)
                return
            exports = self._driver.create_share(share.id, share.share_proto)
            shares_db.set_export_locations(
                s, share.id, [(e.id, e.path, e.preferred) for e in exports])
            shares_db.update(s, share.id, status="available", progress="100%",
                             host=pool.name, launched_at=shares_db.now(),
                             availability_zone=pool.availability_zone)
            finish(s)

    # -- update and delete ----------------------------------------------------

    def update(self, share_id: str, changes: Mapping[str, Any]) -> records.Share:
        """Change ``display_name``, ``display_description``, ``is_public``."""
        for field in ("display_name", "display_description"):
            value = changes.get(field)
            check_display_field(value if isinstance(value, str) else None, field)
        with self._db.write() as s:
            share = shares_db.update(s, share_id, **changes)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def delete(self, share: records.Share) -> None:
        if share.status not in DELETABLE:
            raise errors.Refused(
                f"Invalid share: Share status must be one of {DELETABLE}.")
        with self._db.write() as s:
            current = shares_db.get(s, share.id)
            if current is None:
                raise errors.NotFound(f"Share {share.id} could not be found.")
            if current.status not in DELETABLE:
                raise errors.Refused(
                    f"Invalid share: Share status must be one of {DELETABLE}.")
            if not current.host:
                shares_db.delete_share(s, share.id)  # never placed: gone now
                return
            shares_db.update(s, share.id, status="deleting")
            self._queue.enqueue(s, DELETE, share.id)
        self._queue.wake()

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is not None and share.status == "deleting":
                self._driver.delete_share(share.id)
                shares_db.delete_share(s, share.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", DELETE: "error_deleting"}[op.kind]
        with self._db.write() as s:
            if shares_db.get(s, op.resource_id) is not None:
                shares_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share %s (%s)", op.kind, op.resource_id,
                  json.loads(op.payload or "{}"))
