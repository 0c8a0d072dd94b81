"""Share networks and their subnets: a page of networks, get, create,
update, delete; subnets and their metadata (2.78); security services on a
network, including the checked changes of networks in use (2.63, 2.70).

The neutron ids are passed through as the user typed them: the bundled
backend and a real cloud judge them (Neutron, or the simulated segment)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

STATUSES = ("active", "error", "network_change")


class Subnet(base.ManilaResource):
    _attrs = ("id", "availability_zone", "share_network_id", "share_network_name",
              "neutron_net_id", "neutron_subnet_id", "network_type", "segmentation_id",
              "cidr", "ip_version", "gateway", "mtu", "metadata", "created_at",
              "updated_at")
    id: str
    availability_zone: str | None
    neutron_net_id: str | None
    neutron_subnet_id: str | None
    metadata: dict[str, str] | None

    @property
    def is_default(self) -> bool:
        return self.availability_zone is None


class ShareNetwork(base.ManilaResource):
    _attrs = ("id", "name", "description", "project_id", "created_at", "updated_at",
              "status", "security_service_update_support",
              "network_allocation_update_support", "neutron_net_id",
              "neutron_subnet_id", "cidr", "ip_version", "network_type",
              "segmentation_id", "gateway", "mtu")
    id: str
    name: str | None
    description: str | None
    project_id: str | None
    status: str | None

    @property
    def subnets(self) -> list[Subnet]:
        """The subnets (2.51); before, the network's own fields are its only
        (default) subnet."""
        raw = self._info.get("share_network_subnets")
        if raw is None:
            return [Subnet({key: self._info.get(key) for key in Subnet._attrs
                            if key in self._info} | {"id": "", "availability_zone": None})]
        return [Subnet(item) for item in raw]

    @property
    def availability_zones(self) -> list[str | None]:
        """The zones its subnets serve (None: every zone)."""
        return sorted({s.availability_zone for s in self.subnets},
                      key=lambda z: (z is not None, z or ""))

    def serves(self, zone: str | None) -> bool:
        """Whether a share in ``zone`` (None: any) may use this network."""
        zones = self.availability_zones
        return None in zones or zone is None or zone in zones


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_networks


def share_network_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                             search_opts: dict[str, Any] | None = None,
                             all_projects: bool = False) -> base.Page[ShareNetwork]:
    """One page of networks in ONE call (``limit`` = page size + 1; Manila
    has no count for share networks)."""
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset))
    if all_projects:
        opts["all_tenants"] = 1
    items = base.wrap_all(ShareNetwork, _manager(request).list(detailed=True,
                                                               search_opts=opts))
    return base.Page(items=items[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(items) > page_size)


@base.request_memoized
def share_network_list(request: Any) -> list[ShareNetwork]:
    """The project's networks (for choosers: Create Share), one call."""
    return base.wrap_all(ShareNetwork, _manager(request).list(detailed=True))


def share_network_get(request: Any, network_id: str) -> ShareNetwork:
    return ShareNetwork.from_resource(_manager(request).get(network_id))


def share_network_create(request: Any, *, name: str | None = None,
                         description: str | None = None,
                         neutron_net_id: str | None = None,
                         neutron_subnet_id: str | None = None,
                         availability_zone: str | None = None) -> ShareNetwork:
    kwargs: dict[str, Any] = {"name": name or None, "description": description or None,
                              "neutron_net_id": neutron_net_id or None,
                              "neutron_subnet_id": neutron_subnet_id or None}
    if availability_zone and client.supports(request, "share_network_subnets"):
        kwargs["availability_zone"] = availability_zone
    created = _manager(request).create(**kwargs)
    base.forget(request)
    return ShareNetwork.from_resource(created)


def share_network_update(request: Any, network_id: str, *, name: str | None = None,
                         description: str | None = None) -> ShareNetwork:
    fields = {key: value for key, value in (("name", name), ("description", description))
              if value is not None}
    updated = _manager(request).update(network_id, **fields)
    base.forget(request)
    return ShareNetwork.from_resource(updated)


def share_network_delete(request: Any, network_id: str) -> None:
    _manager(request).delete(network_id)
    base.forget(request)


def share_network_reset_status(request: Any, network_id: str, status: str) -> None:
    _manager(request).reset_state(network_id, status)


# -- subnets --------------------------------------------------------------------------

def _subnets(request: Any) -> Any:
    return client.manilaclient(request).share_network_subnets


def subnet_create(request: Any, network_id: str, *, availability_zone: str | None,
                  neutron_net_id: str | None = None, neutron_subnet_id: str | None = None,
                  metadata: dict[str, str] | None = None) -> Subnet:
    kwargs: dict[str, Any] = {"share_network_id": network_id,
                              "availability_zone": availability_zone or None,
                              "neutron_net_id": neutron_net_id or None,
                              "neutron_subnet_id": neutron_subnet_id or None}
    if metadata and client.supports(request, "subnet_metadata"):
        kwargs["metadata"] = metadata
    created = _subnets(request).create(**kwargs)
    base.forget(request)
    return Subnet.from_resource(created)


def subnet_get(request: Any, network_id: str, subnet_id: str) -> Subnet:
    return Subnet.from_resource(_subnets(request).get(network_id, subnet_id))


def subnet_delete(request: Any, network_id: str, subnet_id: str) -> None:
    _subnets(request).delete(network_id, subnet_id)
    base.forget(request)


def subnet_metadata_update(request: Any, network_id: str, subnet_id: str, *,
                           set_items: dict[str, str], unset_keys: list[str]) -> None:
    """Set some keys and remove others (2.78)."""
    manager = _subnets(request)
    if set_items:
        manager.set_metadata(network_id, set_items, subresource=subnet_id)
    if unset_keys:
        manager.delete_metadata(network_id, unset_keys, subresource=subnet_id)


@dataclass(frozen=True)
class CheckResult:
    """The answer of a check: None while the back ends are still asked."""

    compatible: bool | None
    hosts: dict[str, Any]


def _check(answer: Any) -> CheckResult:
    body = answer[1] if isinstance(answer, tuple) else answer
    body = body or {}
    return CheckResult(compatible=body.get("compatible"),
                       hosts=body.get("hosts_check_result") or {})


def subnet_create_check(request: Any, network_id: str, *,
                        availability_zone: str | None, neutron_net_id: str | None = None,
                        neutron_subnet_id: str | None = None,
                        reset: bool = False) -> CheckResult:
    return _check(_manager(request).share_network_subnet_create_check(
        network_id, neutron_net_id=neutron_net_id or None,
        neutron_subnet_id=neutron_subnet_id or None,
        availability_zone=availability_zone or None, reset_operation=reset))


# -- security services on a network ---------------------------------------------------

def security_service_add(request: Any, network_id: str, service_id: str) -> None:
    _manager(request).add_security_service(network_id, service_id)
    base.forget(request)


def security_service_remove(request: Any, network_id: str, service_id: str) -> None:
    _manager(request).remove_security_service(network_id, service_id)
    base.forget(request)


def security_service_add_check(request: Any, network_id: str, service_id: str,
                               reset: bool = False) -> CheckResult:
    return _check(_manager(request).add_security_service_check(
        network_id, service_id, reset_operation=reset))


def security_service_update_check(request: Any, network_id: str, current_id: str,
                                  new_id: str, reset: bool = False) -> CheckResult:
    return _check(_manager(request).update_share_network_security_service_check(
        network_id, current_id, new_id, reset_operation=reset))


def security_service_update(request: Any, network_id: str, current_id: str,
                            new_id: str) -> None:
    _manager(request).update_share_network_security_service(network_id, current_id,
                                                            new_id)
    base.forget(request)
