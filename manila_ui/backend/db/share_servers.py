"""Share server rows, the subnets they sit on and their network
allocations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import models
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.types import records

_ALLOCATION_COLUMNS = [c.name for c in models.NetworkAllocation.__table__.columns
                       if c.name != "created_at"]


def _records(s: Session, rows: list[models.ShareServer]) -> list[records.ShareServer]:
    ids = [row.id for row in rows]
    subnets: dict[str, list[str]] = {sid: [] for sid in ids}
    if ids:
        link = models.ShareServerSubnet
        for server_id, subnet_id in s.execute(
                select(link.share_server_id, link.share_network_subnet_id)
                .where(link.share_server_id.in_(ids))):
            subnets[server_id].append(subnet_id)
    networks = networks_db.names(s, [row.share_network_id for row in rows])
    found = []
    for row in rows:
        name, project = networks.get(row.share_network_id, (None, None))
        found.append(records.ShareServer(
            id=row.id, share_network_id=row.share_network_id, share_network_name=name,
            project_id=project, host=row.host, status=row.status,
            identifier=row.identifier, is_auto_deletable=row.is_auto_deletable,
            task_state=row.task_state, source_share_server_id=row.source_share_server_id,
            security_service_update_support=row.security_service_update_support,
            network_allocation_update_support=row.network_allocation_update_support,
            backend_details=json.loads(row.backend_details or "{}"),
            subnet_ids=tuple(sorted(subnets[row.id])), created_at=row.created_at,
            updated_at=row.updated_at))
    return found


def create(s: Session, values: Mapping[str, Any], subnet_ids: Iterable[str]) -> records.ShareServer:
    row = models.ShareServer(**values)
    s.add(row)
    s.flush()
    for subnet_id in subnet_ids:
        s.add(models.ShareServerSubnet(share_server_id=row.id, share_network_subnet_id=subnet_id))
    s.flush()
    found = get(s, row.id)
    assert found is not None
    return found


def get(s: Session, server_id: str, for_update: bool = False) -> records.ShareServer | None:
    query = select(models.ShareServer).where(models.ShareServer.id == server_id)
    if for_update:
        query = query.with_for_update()
    row = s.scalar(query)
    return _records(s, [row])[0] if row is not None else None


# Manila's share_server_get_all_with_filters: attribute filters on the rows.
ROW_FILTERS = ("id", "host", "status", "identifier", "task_state", "source_share_server_id",
               "is_auto_deletable", "security_service_update_support",
               "network_allocation_update_support")


def list_all(s: Session, *, project_id: str | None = None,
             share_network: str | None = None, share_network_id: str | None = None,
             subnet_id: str | None = None, **values: Any) -> list[records.ShareServer]:
    """Servers matching every filter given (``values``: ROW_FILTERS, a
    boolean column compared as a bool)."""
    server = models.ShareServer
    query = select(server)
    for column, value in values.items():
        if value is not None:
            query = query.where(getattr(server, column) == value)
    networks = select(models.ShareNetwork.id)
    if project_id:
        networks = networks.where(models.ShareNetwork.project_id == project_id)
    if share_network:
        networks = networks.where((models.ShareNetwork.id == share_network)
                                  | (models.ShareNetwork.name == share_network))
    if share_network_id:
        networks = networks.where(models.ShareNetwork.id == share_network_id)
    if project_id or share_network or share_network_id:
        # Through the server's subnets, as Manila joins.
        link, subnet = models.ShareServerSubnet, models.ShareNetworkSubnet
        query = query.where(server.id.in_(
            select(link.share_server_id)
            .join(subnet, subnet.id == link.share_network_subnet_id)
            .where(subnet.share_network_id.in_(networks))))
    if subnet_id:
        link = models.ShareServerSubnet
        query = query.where(server.id.in_(select(link.share_server_id).where(
            link.share_network_subnet_id == subnet_id)))
    rows = list(s.scalars(query.order_by(server.created_at, server.id)))
    return _records(s, rows)


def migration_progress(s: Session, dest_id: str, kind: str) -> int:
    """The copy's progress: what the next driver step of the destination
    carries (its operation's payload)."""
    payload = s.scalar(select(models.Operation.payload).where(
        models.Operation.kind == kind, models.Operation.resource_id == dest_id)
        .order_by(models.Operation.id.desc()))
    return int(json.loads(payload or "{}").get("progress", 0))


def update(s: Session, server_id: str, **values: Any) -> records.ShareServer | None:
    if "backend_details" in values:
        values["backend_details"] = json.dumps(values["backend_details"], sort_keys=True)
    if models.update_row(s, models.ShareServer, server_id, values) is None:
        return None
    return get(s, server_id)


def add_subnet(s: Session, server_id: str, subnet_id: str) -> None:
    if s.get(models.ShareServerSubnet, (server_id, subnet_id)) is None:
        s.add(models.ShareServerSubnet(share_server_id=server_id,
                                   share_network_subnet_id=subnet_id))
        s.flush()


def delete_server(s: Session, server_id: str) -> None:
    for model in (models.NetworkAllocation, models.ShareServerSubnet):
        s.execute(delete(model).where(model.share_server_id == server_id))
    s.execute(delete(models.ShareServer).where(models.ShareServer.id == server_id))


def share_counts(s: Session, server_ids: list[str]) -> dict[str, int]:
    """How many shares each server holds."""
    found = dict.fromkeys(server_ids, 0)
    if server_ids:
        for server_id, count in s.execute(
                select(models.Share.share_server_id, func.count())
                .where(models.Share.share_server_id.in_(server_ids))
                .group_by(models.Share.share_server_id)):
            found[str(server_id)] = int(count)
    return found


def share_ids(s: Session, server_id: str) -> list[str]:
    return list(s.scalars(select(models.Share.id).where(
        models.Share.share_server_id == server_id).order_by(models.Share.created_at)))


# -- allocations ---------------------------------------------------------------

def add_allocation(s: Session, values: Mapping[str, Any]) -> None:
    s.add(models.NetworkAllocation(**values))
    s.flush()


def allocations(s: Session, server_id: str) -> list[records.Allocation]:
    rows = s.scalars(select(models.NetworkAllocation).where(
        models.NetworkAllocation.share_server_id == server_id)
        .order_by(models.NetworkAllocation.created_at, models.NetworkAllocation.ip_version,
                  models.NetworkAllocation.id))
    return [records.Allocation(**{name: getattr(row, name) for name in _ALLOCATION_COLUMNS})
            for row in rows]


def used_addresses(s: Session) -> set[str]:
    """Every address handed out (the simulated segment is shared by all)."""
    return set(s.scalars(select(models.NetworkAllocation.ip_address)))


def used_segmentation_ids(s: Session) -> dict[str, int]:
    """neutron network id → its segmentation id, for networks in use."""
    found: dict[str, int] = {}
    rows = s.execute(select(models.ShareNetworkSubnet.neutron_net_id,
                            models.ShareNetworkSubnet.segmentation_id)
                     .where(models.ShareNetworkSubnet.segmentation_id.is_not(None)))
    for net_id, seg in rows:
        if seg is not None:
            found[str(net_id)] = int(seg)
    return found
