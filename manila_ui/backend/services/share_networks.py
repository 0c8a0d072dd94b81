"""Share networks and their subnets: create, list (with Manila's filters),
update, delete, subnet metadata (2.78).

The rules and messages are Manila 23's (``api/v2/share_networks.py`` and
``share_network_subnets.py``): a network always has a first subnet (in the
requested zone from 2.51, else the default one serving every zone); one
subnet per zone until 2.69; what is in use by shares cannot go.  Adding a
subnet next to one that has share servers (2.70) and security service
changes on networks in use are in share_network_updates.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from oslo_config import cfg
from sqlalchemy.orm import Session

from manila_ui.backend.db import availability_zones as az_db
from manila_ui.backend.db import share_groups as groups_db
from manila_ui.backend.db import share_networks as networks_db
from manila_ui.backend.db import share_servers as servers_db
from manila_ui.backend.db.engine import Database
from manila_ui.backend.services import errors
from manila_ui.backend.services import fields
from manila_ui.backend.services import metadata as metadata_svc
from manila_ui.backend.services.context import Caller
from manila_ui.backend.services.fields import check_metadata
from manila_ui.backend.services.quotas import Owner
from manila_ui.backend.services.quotas import QuotaService
from manila_ui.backend.services.share_servers import ShareServerService
from manila_ui.backend.types import records
from manila_ui.backend.types.queries import NetworkFilters

STATUSES = ("active", "error", "network_change")
NEUTRON_KEYS = ("neutron_net_id", "neutron_subnet_id")
# Fields a non-admin may not filter on (Manila hides them).
SENSITIVE = ("network_type", "segmentation_id")


def network_not_found(network_id: str) -> errors.NotFound:
    return errors.NotFound(f"Share network {network_id} could not be found.")


def subnet_not_found(subnet_id: str) -> errors.NotFound:
    return errors.NotFound(f"Share network subnet {subnet_id} could not be found.")


def check_neutron_pair(values: Mapping[str, Any]) -> None:
    if ("neutron_net_id" in values) != ("neutron_subnet_id" in values):
        raise errors.Invalid("When creating a new share network subnet you need to "
                             "specify both neutron_net_id and neutron_subnet_id or "
                             "none of them.")


def _network_fields(network: records.ShareNetwork) -> dict[str, Any]:
    return {"id": network.id, "name": network.name, "description": network.description,
            "status": network.status, "project_id": network.project_id,
            "user_id": network.user_id}


def _subnet_fields(subnet: records.Subnet, project_id: str) -> dict[str, Any]:
    return {key: getattr(subnet, key) for key in (
        "id", "share_network_id", "share_network_name", "availability_zone",
        "neutron_net_id", "neutron_subnet_id", "network_type", "segmentation_id",
        "cidr", "ip_version", "gateway", "mtu")} | {"project_id": project_id,
                                                     "is_default": subnet.is_default}


def _has(fields: Mapping[str, Any], key: str, value: Any, like: bool) -> bool:
    if fields.get(key) == value:
        return True
    if like and key.endswith("~"):
        found = fields.get(key[:-1])
        return isinstance(found, str) and isinstance(value, str) and value in found
    return False


def matches(network: records.ShareNetwork, filters: Mapping[str, Any], like: bool) -> bool:
    fields = _network_fields(network)
    subnets = [_subnet_fields(subnet, network.project_id) for subnet in network.subnets]
    return all(_has(fields, key, value, like)
               or any(_has(sub, key, value, like) for sub in subnets)
               for key, value in filters.items())


class ShareNetworkService:
    def __init__(self, db: Database, conf: cfg.ConfigOpts, quotas: QuotaService,
                 servers: ShareServerService) -> None:
        self._db = db
        self._conf = conf
        self._quotas = quotas
        self._servers = servers

    # -- reads --------------------------------------------------------------

    def get(self, network_id: str, project_id: str | None = None) -> records.ShareNetwork:
        """The network; ``project_id`` (non-admins) hides other projects'."""
        with self._db.read() as s:
            return self.visible(s, network_id, project_id)

    @staticmethod
    def visible(s: Session, network_id: str, project_id: str | None,
                for_update: bool = False) -> records.ShareNetwork:
        network = networks_db.get_network(s, network_id, for_update=for_update)
        if network is None or (project_id is not None and network.project_id != project_id):
            raise network_not_found(network_id)
        return network

    def list_networks(self, query: NetworkFilters) -> list[records.ShareNetwork]:
        filters: dict[str, Any] = dict(query.attributes)
        for key in ("ip_version", "segmentation_id"):
            if key in filters:
                try:
                    filters[key] = int(filters[key])
                except ValueError:
                    raise errors.Invalid(f"Invalid input received: {key} must be an "
                                         "integer.") from None
        with self._db.read() as s:
            found = networks_db.list_networks(
                s, project_id=query.project_id,
                security_service_id=query.security_service_id,
                created_since=query.created_since, created_before=query.created_before)
        return [n for n in found if matches(n, filters, query.like)]

    # -- create, update, delete -----------------------------------------------

    def create(self, caller: Caller, values: Mapping[str, Any],
               with_zone: bool) -> records.ShareNetwork:
        """A network and its first subnet (in ``availability_zone`` when
        ``with_zone``, 2.51)."""
        if "nova_net_id" in values:
            raise errors.Invalid("nova networking is not supported starting in Ocata.")
        name = fields.text(values.get("name"), "name")
        description = fields.text(values.get("description"), "description")
        subnet = {key: fields.text(values.get(key), key) for key in NEUTRON_KEYS}
        with self._db.write() as s:
            zone = None
            if with_zone and values.get("availability_zone"):
                zone = self.zone(s, values["availability_zone"])
            elif not with_zone and values.get("availability_zone"):
                # Manila fails with a 500 here; a 400 says why.
                raise errors.Invalid("Invalid input received: availability_zone is "
                                     "only supported from API version 2.51.")
            check_neutron_pair(values)
            owner = Owner(caller.project_id, caller.user_id)
            self._quotas.check(s, owner, {"share_networks": 1})
            network = networks_db.create_network(s, {
                "id": str(uuid.uuid4()), "project_id": caller.project_id,
                "user_id": caller.user_id, "name": name, "description": description,
                "status": "active", "created_at": networks_db.now()})
            networks_db.create_subnet(s, {
                "id": str(uuid.uuid4()), "share_network_id": network.id,
                "availability_zone": zone, "created_at": networks_db.now(), **subnet}, {})
            self._quotas.recheck(s, owner, {"share_networks": 1})
            found = networks_db.get_network(s, network.id)
        assert found is not None
        return found

    @staticmethod
    def zone(s: Session, name_or_id: str) -> str:
        found = az_db.get_by_name_or_id(s, str(name_or_id))
        if found is None:
            raise errors.Invalid(f"The provided availability zone {name_or_id} does "
                                 "not exist.")
        return found.name

    def update(self, network_id: str, project_id: str | None,
               values: Mapping[str, Any]) -> records.ShareNetwork:
        if "nova_net_id" in values:
            raise errors.Invalid("nova networking is not supported starting in Ocata.")
        with self._db.write() as s:
            network = self.visible(s, network_id, project_id, for_update=True)
            if network.servers and any(k not in ("name", "description") for k in values):
                raise errors.Refused(
                    f"Cannot update share network {network.id}. It is used by share "
                    "servers. Only 'name' and 'description' fields are available for "
                    "update")
            if any(key in values for key in NEUTRON_KEYS):
                self._update_default_subnet(s, network, values)
            changes = {key: fields.text(values[key], key) for key in ("name", "description")
                       if key in values}
            found = networks_db.update_network(s, network.id, **changes)
        assert found is not None
        return found

    @staticmethod
    def _update_default_subnet(s: Session, network: records.ShareNetwork,
                               values: Mapping[str, Any]) -> None:
        defaults = network.default_subnets
        which = "a" if not defaults else "an unique"
        if len(defaults) != 1:
            raise errors.Invalid(
                f"The share network {network.id} does not have {which} 'default' "
                "subnet that serves all availability zones, so subnet details "
                "('neutron_net_id', 'neutron_subnet_id') cannot be updated.")
        subnet = defaults[0]
        if (subnet.neutron_net_id is None and subnet.neutron_subnet_id is None
                and any(values.get(key) is None for key in NEUTRON_KEYS)):
            raise errors.Invalid(
                f"To update the share network {network.id} you need to specify both "
                "'neutron_net_id' and 'neutron_subnet_id'.")
        networks_db.update_subnet(s, subnet.id, **{
            key: fields.text(values[key], key) for key in NEUTRON_KEYS if key in values})

    def delete(self, network_id: str, project_id: str | None) -> None:
        with self._db.write() as s:
            network = self.visible(s, network_id, project_id, for_update=True)
            used = networks_db.share_count(s, network.id)
            if used:
                raise errors.Conflict(f"Can not delete share network {network.id}, it "
                                      f"has {used} share(s).")
            groups = groups_db.count_on_network(s, network.id)
            if groups:
                raise errors.Conflict(f"Can not delete share network {network.id}, it "
                                      f"has {groups} share group(s).")
            if len(network.subnets) > 1:
                raise errors.Conflict(
                    f"The share network {network.id} has more than one subnet attached. "
                    "Please remove the subnets untill you have one or no subnets "
                    "remaining.")
            for subnet in network.subnets:
                if not all(server.is_auto_deletable
                           for server in network.servers_of(subnet.id)):
                    raise errors.Conflict(
                        "The service cannot determine if there are any non-managed "
                        f"shares on the share network subnet {subnet.id}, so it cannot "
                        "be deleted. Please contact the cloud administrator to rectify.")
            self._servers.release(s, [server.id for server in network.servers])
            networks_db.delete_network(s, network.id)
        self._servers.wake()

    def reset_status(self, network_id: str, status: str) -> None:
        with self._db.write() as s:
            if networks_db.update_network(s, network_id, status=status) is None:
                raise network_not_found(network_id)

    # -- subnets ----------------------------------------------------------------

    def subnet(self, network_id: str, subnet_id: str,
               project_id: str | None, any_network: bool = False) -> records.Subnet:
        """The subnet of the network. ``any_network``: Manila's show finds the
        subnet whichever network the URL names (only the caller's networks
        here, where Manila would show another project's)."""
        with self._db.read() as s:
            self.visible(s, network_id, project_id)
            found = networks_db.get_subnet(s, subnet_id, None if any_network else network_id)
            if found is not None and any_network and found.share_network_id != network_id:
                try:
                    self.visible(s, found.share_network_id, project_id)
                except errors.NotFound:
                    found = None
        if found is None:
            raise subnet_not_found(subnet_id)
        return found

    def existing_subnets(self, s: Session, network_id: str, project_id: str | None,
                         values: Mapping[str, Any], multiple: bool
                         ) -> tuple[records.ShareNetwork, str | None, list[records.Subnet]]:
        """Manila's checks before a subnet is added: the network, the zone,
        and the subnets already in that zone (one per zone before 2.70)."""
        check_neutron_pair(values)
        network = self.visible(s, network_id, project_id, for_update=True)
        zone = self.zone(s, values["availability_zone"]) \
            if values.get("availability_zone") else None
        existing = network.subnets_in(zone, fallback=False)
        if existing and not multiple:
            raise errors.Conflict(
                "Another share network subnet was found in the specified availability "
                "zone. Only one share network subnet is allowed per availability zone "
                f"for share network {network.id}.")
        return network, zone, existing

    def create_subnet(self, s: Session, network_id: str, zone: str | None,
                      values: Mapping[str, Any], metadata: Mapping[str, str]) -> records.Subnet:
        check_metadata(metadata)
        return networks_db.create_subnet(s, {
            "id": str(uuid.uuid4()), "share_network_id": network_id,
            "availability_zone": zone, "created_at": networks_db.now(),
            **{key: fields.text(values.get(key), key) for key in NEUTRON_KEYS}}, metadata)

    def add_subnet(self, network_id: str, project_id: str | None,
                   values: Mapping[str, Any], metadata: Mapping[str, str],
                   multiple: bool) -> records.Subnet | None:
        """Create a subnet where no server needs new addresses; None when
        servers do (the caller then goes through the 2.70 update flow)."""
        with self._db.write() as s:
            network, zone, existing = self.existing_subnets(
                s, network_id, project_id, values, multiple)
            if existing and network.servers_of(existing[0].id):
                return None
            return self.create_subnet(s, network.id, zone, values, metadata)

    def delete_subnet(self, network_id: str, subnet_id: str,
                      project_id: str | None) -> None:
        with self._db.write() as s:
            network = self.visible(s, network_id, project_id, for_update=True)
            subnet = networks_db.get_subnet(s, subnet_id)
            if subnet is None:
                raise subnet_not_found(subnet_id)
            servers = network.servers_of(subnet.id)
            counts = servers_db.share_counts(s, [server.id for server in servers])
            if any(counts.values()):
                raise errors.Conflict(
                    f"Cannot delete share network subnet {subnet.id} of share network "
                    f"{network.id}, it has one or more shares.")
            if not all(server.is_auto_deletable for server in servers):
                raise errors.Conflict(
                    "The service cannot determine if there are any non-managed shares "
                    f"on the share network subnet {subnet.id} of share network "
                    f"{network.id}, so it cannot be deleted. Please contact the cloud "
                    "administrator to rectify.")
            self._servers.release(s, [server.id for server in servers])
            networks_db.delete_subnet(s, subnet.id)
        self._servers.wake()

    # -- subnet metadata (2.78) ---------------------------------------------------

    def subnet_metadata(self, subnet_id: str) -> dict[str, str]:
        return metadata_svc.get_items(self._db, networks_db.SUBNETS, subnet_id)

    def set_subnet_metadata(self, subnet_id: str, items: Mapping[str, str],
                            replace: bool) -> dict[str, str]:
        return metadata_svc.set_items(self._db, networks_db.SUBNETS, subnet_id,
                                      items, replace)

    def delete_subnet_metadata(self, subnet_id: str, key: str) -> None:
        metadata_svc.delete_item(self._db, networks_db.SUBNETS, subnet_id, key)
