"""Share groups: the state machine and its rules.

create:  ``creating`` → (group scheduler, driver) → ``available`` | ``error``
         + a user message.  From a group snapshot: the group takes the source
         group's pool, types and network, and one new share per member, all
         ``creating`` until the driver made them at once.
delete:  ``deleting`` → gone | ``error_deleting``.  A group never placed goes
         at once; one with shares or group snapshots is refused.

Checks and messages follow Manila's share group API; who may see which
group is the REST layer's business.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence

from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import share_group_snapshots as group_snapshots_db
from manila_ui.backend.db import share_group_types as group_types_db
from manila_ui.backend.db import share_groups as groups_db
from manila_ui.backend.db import share_types as types_db
from manila_ui.backend.db import shares as shares_db
from manila_ui.backend.driver import simulated
from manila_ui.backend.driver.capacity import Usage
from manila_ui.backend.services import errors
from manila_ui.backend.services import messages
from manila_ui.backend.services import pools
from manila_ui.backend.services import scheduler
from manila_ui.backend.services import share_types
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_sort_key
from manila_ui.backend.services.operations import Handler
from manila_ui.backend.services.queued import QueuedService
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.shares import NewShare
from manila_ui.backend.services.shares import ShareService
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import ShareGroupFilters

LOG = logging.getLogger(__name__)

CREATE = "create_share_group"
DELETE = "delete_share_group"

DELETABLE = ("available", "error")
QUOTA_WORDS = {"share_groups": "ShareGroupsLimitExceeded: Maximum number of allowed "
                               "share-groups is exceeded."}


def check_sort(sort_key: str, sort_dir: str, columns: Sequence[str]) -> None:
    """Manila sorts groups and group snapshots on any column."""
    if sort_dir.lower() not in ("asc", "desc"):
        raise errors.Invalid(
            "Invalid input received: Wrong sorting data provided: sort key is "
            f"'{sort_key}' and sort direction is '{sort_dir}'.")
    check_sort_key(sort_key, columns)


@dataclasses.dataclass(frozen=True)
class NewGroup:
    """A group asked for; what the caller may see of the group type, the
    share network and the source group snapshot (None: not found)."""

    group_type_id: str
    group_type: records.ShareGroupType | None
    name: str | None = None
    description: str | None = None
    share_type_ids: tuple[str, ...] = ()
    share_network_id: str | None = None
    share_network_found: bool = True
    availability_zone: records.AvailabilityZone | None = None
    source: records.ShareGroupSnapshot | None = None


class ShareGroupService(QueuedService):
    # Set by the registry: the share service, which makes a group's shares.
    shares: ShareService | None = None

    def _handlers(self) -> dict[str, Handler]:
        return {CREATE: self._run_create, DELETE: self._run_delete}

    # -- reads ------------------------------------------------------------------

    def get(self, group_id: str) -> records.ShareGroup:
        with self._db.read() as s:
            group = groups_db.get(s, group_id)
        if group is None:
            raise errors.NotFound(f"Share group {group_id} could not be found.")
        return group

    @staticmethod
    def filter_keys() -> list[str]:
        """What Manila filters groups on: every column of its model."""
        return [*groups_db.COLUMNS, *groups_db.OTHER_FILTERS]

    def list_page(self, filters: ShareGroupFilters, *, sort_key: str, sort_dir: str,
                  limit: int | None, offset: int) -> list[records.ShareGroup]:
        check_sort(sort_key, sort_dir, list(groups_db.COLUMNS))
        with self._db.read() as s:
            return groups_db.list_page(s, filters, sort_key=sort_key,
                                       sort_dir=sort_dir.lower(), limit=limit,
                                       offset=offset)

    # -- create ------------------------------------------------------------------

    def create(self, new: NewGroup, caller: Caller) -> records.ShareGroup:
        """Manila's share group API checks, in its order, then the row (and
        from a group snapshot, one share per member)."""
        with self._db.write() as s:
            self._quotas.lock(s, caller.project_id)
            source_group = None
            if new.source is not None:
                if new.source.status != "available":
                    raise errors.Conflict("Invalid share group snapshot: Share group "
                                          "snapshot status must be available.")
                source_group = groups_db.get(s, new.source.share_group_id)
                assert source_group is not None   # a group with snapshots stays
                new = dataclasses.replace(
                    new, share_type_ids=source_group.share_type_ids,
                    share_network_id=source_group.share_network_id)
            types = self._share_types(s, new, caller)
            group_type = new.group_type
            if group_type is None:
                raise errors.Invalid(f"Invalid input received: The specified share group "
                                     f"type {new.group_type_id} does not exist.")
            if not set(new.share_type_ids) <= set(group_type.share_type_ids):
                raise errors.Invalid(
                    "Invalid input received: The specified share types must be a subset "
                    "of the share types supported by the share group type.")
            self._check_zones(new, types or self._types_of(s, group_type))
            owner = Owner(caller.project_id, caller.user_id)
            self._quotas.check(s, owner, {"share_groups": 1}, QUOTA_WORDS)
            zone_id = (source_group.availability_zone_id if source_group
                       else new.availability_zone.id if new.availability_zone else None)
            group = groups_db.create(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "name": new.name,
                "description": new.description, "status": "creating",
                "host": source_group.host if source_group else None,
                "share_group_type_id": group_type.id,
                "share_network_id": new.share_network_id,
                "share_server_id": source_group.share_server_id if source_group else None,
                "availability_zone_id": zone_id,
                "source_share_group_snapshot_id": new.source.id if new.source else None,
                "created_at": shares_db.now(),
            }, new.share_type_ids or group_type.share_type_ids)
            self._quotas.recheck(s, owner, {"share_groups": 1}, QUOTA_WORDS)
            if new.source is not None:
                self._copy_members(s, group, new.source, caller)
            self._queue.enqueue(s, CREATE, group.id, request_id=caller.request_id)
        self._queue.wake()
        return group

    def _share_types(self, s: Session, new: NewGroup,
                     caller: Caller) -> list[records.ShareType]:
        found = []
        dhss: bool | None = None
        for type_id in new.share_type_ids:
            share_type = types_db.get(s, type_id)
            if share_type is None or not (caller.is_admin or types_db.usable_by(
                    s, share_type, caller.project_id)):
                raise errors.Invalid(f"Share type with id {type_id} could not be found.")
            found.append(share_type)
            specs = share_type.extra_specs
            if not specs:
                continue
            this = share_types.parse_bool_spec(share_types.DHSS,
                                               specs.get(share_types.DHSS, "False"))
            if dhss is None:
                dhss = this
            elif dhss != this:
                raise errors.Invalid(
                    "Invalid input received: The specified share_types cannot have "
                    "conflicting values for the driver_handles_share_servers extra "
                    "spec.")
            if not this and new.share_network_id:
                raise errors.Invalid(
                    "Invalid input received: When using a share types with the "
                    "driver_handles_share_servers extra spec as False, a "
                    "share_network_id must not be provided.")
        if new.share_network_id and not new.share_network_found:
            raise errors.Invalid("Invalid input received: The specified share network "
                                 "does not exist.")
        if dhss and not (new.source or new.share_network_id):
            raise errors.Invalid(
                "Invalid input received: When using a share type with the "
                "driver_handles_share_servers extra spec as True, a share_network_id "
                "must be provided.")
        return found

    @staticmethod
    def _types_of(s: Session, group_type: records.ShareGroupType
                  ) -> list[records.ShareType]:
        return [t for t in (types_db.get(s, i) for i in group_type.share_type_ids) if t]

    @staticmethod
    def _check_zones(new: NewGroup, types: list[records.ShareType]) -> None:
        """Every share type must allow the zone asked for."""
        zone = new.availability_zone.name if new.availability_zone else None
        refused = []
        for share_type in types:
            allowed = [z for z in share_type.extra_specs.get(
                "availability_zones", "").split(",") if z]
            if zone and allowed and zone not in allowed:
                refused.append(f"{share_type.name} (ID: {share_type.id})")
        if refused:
            raise errors.Invalid(
                "Invalid input received: Share group cannot be created since the "
                "following share types are not supported within the availability "
                f"zone '{zone}': ({', '.join(refused)}).")

    def _copy_members(self, s: Session, group: records.ShareGroup,
                      source: records.ShareGroupSnapshot, caller: Caller) -> None:
        """One new share per member, on the source group's pool; quotas
        count each (Manila makes them with its share API)."""
        assert self.shares is not None
        zone = az_db.get_by_name_or_id(s, group.availability_zone_id or "")
        for member in source.members:
            parent = shares_db.get(s, member.share_id)
            self.shares.insert(s, NewShare(
                share_proto=member.share_proto, size=member.size,
                share_type=parent.share_type_id if parent else None,
                availability_zone=zone.name if zone else None,
                share_network_id=group.share_network_id,
                share_group=group, source_member=member), caller)

    # -- update, delete, admin actions ------------------------------------------

    def update(self, group_id: str, changes: Mapping[str, object]) -> records.ShareGroup:
        with self._db.write() as s:
            group = groups_db.update(s, group_id, **changes)
        if group is None:
            raise errors.NotFound(f"Share group {group_id} could not be found.")
        return group

    def delete(self, group_id: str, request_id: str | None) -> None:
        with self._db.write() as s:
            group = self._locked(s, group_id)
            if not group.host:
                groups_db.destroy(s, group.id)   # never placed: gone now
                return
            if group.status not in DELETABLE:
                raise errors.Conflict("Invalid share group: Share group status must "
                                      f"be one of {DELETABLE}")
            if groups_db.count_snapshots(s, group.id):
                raise errors.Conflict("Invalid share group: Cannot delete a share "
                                      "group with snapshots")
            if groups_db.count_shares(s, group.id):
                raise errors.Conflict("Invalid share group: Cannot delete a share "
                                      "group with shares")
            groups_db.update(s, group.id, status="deleting")
            self._queue.enqueue(s, DELETE, group.id, request_id=request_id)
        self._queue.wake()

    def reset_status(self, group_id: str, status: str) -> None:
        with self._db.write() as s:
            self._locked(s, group_id)
            groups_db.update(s, group_id, status=status)

    def force_delete(self, group_id: str) -> None:
        """Manila's admin force delete, whatever the status: the group's
        snapshots go first (for good), then the group, unless it still has
        shares, which Manila's database refuses to drop (they have instances)."""
        with self._db.write() as s:
            self._locked(s, group_id)
            for snapshot_id in group_snapshots_db.ids_of_group(s, group_id):
                group_snapshots_db.destroy(s, snapshot_id)
        with self._db.write() as s:
            self._locked(s, group_id)
            share_ids = groups_db.share_ids(s, group_id)
            if share_ids:
                raise errors.Invalid(f"Share {share_ids[0]} has 1 share instances.")
            groups_db.destroy(s, group_id)

    # -- the steps ---------------------------------------------------------------

    @staticmethod
    def _locked(s: Session, group_id: str) -> records.ShareGroup:
        group = groups_db.get(s, group_id, for_update=True)
        if group is None:
            raise errors.NotFound(f"Share group {group_id} could not be found.")
        return group

    def _hints(self, s: Session, group: records.ShareGroup) -> dict[str, str]:
        """The share types' extra specs steer the simulated driver."""
        found: dict[str, str] = {}
        for type_id in group.share_type_ids:
            share_type = types_db.get(s, type_id)
            found.update(share_type.extra_specs if share_type else {})
        return found

    def _fail(self, s: Session, group: records.ShareGroup, action_id: str,
              detail_id: str, request_id: str | None, **values: object) -> None:
        groups_db.update(s, group.id, status="error", **values)
        self._messages.record(
            s, project_id=group.project_id, resource_type="SHARE_GROUP",
            resource_id=group.id, action_id=action_id, detail_id=detail_id,
            request_id=request_id)

    def _place(self, s: Session, group: records.ShareGroup) -> simulated.Pool:
        if group.host:   # from a group snapshot: where the source group is
            pool = self._driver.pool(group.host)
            if pool is None:
                raise scheduler.NoValidHost(None)
            return pool
        group_type = group_types_db.get(s, group.share_group_type_id or "")
        types = [t for t in (types_db.get(s, i) for i in group.share_type_ids) if t]
        # Only back ends whose share service is enabled and up, as for shares.
        services = self.shares.services if self.shares else None
        hosts = services.schedulable_hosts(s, lock=True) if services else None
        return scheduler.choose_group_pool(
            pools.states(s, self._driver, hosts),
            scheduler.GroupRequest(
                share_type_specs=tuple(t.extra_specs for t in types),
                group_specs=group_type.group_specs if group_type else {},
                availability_zone=group.availability_zone)).pool

    def _run_create(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            group = groups_db.get(s, op.resource_id)
            if group is None or group.status != "creating":
                finish(s)
                return
            try:
                pool = self._place(s, group)
            except scheduler.NoValidHost as failure:
                LOG.info("No valid host for share group %s: %s", group.id, failure)
                self._fail(s, group, messages.ALLOCATE_HOST, failure.detail_id,
                           op.request_id)
                finish(s)
                return
            zone = az_db.get_by_name_or_id(s, pool.availability_zone)
            placed = {"host": pool.name, "availability_zone_id": zone.id if zone else None,
                      "consistent_snapshot_support": pool.capabilities(Usage()).get(
                          "sg_consistent_snapshot_support")}
            share_ids = groups_db.share_ids(s, group.id)
            try:
                self._driver.create_share_group(group.id, self._hints(s, group))
            except simulated.DriverError as failure:
                LOG.info("Creating share group %s failed: %s", group.id, failure)
                self._fail(s, group, messages.CREATE, messages.UNKNOWN_ERROR,
                           op.request_id, **placed)
                for share_id in share_ids:
                    shares_db.update(s, share_id, status="error")
                finish(s)
                return
            for share_id in share_ids:   # made from the group snapshot's members
                share = shares_db.get(s, share_id)
                if share is not None and share.status == "creating":
                    exports = self._driver.create_share(share.id, share.share_proto, {})
                    shares_db.set_export_locations(s, share.id, [e.row() for e in exports])
                    shares_db.update(s, share.id, status="available", progress="100%",
                                     host=pool.name, launched_at=shares_db.now(),
                                     availability_zone=pool.availability_zone)
            # Manila stamps a group's creation time when it becomes available.
            groups_db.update(s, group.id, status="available", created_at=shares_db.now(),
                             **placed)
            finish(s)

    def _run_delete(self, op: records.Operation,
                    finish: Callable[[Session], None]) -> None:
        with self._db.write() as s:
            group = groups_db.get(s, op.resource_id)
            if group is not None and group.status == "deleting":
                try:
                    self._driver.delete_share_group(group.id, self._hints(s, group))
                except simulated.DriverError as failure:
                    LOG.info("Deleting share group %s failed: %s", group.id, failure)
                    groups_db.update(s, group.id, status="error_deleting")
                    finish(s)
                    return
                groups_db.destroy(s, group.id)
            finish(s)

    def _give_up(self, op: records.Operation) -> None:
        failed = {CREATE: "error", DELETE: "error_deleting"}[op.kind]
        with self._db.write() as s:
            if groups_db.get(s, op.resource_id) is not None:
                groups_db.update(s, op.resource_id, status=failed)
        LOG.error("Gave up on %s of share group %s", op.kind, op.resource_id)

