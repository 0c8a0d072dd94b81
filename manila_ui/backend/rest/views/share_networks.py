"""Share network and subnet views, with Manila's per-microversion
additions.  Network details (``network_type``, ``segmentation_id``) are
shown only where ``share_network:show_network_details`` allows."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.policies import share_networks as policy
from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import ShareNetwork
from manila_ui.backend.types.records import Subnet

SENSITIVE = ("network_type", "segmentation_id")
NETWORK_FIELDS = ("neutron_net_id", "neutron_subnet_id", "network_type",
                  "segmentation_id", "cidr", "ip_version", "gateway", "mtu")


def show_details(req: ApiRequest) -> bool:
    return req.allowed(policy.SHOW_NETWORK_DETAILS)


def redact(req: ApiRequest, view: dict[str, Any]) -> None:
    if not show_details(req):
        for key in SENSITIVE:
            view[key] = None


class SubnetView(ViewBuilder):
    collection = "share_network_subnets"
    modifiers = ("add_metadata",)

    def detail(self, req: ApiRequest, subnet: Subnet) -> dict[str, Any]:
        view: dict[str, Any] = {
            "id": subnet.id,
            "availability_zone": subnet.availability_zone,
            "share_network_id": subnet.share_network_id,
            "share_network_name": subnet.share_network_name,
            "created_at": isotime(subnet.created_at),
            "updated_at": isotime(subnet.updated_at),
            **{key: getattr(subnet, key) for key in NETWORK_FIELDS},
        }
        redact(req, view)
        self.apply_modifiers(req, view, subnet)
        return view

    @since("2.78")
    def add_metadata(self, req: ApiRequest, view: dict[str, Any], subnet: Subnet) -> None:
        view["metadata"] = dict(subnet.metadata)


def embedded_subnet(req: ApiRequest, subnet: Subnet, with_metadata: bool) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": subnet.id,
        "availability_zone": subnet.availability_zone,
        "created_at": isotime(subnet.created_at),
        "updated_at": isotime(subnet.updated_at),
        **{key: getattr(subnet, key) for key in NETWORK_FIELDS},
    }
    if with_metadata:
        view["metadata"] = dict(subnet.metadata)
    redact(req, view)
    return view


class ShareNetworkView(ViewBuilder):
    collection = "share_networks"
    modifiers = (
        "add_gateway",
        "add_mtu",
        "add_nova_net_id",
        "add_subnets",
        "add_status_and_security_service_update_support",
        "add_network_allocation_update_support",
        "add_subnets_with_metadata",
    )

    def summary(self, req: ApiRequest, network: ShareNetwork) -> dict[str, Any]:
        return {"id": network.id, "name": network.name}

    def detail(self, req: ApiRequest, network: ShareNetwork) -> dict[str, Any]:
        # Before 2.51 the default subnet speaks for the network.
        default = network.default_subnets[0] if network.default_subnets else None
        view: dict[str, Any] = {
            "id": network.id,
            "name": network.name,
            "project_id": network.project_id,
            "created_at": isotime(network.created_at),
            "updated_at": isotime(network.updated_at),
            "description": network.description,
            **{key: getattr(default, key) if default else None
               for key in NETWORK_FIELDS if key not in ("gateway", "mtu")},
        }
        redact(req, view)
        self.apply_modifiers(req, view, network)
        return view

    def one(self, req: ApiRequest, network: ShareNetwork) -> dict[str, Any]:
        return {"share_network": self.detail(req, network)}

    def many(self, req: ApiRequest, networks: list[ShareNetwork],
             detail: bool) -> dict[str, Any]:
        build = self.detail if detail else self.summary
        return {"share_networks": [build(req, network) for network in networks]}

    # -- modifiers, oldest first ----------------------------------------------

    @staticmethod
    def _default(network: ShareNetwork) -> Subnet | None:
        return network.default_subnets[0] if network.default_subnets else None

    @since("2.18")
    def add_gateway(self, req: ApiRequest, view: dict[str, Any],
                    network: ShareNetwork) -> None:
        default = self._default(network)
        view["gateway"] = default.gateway if default else None

    @since("2.20")
    def add_mtu(self, req: ApiRequest, view: dict[str, Any], network: ShareNetwork) -> None:
        default = self._default(network)
        view["mtu"] = default.mtu if default else None

    @since("2.0", "2.25")
    def add_nova_net_id(self, req: ApiRequest, view: dict[str, Any],
                        network: ShareNetwork) -> None:
        view["nova_net_id"] = None

    def _subnets(self, req: ApiRequest, view: dict[str, Any], network: ShareNetwork,
                 with_metadata: bool) -> None:
        view["share_network_subnets"] = [embedded_subnet(req, subnet, with_metadata)
                                         for subnet in network.subnets]
        for key in NETWORK_FIELDS:
            view.pop(key, None)

    @since("2.51", "2.77")
    def add_subnets(self, req: ApiRequest, view: dict[str, Any],
                    network: ShareNetwork) -> None:
        self._subnets(req, view, network, with_metadata=False)

    @since("2.63")
    def add_status_and_security_service_update_support(
            self, req: ApiRequest, view: dict[str, Any], network: ShareNetwork) -> None:
        view["status"] = network.status
        view["security_service_update_support"] = network.security_service_update_support

    @since("2.70")
    def add_network_allocation_update_support(
            self, req: ApiRequest, view: dict[str, Any], network: ShareNetwork) -> None:
        view["network_allocation_update_support"] = (
            network.network_allocation_update_support)

    @since("2.78")
    def add_subnets_with_metadata(self, req: ApiRequest, view: dict[str, Any],
                                  network: ShareNetwork) -> None:
        self._subnets(req, view, network, with_metadata=True)


def check_view(req: ApiRequest, compatible: bool | None,
               hosts: dict[str, bool | None],
               operation: dict[str, Any] | None = None) -> dict[str, Any]:
    """The answer of a check action (hosts for admins only)."""
    view: dict[str, Any] = {"compatible": compatible}
    if operation is not None:
        view["requested_operation"] = operation
    if req.ctx.is_admin:
        view["hosts_check_result"] = hosts
    return view
