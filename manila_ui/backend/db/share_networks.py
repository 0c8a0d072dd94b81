"""Share network rows: networks, their subnets (and subnet metadata), the
security services associated with them, and the state of their
asynchronous checks.  A network record carries its subnets, security
service ids and a summary of its servers, loaded in a few queries for any
number of networks."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from manila_ui.backend.db import metadata as metadata_db
from manila_ui.backend.db import models
from manila_ui.backend.types import records

SUBNETS = metadata_db.Table(models.ShareNetworkSubnetMetadata, "share_network_subnet_id")

_SUBNET_COLUMNS = [c.name for c in models.ShareNetworkSubnet.__table__.columns]


def now() -> datetime.datetime:
    return models.utcnow()


# -- loading records ---------------------------------------------------------

def _subnet_record(row: models.ShareNetworkSubnet, network_name: str | None,
                   metadata: Mapping[str, str]) -> records.Subnet:
    values = {name: getattr(row, name) for name in _SUBNET_COLUMNS}
    return records.Subnet(share_network_name=network_name, metadata=dict(metadata),
                     **values)


def _subnets_of(s: Session, networks: Mapping[str, str | None]
                ) -> dict[str, list[records.Subnet]]:
    found: dict[str, list[records.Subnet]] = {nid: [] for nid in networks}
    if not networks:
        return found
    rows = list(s.scalars(select(models.ShareNetworkSubnet)
                          .where(models.ShareNetworkSubnet.share_network_id.in_(list(networks)))
                          .order_by(models.ShareNetworkSubnet.created_at,
                                    models.ShareNetworkSubnet.id)))
    metadata = metadata_db.get_many(s, SUBNETS, [row.id for row in rows])
    for row in rows:
        found[row.share_network_id].append(
            _subnet_record(row, networks[row.share_network_id], metadata[row.id]))
    return found


def _services_of(s: Session, network_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {nid: [] for nid in network_ids}
    if not network_ids:
        return found
    assoc = models.ShareNetworkSecurityService
    rows = s.execute(select(assoc.share_network_id, assoc.security_service_id)
                     .where(assoc.share_network_id.in_(network_ids))
                     .order_by(assoc.created_at))
    for network_id, service_id in rows:
        found[network_id].append(service_id)
    return found


def server_summaries(s: Session, network_ids: list[str]
                     ) -> dict[str, list[records.ServerSummary]]:
    found: dict[str, list[records.ServerSummary]] = {nid: [] for nid in network_ids}
    if not network_ids:
        return found
    servers = list(s.scalars(select(models.ShareServer).where(
        models.ShareServer.share_network_id.in_(network_ids))
        .order_by(models.ShareServer.created_at)))
    subnet_ids: dict[str, list[str]] = {server.id: [] for server in servers}
    if servers:
        link = models.ShareServerSubnet
        for server_id, subnet_id in s.execute(
                select(link.share_server_id, link.share_network_subnet_id)
                .where(link.share_server_id.in_(list(subnet_ids)))):
            subnet_ids[server_id].append(subnet_id)
    for server in servers:
        found[server.share_network_id].append(records.ServerSummary(
            id=server.id, status=server.status, host=server.host,
            is_auto_deletable=server.is_auto_deletable,
            security_service_update_support=server.security_service_update_support,
            network_allocation_update_support=server.network_allocation_update_support,
            subnet_ids=tuple(sorted(subnet_ids[server.id]))))
    return found


def _records(s: Session, rows: list[models.ShareNetwork]) -> list[records.ShareNetwork]:
    names = {row.id: row.name for row in rows}
    ids = list(names)
    subnets = _subnets_of(s, names)
    services = _services_of(s, ids)
    servers = server_summaries(s, ids)
    return [records.ShareNetwork(
        id=row.id, project_id=row.project_id, user_id=row.user_id, name=row.name,
        description=row.description, status=row.status,
        subnets=tuple(subnets[row.id]), security_service_ids=tuple(services[row.id]),
        servers=tuple(servers[row.id]), created_at=row.created_at,
        updated_at=row.updated_at) for row in rows]


# -- networks ----------------------------------------------------------------

def create_network(s: Session, values: Mapping[str, Any]) -> records.ShareNetwork:
    row = models.ShareNetwork(**values)
    s.add(row)
    s.flush()
    found = get_network(s, row.id)
    assert found is not None
    return found


def get_network(s: Session, network_id: str, for_update: bool = False
                ) -> records.ShareNetwork | None:
    query = select(models.ShareNetwork).where(models.ShareNetwork.id == network_id)
    if for_update:
        query = query.with_for_update()
    row = s.scalar(query)
    return _records(s, [row])[0] if row is not None else None


def list_networks(s: Session, *, project_id: str | None,
                  security_service_id: str | None = None,
                  created_since: datetime.datetime | None = None,
                  created_before: datetime.datetime | None = None,
                  ) -> list[records.ShareNetwork]:
    """Networks in creation order (the API filters the rest in Python, as
    Manila does)."""
    net = models.ShareNetwork
    query = select(net)
    if project_id is not None:
        query = query.where(net.project_id == project_id)
    if security_service_id is not None:
        assoc = models.ShareNetworkSecurityService
        query = query.where(net.id.in_(select(assoc.share_network_id).where(
            assoc.security_service_id == security_service_id)))
    if created_since is not None:
        query = query.where(net.created_at > created_since)
    if created_before is not None:
        query = query.where(net.created_at < created_before)
    rows = list(s.scalars(query.order_by(net.created_at, net.id)))
    return _records(s, rows)


def update_network(s: Session, network_id: str, **values: Any) -> records.ShareNetwork | None:
    if models.update_row(s, models.ShareNetwork, network_id, values) is None:
        return None
    return get_network(s, network_id)


def delete_network(s: Session, network_id: str) -> None:
    subnet_ids = list(s.scalars(select(models.ShareNetworkSubnet.id).where(
        models.ShareNetworkSubnet.share_network_id == network_id)))
    for subnet_id in subnet_ids:
        delete_subnet(s, subnet_id)
    for model in (models.ShareNetworkSecurityService, models.ShareNetworkCheck):
        s.execute(delete(model).where(model.share_network_id == network_id))
    s.execute(delete(models.ShareNetwork).where(models.ShareNetwork.id == network_id))


def count_networks(s: Session, project_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(models.ShareNetwork).where(
        models.ShareNetwork.project_id == project_id)) or 0)


def share_count(s: Session, network_id: str) -> int:
    """Shares on the network (a network in use cannot be deleted)."""
    return int(s.scalar(select(func.count()).select_from(models.Share).where(
        models.Share.share_network_id == network_id)) or 0)


def names(s: Session, network_ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
    """(name, project id) of each network that exists."""
    ids = list(set(network_ids))
    if not ids:
        return {}
    rows = s.execute(select(models.ShareNetwork.id, models.ShareNetwork.name,
                            models.ShareNetwork.project_id)
                     .where(models.ShareNetwork.id.in_(ids)))
    return {nid: (name, project) for nid, name, project in rows}


# -- subnets -----------------------------------------------------------------

def create_subnet(s: Session, values: Mapping[str, Any],
                  metadata: Mapping[str, str]) -> records.Subnet:
    row = models.ShareNetworkSubnet(**values)
    s.add(row)
    s.flush()
    if metadata:
        metadata_db.update(s, SUBNETS, row.id, metadata)
    found = get_subnet(s, row.id)
    assert found is not None
    return found


def get_subnet(s: Session, subnet_id: str, network_id: str | None = None
               ) -> records.Subnet | None:
    query = select(models.ShareNetworkSubnet, models.ShareNetwork.name).join(
        models.ShareNetwork, models.ShareNetwork.id == models.ShareNetworkSubnet.share_network_id
    ).where(models.ShareNetworkSubnet.id == subnet_id)
    if network_id is not None:
        query = query.where(models.ShareNetworkSubnet.share_network_id == network_id)
    found = s.execute(query).first()
    if found is None:
        return None
    row, name = found
    return _subnet_record(row, name, metadata_db.get_all(s, SUBNETS, row.id))


def update_subnet(s: Session, subnet_id: str, **values: Any) -> None:
    models.update_row(s, models.ShareNetworkSubnet, subnet_id, values)


def delete_subnet(s: Session, subnet_id: str) -> None:
    metadata_db.delete_all(s, SUBNETS, subnet_id)
    s.execute(delete(models.ShareNetworkSubnet).where(models.ShareNetworkSubnet.id == subnet_id))


# -- security service associations --------------------------------------------

def associate(s: Session, network_id: str, service_id: str) -> None:
    s.add(models.ShareNetworkSecurityService(share_network_id=network_id,
                                         security_service_id=service_id))
    s.flush()


def dissociate(s: Session, network_id: str, service_id: str) -> bool:
    assoc = models.ShareNetworkSecurityService
    done = s.execute(delete(assoc).where(assoc.share_network_id == network_id,
                                         assoc.security_service_id == service_id))
    return bool(getattr(done, "rowcount", 0))


def networks_of_service(s: Session, service_id: str) -> list[str]:
    assoc = models.ShareNetworkSecurityService
    return list(s.scalars(select(assoc.share_network_id).where(
        assoc.security_service_id == service_id).order_by(assoc.created_at)))


def networks_of_services(s: Session, service_ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {sid: [] for sid in service_ids}
    if not service_ids:
        return found
    assoc = models.ShareNetworkSecurityService
    for network_id, service_id in s.execute(
            select(assoc.share_network_id, assoc.security_service_id)
            .where(assoc.security_service_id.in_(service_ids))
            .order_by(assoc.created_at)):
        found[service_id].append(network_id)
    return found


# -- asynchronous checks -------------------------------------------------------

def check_get(s: Session, network_id: str, key: str) -> dict[str, bool | None] | None:
    value = s.scalar(select(models.ShareNetworkCheck.value).where(
        models.ShareNetworkCheck.share_network_id == network_id,
        models.ShareNetworkCheck.key == key))
    if value is None:
        return None
    found: dict[str, bool | None] = json.loads(value)
    return found


def check_set(s: Session, network_id: str, key: str,
              hosts: Mapping[str, bool | None]) -> None:
    row = s.get(models.ShareNetworkCheck, (network_id, key))
    if row is None:
        s.add(models.ShareNetworkCheck(share_network_id=network_id, key=key,
                                   value=json.dumps(dict(hosts))))
    else:
        row.value = json.dumps(dict(hosts))
    s.flush()


def check_delete(s: Session, network_id: str, key: str) -> None:
    s.execute(delete(models.ShareNetworkCheck).where(
        models.ShareNetworkCheck.share_network_id == network_id,
        models.ShareNetworkCheck.key == key))
