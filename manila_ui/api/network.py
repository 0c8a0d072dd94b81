"""The user's Neutron networks and subnets, offered by name in the share network forms.

Only where the catalog has a ``network`` service (Horizon's ``is_service_enabled``).
Two calls, once per Django request: ``GET /v2.0/networks`` and ``GET /v2.0/subnets``,
through Horizon's Neutron client. Neutron has no single call that a member may make
and that names both (``network-ip-availabilities`` does, but is admin only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openstack_dashboard.api import base as horizon_api
from openstack_dashboard.api import neutron

from manila_ui.api import base


@dataclass(frozen=True)
class SubnetOption:
    """One subnet a share network can use, with its network."""

    network_id: str
    network_name: str
    subnet_id: str
    subnet_name: str
    cidr: str

    @property
    def label(self) -> str:
        network = self.network_name or self.network_id
        subnet = self.subnet_name or self.subnet_id
        return f"{network} › {subnet} ({self.cidr})"


def network_service_enabled(request: Any) -> bool:
    return bool(horizon_api.is_service_enabled(request, "network"))


@base.request_memoized
def subnet_options(request: Any) -> list[SubnetOption]:
    """The subnets of the project's own networks and of shared ones, by network
    then subnet name. (A member also sees external networks of other projects,
    which a share network does not use.)"""
    client = neutron.networkclient(request)
    project = request.user.project_id
    networks = {
        n.id: n for n in client.networks() if n.project_id == project or n.is_shared
    }
    options = [
        SubnetOption(
            network_id=s.network_id,
            network_name=networks[s.network_id].name or "",
            subnet_id=s.id,
            subnet_name=s.name or "",
            cidr=s.cidr or "",
        )
        for s in client.subnets()
        if s.network_id in networks
    ]
    return sorted(options, key=lambda o: (o.network_name, o.network_id, o.subnet_name, o.cidr))
