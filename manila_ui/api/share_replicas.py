"""Share replicas (2.11 experimental, GA 2.56): a share's replicas in one
call, create (availability zone), promote, resync, delete; the admin's
reset status / replica state. python-manilaclient sends the experimental
header itself below 2.56; the dashboard offers replicas from 2.56."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

STATES = ("active", "in_sync", "out_of_sync", "error")
RESET_STATUSES = ("available", "error", "creating", "deleting", "error_deleting")
TRANSITIONAL = ("creating", "deleting", "replication_change")


class ShareReplica(base.ManilaResource):
    _attrs = ("id", "share_id", "status", "replica_state", "availability_zone",
              "host", "share_network_id", "share_server_id", "created_at",
              "updated_at", "cast_rules_to_readonly")
    id: str
    share_id: str | None
    status: str | None
    replica_state: str | None
    availability_zone: str | None
    host: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_replicas


def replica_list(request: Any, share_id: str) -> list[ShareReplica]:
    """A share's replicas, the active one included: one call."""
    return base.wrap_all(ShareReplica, _manager(request).list(share_id))


def replica_get(request: Any, replica_id: str) -> ShareReplica:
    return ShareReplica.from_resource(_manager(request).get(replica_id))


def replica_create(request: Any, share_id: str,
                   availability_zone: str | None = None) -> ShareReplica:
    created = _manager(request).create(share_id, availability_zone=availability_zone or None)
    base.forget(request)
    return ShareReplica.from_resource(created)


def replica_promote(request: Any, replica_id: str) -> None:
    _manager(request).promote(replica_id)
    base.forget(request)


def replica_resync(request: Any, replica_id: str) -> None:
    _manager(request).resync(replica_id)
    base.forget(request)


def replica_delete(request: Any, replica_id: str) -> None:
    _manager(request).delete(replica_id)
    base.forget(request)


def replica_force_delete(request: Any, replica_id: str) -> None:
    """Delete a replica whatever its state (admins)."""
    _manager(request).delete(replica_id, force=True)
    base.forget(request)


def replica_reset_status(request: Any, replica_id: str, status: str) -> None:
    _manager(request).reset_state(replica_id, status)
    base.forget(request)


def replica_reset_state(request: Any, replica_id: str, replica_state: str) -> None:
    _manager(request).reset_replica_state(replica_id, replica_state)
    base.forget(request)
