"""Shares: create, update, delete, and the rules they share with the
share actions (services/share_actions.py).

create:  ``creating`` → (scheduler, driver) → ``available`` | ``error`` + a
         user message.  From a snapshot: ``creating`` → (scheduler, driver)
         → ``creating_from_snapshot`` → ``available`` | ``error`` + message.
delete:  ``deleting`` → gone | ``error_deleting`` + message.  A share that
         never reached a pool is deleted at once, as in Manila.

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
from typing import TYPE_CHECKING
from typing import Any
from typing import Protocol

from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import qos_types as qos_db
from manila_ui.backend.db import share_backups as backups_db
from manila_ui.backend.db import share_group_snapshots as group_snapshots_db
from manila_ui.backend.db import share_groups as groups_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.db import snapshots as snapshots_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services import pools
from manila_ui.backend.services import scheduler
from manila_ui.backend.services import share_types
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_display_field
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.fields import check_sort
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import SHARE_CREATE_WORDS
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.quotas import share_deltas
from manila_ui.backend.services.resource_locks import check_share_unlocked
from manila_ui.backend.services.resource_locks import release_share_rule_locks
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareFilters
from manila_ui.backend.types.values import INT32_MAX
from manila_ui.backend.types.values import decimal
from manila_ui.backend.types.values import echo

if TYPE_CHECKING:
    from manila_ui.backend.services.services import ServiceService

LOG = logging.getLogger(__name__)

CREATE = "create_share"
CREATE_FROM_SNAPSHOT = "finish_share_from_snapshot"
DELETE = "delete_share"

# Statuses from which a share may be deleted (Manila's list).
DELETABLE = ("available", "error", "inactive")
# Manila's TRANSITIONAL_STATUSES: a share in one of them is busy.
TRANSITIONAL = ("creating", "deleting", "manage_starting", "unmanage_starting",
                "extending", "shrinking", "migrating", "migrating_to", "restoring",
                "reverting", "server_migrating", "server_migrating_to",
                "backup_restoring", "backup_creating", "ensuring",
                "reverting_to_snapshot")
# Manila's BUSY_TASK_STATES: a share migrating is busy.
BUSY_TASK_STATES = ("migration_starting", "migration_in_progress", "migration_completing",
                    "migration_driver_starting", "migration_driver_in_progress",
                    "migration_driver_phase1_done", "data_copying_starting",
                    "data_copying_in_progress", "data_copying_completing",
                    "data_copying_completed")
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
    # When creating from a snapshot, what the caller may see of it (the REST
    # layer decides visibility): the snapshot and its parent share.
    snapshot: records.Snapshot | None = None
    parent: records.Share | None = None
    # In a share group (the REST layer found it visible): the group, and
    # when the group is made from a group snapshot, the member copied.
    share_group: records.ShareGroup | None = None
    source_member: records.ShareGroupSnapshotMember | None = None


def _valid_size(size: object) -> int:
    """Manila's rule: an integer (or integer-like string) above zero."""
    value = decimal(size, 1, INT32_MAX, signed=True)
    if value is None:
        raise errors.Invalid(f"Invalid input received: Share size '{echo(size)}' must "
                             "be an integer and greater than 0.")
    return value


def type_attributes(share_type: records.ShareType | None) -> dict[str, object]:
    """Capabilities copied from the type onto the share at creation, so a
    later change of the type does not change existing shares."""
    specs = share_type.extra_specs if share_type else {}
    copied: dict[str, object] = {}
    for key, default in share_types.INFERRED_OPTIONAL.items():
        copied[key] = (share_types.parse_bool_spec(key, specs[key])
                       if key in specs else default)
    copied["replication_type"] = specs.get("replication_type")
    return copied


def _check_group(new: NewShare, group: records.ShareGroup,
                 share_type: records.ShareType | None) -> None:
    """Manila's checks of a share placed in a group (after its quotas)."""
    if new.source_member is None and group.status != "available":
        raise errors.Invalid(f"Share group status must be available, got "
                             f"{group.status}.")
    if share_type is not None and share_type.id not in group.share_type_ids:
        raise errors.Invalid(f"The specified share type ({share_type.id}) is not "
                             f"supported by the specified share group ({group.id}).")
    if group.share_network_id != new.share_network_id:
        raise errors.Invalid(f"The specified share network ({new.share_network_id}) is "
                             f"not supported by the specified share group ({group.id}).")


def _group_attributes(new: NewShare) -> dict[str, object]:
    if new.share_group is None:
        return {}
    member = new.source_member
    return {"share_group_id": new.share_group.id,
            "source_share_group_snapshot_member_id": member.id if member else None,
            # A group's shares live on its pool (a group from a group
            # snapshot: already there).
            "host": new.share_group.host if member else None}


def hints(s: Session, share: records.Share) -> dict[str, str]:
    """What steers the simulated driver: the type's extra specs overlaid
    with the share's metadata (see driver/simulated.py)."""
    found: dict[str, str] = {}
    if share.share_type_id:
        share_type = types_db.get(s, share.share_type_id)
        found.update(share_type.extra_specs if share_type else {})
    found.update(share.metadata)
    return found


def check_no_group_snapshot_members(s: Session, share_id: str) -> None:
    count = group_snapshots_db.count_members_of_share(s, share_id)
    if count:
        raise errors.Refused(f"Invalid share: Share still has {count} dependent share "
                             "group snapshot members.")
def qos_type_of(s: Session, share_type: records.ShareType | None) -> records.QosType | None:
    """The QoS type a share of ``share_type`` gets (its ``default_qos_type``
    extra spec, a name or an id); a type naming none that exists is refused."""
    wanted = (share_type.extra_specs if share_type else {}).get("default_qos_type")
    if not wanted:
        return None
    found = qos_db.get_by_name_or_id(s, wanted)
    if found is None:
        assert share_type is not None
        shown = {"id": share_type.id, "name": share_type.name,
                 "description": share_type.description,
                 "is_public": share_type.is_public,
                 "extra_specs": dict(share_type.extra_specs)}
        raise errors.Invalid(f"The 'default_qos_type' specified in the share type "
                             f"{shown} does not exist.")
    return found


def check_no_backups(s: Session, share_id: str) -> None:
    """A share with backups cannot be deleted (Manila's words)."""
    count = backups_db.count_for_share(s, share_id)
    if count:
        raise errors.Refused(f"Invalid share: Share still has {count} dependent backups.")


def type_specs(s: Session, share: records.Share) -> dict[str, str]:
    if not share.share_type_id:
        return {}
    share_type = types_db.get(s, share.share_type_id)
    return dict(share_type.extra_specs) if share_type else {}


class NetworkPlacement(Protocol):
    """Shares on share networks (services/share_servers.py)."""

    def check_request(self, s: Session, new: NewShare, dhss: bool) -> NewShare: ...

    def place(self, s: Session, share: records.Share, pool: simulated.Pool,
              request_id: str | None) -> bool: ...


class ShareService(QueuedService):
    # Set by the registry: the share-network checks and share servers, and
    # the services (which back ends take shares).
    networks: NetworkPlacement | None = None
    services: ServiceService | None = None

    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create,
                CREATE_FROM_SNAPSHOT: self._run_create_from_snapshot,
                DELETE: self._run_delete}

    # -- reads --------------------------------------------------------------

    def get(self, share_id: str) -> records.Share:
        with self._db.read() as s:
            share = shares_db.get(s, share_id)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def list_page(self, filters: ShareFilters, *, sort_key: str, sort_dir: str,
             limit: int | None, offset: int,
             with_count: bool) -> records.Page[records.Share]:
        check_sort(sort_key, sort_dir, shares_db.SORT_COLUMNS)
        with self._db.read() as s:
            return shares_db.list_page(s, filters, sort_key=sort_key,
                                       sort_dir=sort_dir.lower(), limit=limit,
                                       offset=offset, with_count=with_count)

    def export_locations(self, share_id: str, include_admin_only: bool,
                         replicas: bool = False) -> list[records.ExportLocation]:
        """The primary instance's (``replicas``: and its replicas')."""
        with self._db.read() as s:
            return shares_db.export_locations(s, share_id, include_admin_only, replicas)

    def export_location(self, share_id: str, el_id: str,
                        replicas: bool = False) -> records.ExportLocation:
        with self._db.read() as s:
            found = shares_db.export_location(s, share_id, el_id, replicas)
        if found is None:
            raise errors.NotFound(f"Export location '{el_id}' not found.")
        return found

    # -- create ---------------------------------------------------------------

    def _resolve_type(self, s: Session, new: NewShare,
                      caller: Caller) -> records.ShareType | None:
        if new.share_type:
            found = types_db.get_by_name_or_id(s, new.share_type)
            # A private type the project was not given is not found (Manila).
            if found is None or not (caller.is_admin or types_db.usable_by(
                    s, found, caller.project_id)):
                raise errors.NotFound("Share type not found.")
            return found
        if new.parent is not None:   # from a snapshot: the parent's type
            return (types_db.get(s, new.parent.share_type_id)
                    if new.parent.share_type_id else None)
        name = self._conf.default_share_type
        return types_db.get_by_name_or_id(s, name) if name else None

    def _check_snapshot_source(self, new: NewShare,
                               share_type: records.ShareType | None) -> NewShare:
        """Manila's checks of a create from a snapshot, in its order;
        returns the request with the zone to use."""
        snapshot, parent = new.snapshot, new.parent
        assert snapshot is not None and parent is not None
        if not parent.create_share_from_snapshot_support:
            raise errors.Invalid(
                f"A new share may not be created from snapshot '{snapshot.id}', "
                "because the snapshot's parent share does not have that capability.")
        if share_type is not None and share_type.id != parent.share_type_id:
            raise errors.Invalid(
                "Invalid input received: Invalid share type specified: the "
                "requested share type must match the type of the source share. If "
                "a share type is not specified when requesting a new share from a "
                "snapshot, the share type of the source share will be applied to "
                "the new share.")
        if snapshot.status != "available":
            raise errors.Invalid(
                "Invalid share snapshot: status must be 'available'.")
        if not new.size:   # no size (or 0): the snapshot's, as in Manila
            new = dataclasses.replace(new, size=snapshot.size)
        size = _valid_size(new.size)
        if size < (snapshot.size or 0):
            raise errors.Invalid(
                f"Invalid input received: Share size '{size}' must be equal or "
                "greater than snapshot size.")
        zone = new.availability_zone or parent.availability_zone
        if (zone != parent.availability_zone
                and not self._conf.use_scheduler_creating_share_from_snapshot):
            raise errors.Invalid(
                "Invalid input received: The specified availability zone must be "
                "the same as the parent share when creating from snapshot.")
        return dataclasses.replace(new, availability_zone=zone, size=size)

    def _check_request(self, s: Session, new: NewShare,
                       share_type: records.ShareType | None) -> int:
        """Manila's create checks, in Manila's order; returns the size."""
        specs = share_type.extra_specs if share_type else {}
        type_zones = [z for z in specs.get("availability_zones", "").split(",") if z]
        if new.availability_zone and type_zones and new.availability_zone not in type_zones:
            raise errors.Invalid(
                f"Share type {new.share_type or (share_type.name if share_type else '')} "
                f"is not supported within the availability zone chosen "
                f"{new.availability_zone}.")
        check_metadata(new.metadata)
        size = _valid_size(new.size)
        for key, compare, words in (
                ("provisioning:min_share_size", int.__lt__, "less than the minimum required"),
                ("provisioning:max_share_size", int.__gt__,
                 "greater than the maximum allowable")):
            bound = specs.get(key)
            limit = decimal(bound)
            if limit is not None and compare(size, limit):
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
        with self._db.write() as s:
            share = self.insert(s, new, caller)
            self._queue.enqueue(s, CREATE, share.id, request_id=caller.request_id)
        self._queue.wake()
        return share

    def insert(self, s: Session, new: NewShare, caller: Caller) -> records.Share:
        """The new share's row, ``creating`` (its creation not yet queued:
        a share group made from a group snapshot finishes its shares)."""
        check_display_field(new.name, "name")
        check_display_field(new.description, "description")
        self._quotas.lock(s, caller.project_id)
        if new.availability_zone:
            zone = az_db.get_by_name_or_id(s, new.availability_zone)
            if zone is None:
                raise errors.NotFound(f"Availability zone "
                                      f"{new.availability_zone} could not be found.")
            new = dataclasses.replace(new, availability_zone=zone.name)
        share_type = self._resolve_type(s, new, caller)
        if new.snapshot is not None:
            new = self._check_snapshot_source(new, share_type)
        new = self._share_network(s, new, share_type)
        size = self._check_request(s, new, share_type)
        qos_type = qos_type_of(s, share_type)
        owner = Owner(caller.project_id, caller.user_id,
                      share_type.id if share_type else None)
        deltas = share_deltas(size, bool(type_attributes(share_type)["replication_type"]))
        self._quotas.check(s, owner, deltas, SHARE_CREATE_WORDS)
        if new.share_group is not None:
            _check_group(new, new.share_group, share_type)
        share = shares_db.create(s, {
            "id": str(uuid.uuid4()),
            "project_id": caller.project_id, "user_id": caller.user_id,
            "display_name": new.name, "display_description": new.description,
            "size": size, "share_proto": new.share_proto.upper(),
            "status": "creating", "progress": None, "is_public": new.is_public,
            "share_type_id": share_type.id if share_type else None,
            "availability_zone": new.availability_zone,
            "snapshot_id": new.snapshot.id if new.snapshot else None,
            "share_network_id": new.share_network_id,
            "created_at": shares_db.now(),
            "qos_type_id": qos_type.id if qos_type else None,
            **type_attributes(share_type),
            **_group_attributes(new),
        }, new.metadata)
        # Counted again now that our row is in: a competitor that got in
        # first makes us roll back rather than both going over.
        self._quotas.recheck(s, owner, deltas, SHARE_CREATE_WORDS)
        return share

    def _share_network(self, s: Session, new: NewShare,
                       share_type: records.ShareType | None) -> NewShare:
        """Manila's share network checks (and the DHSS=True rule)."""
        specs = share_type.extra_specs if share_type else {}
        dhss = share_types.DHSS in specs and share_types.parse_bool_spec(
            share_types.DHSS, specs[share_types.DHSS])
        if self.networks is not None:
            # A group's share needs no network of its own (the group's).
            return self.networks.check_request(s, new, dhss and new.share_group is None)
        if new.share_network_id:
            raise errors.NotFound(f"Share network {new.share_network_id} could not be found.")
        if dhss:
            raise errors.Invalid("Share network must be set when the "
                                 "driver_handles_share_servers is true.")
        return new

    def _scheduler_request(self, s: Session, share: records.Share,
                           specs: Mapping[str, str]) -> scheduler.Request:
        snapshot_pool = only_pool = None
        if share.snapshot_id:
            snapshot = snapshots_db.get(s, share.snapshot_id)
            parent = shares_db.get(s, snapshot.share_id) if snapshot else None
            snapshot_pool = self._driver.pool(parent.host if parent else None)
            if not self._conf.use_scheduler_creating_share_from_snapshot:
                only_pool = parent.host if parent else None
        return scheduler.Request(size=share.size, share_proto=share.share_proto,
                                 availability_zone=share.availability_zone,
                                 extra_specs=specs, snapshot_pool=snapshot_pool,
                                 only_pool=only_pool,
                                 from_snapshot=share.snapshot_id is not None)

    def _group_pool(self, s: Session, share: records.Share) -> simulated.Pool | None:
        """A group's share goes to the group's pool, without scheduling."""
        if not share.share_group_id:
            return None
        group = groups_db.get(s, share.share_group_id)
        pool = self._driver.pool(group.host if group else None)
        if pool is None:
            raise scheduler.NoValidHost(None)
        return pool

    def _schedulable(self, s: Session, request: scheduler.Request) -> set[str] | None:
        """The back ends the scheduler may use: those whose share service is
        enabled and up (locked until the placement commits); a share bound
        to its snapshot's pool goes there whatever its service's state, as
        Manila's create from a snapshot without the scheduler."""
        if self.services is None:
            return None
        hosts = self.services.schedulable_hosts(s, lock=True)
        return None if request.only_pool else hosts

    def _fail(self, s: Session, share: records.Share, status: str, action_id: str,
              detail_id: str, request_id: str | None) -> None:
        """Leave the share in ``status`` with a user message saying why."""
        shares_db.update(s, share.id, status=status)
        self._messages.record(
            s, project_id=share.project_id, resource_type="SHARE",
            resource_id=share.id, action_id=action_id, detail_id=detail_id,
            request_id=request_id)

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "creating":
                finish(s)  # deleted or reset meanwhile: nothing to do
                return
            specs = type_specs(s, share)
            request = self._scheduler_request(s, share, specs)
            try:
                pool = self._group_pool(s, share) or scheduler.choose_pool(
                    pools.states(s, self._driver, self._schedulable(s, request)),
                    request).pool
            except scheduler.NoValidHost as failure:
                LOG.info("No valid host for share %s: %s", share.id, failure)
                self._fail(s, share, "error", failure.action_id,
                           failure.detail_id, op.request_id)
                finish(s)
                return
            if self.networks is not None and self.networks.place(s, share, pool,
                                                                 op.request_id):
                finish(s)   # on its share server, now or once the server is up
                self._queue.wake()
                return
            try:
                exports = self._driver.create_share(share.id, share.share_proto,
                                                    {**specs, **share.metadata})
            except simulated.DriverError as failure:
                LOG.info("Creating share %s failed: %s", share.id, failure)
                shares_db.update(s, share.id, host=pool.name,
                                 availability_zone=pool.availability_zone)
                self._fail(s, share, "error", messages.CREATE,
                           messages.UNKNOWN_ERROR, op.request_id)
                finish(s)
                return
            shares_db.set_export_locations(s, share.id, [e.row() for e in exports])
            if share.snapshot_id:
                # The data is still being copied: one more step.
                shares_db.update(s, share.id, status="creating_from_snapshot",
                                 host=pool.name, launched_at=shares_db.now(),
                                 availability_zone=pool.availability_zone)
                self._queue.enqueue(s, CREATE_FROM_SNAPSHOT, share.id,
                                    request_id=op.request_id)
            else:
                shares_db.update(s, share.id, status="available", progress="100%",
                                 host=pool.name, launched_at=shares_db.now(),
                                 availability_zone=pool.availability_zone)
            finish(s)
        self._queue.wake()

    def _run_create_from_snapshot(self, op: records.Operation,
                                  finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is None or share.status != "creating_from_snapshot":
                finish(s)
                return
            try:
                self._driver.finish_create_from_snapshot(share.id, hints(s, share))
            except simulated.DriverError as failure:
                LOG.info("Share %s from a snapshot failed: %s", share.id, failure)
                # Manila reports this from its status poll: action "update".
                self._fail(s, share, "error", messages.UPDATE,
                           messages.DRIVER_FAILED_CREATING_FROM_SNAP, op.request_id)
                finish(s)
                return
            shares_db.update(s, share.id, status="available", progress="100%")
            finish(s)

    # -- update and delete ----------------------------------------------------

    def update(self, share_id: str, changes: Mapping[str, Any]) -> records.Share:
        """Change ``display_name``, ``display_description``, ``is_public``."""
        for field in ("display_name", "display_description"):
            value = changes.get(field)
            check_display_field(value if isinstance(value, str) else None, field)
        with self._db.write() as s:
            current = shares_db.get(s, share_id, for_update=True)
            if current is not None and current.is_soft_deleted:
                # Manila's wording, unbalanced quote included.
                raise errors.Refused(f"Share '{share_id} cannot be updated, since "
                                     "it has been soft deleted.")
            share = shares_db.update(s, share_id, **changes)
        if share is None:
            raise errors.NotFound(f"Share {share_id} could not be found.")
        return share

    def delete(self, share: records.Share, force: bool = False) -> None:
        """Delete (``force``: whatever the status, admins only, and whatever
        the back end answers), as Manila's checks and messages say."""
        with self._db.write() as s:
            current = shares_db.get(s, share.id, for_update=True)
            if current is None:
                raise errors.NotFound(f"Share {share.id} could not be found.")
            self.start_delete(s, current, force)
        self._queue.wake()

    def start_delete(self, s: Session, share: records.Share, force: bool,
                     request_id: str | None = None) -> None:
        check_share_unlocked(s, share.id)
        if not force and share.status not in DELETABLE:
            raise errors.Refused(
                f"Invalid share: Share status must be one of {DELETABLE}.")
        if share.has_replicas:
            raise errors.Conflict(f"Share {share.id} has replicas. Remove the replicas "
                                  "before deleting the share.")
        count = snapshots_db.count_for_share(s, share.id)
        if count:
            raise errors.Refused(
                f"Invalid share: Share still has {count} dependent snapshots.")
        check_no_group_snapshot_members(s, share.id)
        check_no_backups(s, share.id)
        if share.task_state in BUSY_TASK_STATES:
            raise errors.Invalid(f"Share is busy with an active task: Share {share.id} "
                                 f"is busy as part of an active task: {share.task_state}.")
        if not share.host:
            shares_db.delete_share(s, share.id)  # never placed: gone now
            return
        shares_db.update(s, share.id, status="deleting")
        self._queue.enqueue(s, DELETE, share.id, request_id=request_id, force=force)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        force = bool(json.loads(op.payload or "{}").get("force"))
        with self._db.write() as s:
            share = shares_db.get(s, op.resource_id)
            if share is not None and share.status == "deleting":
                try:
                    self._driver.delete_share(share.id, hints(s, share))
                except simulated.DriverError as failure:
                    if not force:   # a forced delete ignores the back end
                        LOG.info("Deleting share %s failed: %s", share.id, failure)
                        self._fail(s, share, "error_deleting", messages.DELETE,
                                   messages.UNKNOWN_ERROR, op.request_id)
                        finish(s)
                        return
                release_share_rule_locks(s, share.id)
                shares_db.delete_share(s, share.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", CREATE_FROM_SNAPSHOT: "error",
                  DELETE: "error_deleting"}[op.kind]
        with self._db.write() as s:
            if shares_db.get(s, op.resource_id) is not None:
                shares_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share %s (%s)", op.kind, op.resource_id,
                  json.loads(op.payload or "{}"))
