"""Share networks and security services seeded through python-manilaclient
for the dashboard stories (the fixture ``networks_of`` in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until


def networks_per_user(manila: Any) -> Iterator[Callable[[str], Any]]:
    """The ``networks_of`` fixture: ``networks_of("demo").create(...)``,
    share networks (and services) removed after the test."""
    made = {}

    class Networks:
        def __init__(self, user):
            self.client = manila(user)
            self.ids = []
            self.services = []

        def create(self, name=None, **kwargs):
            network = self.client.share_networks.create(name=name or unique("net"),
                                                        **kwargs)
            self.ids.append(network.id)
            return network

        def service(self, kind="ldap", **kwargs):
            service = self.client.security_services.create(
                kind, name=kwargs.pop("name", unique(kind)), **kwargs)
            self.services.append(service.id)
            return service

    def get(user):
        if user not in made:
            made[user] = Networks(user)
        return made[user]

    yield get
    for helper in made.values():
        for network_id in helper.ids:
            # Shares of the test may still be going: retry for a while.
            wait_until(lambda nid=network_id, h=helper: _deleted(h.client, nid),
                       timeout=60, what=f"share network {network_id} to go")
        for service_id in helper.services:
            try:
                helper.client.security_services.delete(service_id)
            except Exception:  # noqa: S112 - best effort; gone already
                continue


def _deleted(client: Any, network_id: str) -> bool:
    from manilaclient.common.apiclient import exceptions

    try:
        client.share_networks.delete(network_id)
    except exceptions.NotFound:
        return True
    except exceptions.Conflict as exc:
        if "more than one subnet" in str(exc):
            # Manila deletes a network with one subnet at most: drop the rest.
            subnets = client.share_networks.get(network_id).share_network_subnets
            for subnet in subnets[1:]:
                try:
                    client.share_network_subnets.delete(network_id, subnet["id"])
                except exceptions.ClientException:
                    continue
        return False
    except exceptions.ClientException:
        return False   # in use (a share being deleted) or changing: later
    return True


def dhss_pool(manila: Any) -> str:
    """The pool (host@backend#pool) of a back end that handles share
    servers: gamma on the bundled backend, GAMMA on the reference."""
    for pool in manila("admin").pools.list(detailed=True):
        if str(pool.capabilities.get("driver_handles_share_servers")).lower() == "true":
            return str(pool.name)
    raise AssertionError("no DHSS=True back end")


NETWORK = {"service_type": "network", "interface": "public"}


def neutron_root(session: Any) -> str | None:
    """The catalog's Neutron endpoint (the reference stack has one), or None."""
    from keystoneauth1 import exceptions

    try:
        url = session.get_endpoint(**NETWORK)
    except exceptions.EndpointNotFound:
        return None
    return str(url).rstrip("/") if url else None


class Neutron:
    """A user's real Neutron networks and subnets (the ``neutron_of`` fixture),
    made through the catalog's ``network`` endpoint and removed after the test."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.made: list[tuple[str, str]] = []  # (kind, id), newest last

    def _post(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.session.post(f"/v2.0/{kind}s", json={kind: body},
                                     endpoint_filter=NETWORK)
        made: dict[str, Any] = response.json()[kind]
        self.made.append((kind, made["id"]))
        return made

    def network(self, name: str | None = None, **extra: Any) -> dict[str, Any]:
        return self._post("network", {"name": name or unique("neutron-net"), **extra})

    def subnet(self, network: dict[str, Any], cidr: str, name: str | None = None
               ) -> dict[str, Any]:
        return self._post("subnet", {"network_id": network["id"], "cidr": cidr,
                                     "ip_version": 4, "name": name or unique("neutron-sub")})

    def cleanup(self) -> None:
        for kind, made_id in reversed(self.made):
            self.session.delete(f"/v2.0/{kind}s/{made_id}", endpoint_filter=NETWORK,
                                raise_exc=False)
        self.made = []
