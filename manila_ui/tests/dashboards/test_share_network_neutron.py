"""Create Share Network and Add Subnet offer the user's Neutron subnets by
name where the catalog has a network service (the reference stack runs real
Neutron), and ask for the two IDs where it has none or Neutron cannot answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from manila_ui.stack import config
from manila_ui.stack import procs
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.network_helpers import neutron_root
from manila_ui.tests.reference.target import ClientCalls

INDEX = reverse("horizon:project:share_networks:index")
CREATE = reverse("horizon:project:share_networks:create")
MODAL = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # as the Create button opens it
NET_ID = "8e0b8c66-8d5c-4c10-9e2a-3fb5c6f0c111"
SUBNET_ID = "4f4c1b0e-7f0a-4a41-8b6e-4b8d5f0b2222"


def add_subnet(network_id: str) -> str:
    return reverse("horizon:project:share_networks:add_subnet", args=(network_id,))


def options(html: str) -> dict[str, str]:
    """value -> label of the options of the network/subnet select."""
    select = re.search(r'<select[^>]*name="neutron_subnet".*?</select>', html, re.S)
    assert select, "no network/subnet select in the form"
    return {value: label.strip() for value, label in
            re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(0))}


def neutron_calls(calls: ClientCalls) -> list[str]:
    return [" ".join(line.split()[:2]).split("?")[0] for line in calls.lines]


# --- where the catalog has Neutron (make reference-dashboard) ---------------------------


def test_the_wizard_offers_the_users_subnets_by_name_from_two_calls(
        demo_client: Any, os_session: Any, neutron_of: Any, networks_of: Any,
        manila: Any) -> None:
    mine = neutron_of("demo")
    network = mine.network()
    first = mine.subnet(network, "10.71.0.0/24")
    second = mine.subnet(network, "10.72.0.0/24")
    theirs = neutron_of("alt_demo")
    private = theirs.subnet(theirs.network(), "10.73.0.0/24")

    with ClientCalls(neutron_root(os_session("demo")) or "") as calls:
        html = demo_client.get(CREATE, **MODAL).content.decode()

    offered = options(html)
    assert offered[first["id"]] == f"{network['name']} › {first['name']} (10.71.0.0/24)"
    assert offered[second["id"]] == f"{network['name']} › {second['name']} (10.72.0.0/24)"
    assert offered[""].startswith("None")
    assert private["id"] not in offered
    assert 'name="neutron_net_id"' not in html and 'name="neutron_subnet_id"' not in html
    assert neutron_calls(calls) == ["GET /v2.0/networks", "GET /v2.0/subnets"], calls.lines

    name = unique("picked")
    stale = demo_client.post(CREATE, {"name": name, "neutron_subnet": private["id"]})
    assert "Select a valid choice" in stale.content.decode()
    response = demo_client.post(CREATE, {"name": name, "neutron_subnet": second["id"]})
    assert response.status_code == 302, response.content.decode()[-2000:]

    (made,) = manila("demo").share_networks.list(search_opts={"name": name})
    networks_of("demo").ids.append(made.id)
    (subnet,) = made.share_network_subnets
    assert (subnet["neutron_net_id"], subnet["neutron_subnet_id"]) == (
        network["id"], second["id"])


def test_none_chosen_makes_a_network_without_neutron_ids(
        demo_client: Any, neutron_of: Any, networks_of: Any, manila: Any) -> None:
    mine = neutron_of("demo")
    mine.subnet(mine.network(), "10.74.0.0/24")
    name = unique("no-neutron")

    response = demo_client.post(CREATE, {"name": name, "neutron_subnet": ""})
    assert response.status_code == 302, response.content.decode()[-2000:]

    (made,) = manila("demo").share_networks.list(search_opts={"name": name})
    networks_of("demo").ids.append(made.id)
    (subnet,) = made.share_network_subnets
    assert (subnet["neutron_net_id"], subnet["neutron_subnet_id"]) == (None, None)


def test_add_subnet_offers_the_subnets_by_name(
        demo_client: Any, neutron_of: Any, networks_of: Any, manila: Any) -> None:
    mine = neutron_of("demo")
    network = mine.network(name=unique("shared-net"), shared=False)
    subnet = mine.subnet(network, "10.75.0.0/24")
    share_network = networks_of("demo").create()

    form = demo_client.get(add_subnet(share_network.id), **MODAL).content.decode()
    assert options(form)[subnet["id"]] == \
        f"{network['name']} › {subnet['name']} (10.75.0.0/24)"

    response = demo_client.post(add_subnet(share_network.id), {
        "network_id": share_network.id, "availability_zone": "nova-2",
        "neutron_subnet": subnet["id"]})
    assert response.status_code == 302, response.content.decode()[-2000:]
    subnets = manila("demo").share_networks.get(share_network.id).share_network_subnets
    added = next(s for s in subnets if s["availability_zone"] == "nova-2")
    assert (added["neutron_net_id"], added["neutron_subnet_id"]) == (
        network["id"], subnet["id"])


# --- where the catalog has none (the bundled stack) ----------------------------------


def test_without_a_network_service_both_forms_ask_for_the_ids(
        demo_client: Any, os_session: Any, networks_of: Any) -> None:
    if neutron_root(os_session("demo")) is not None:
        pytest.skip("the catalog has a network service: the forms offer its subnets "
                    "(the tests above)")
    share_network = networks_of("demo").create()

    for url in (CREATE, add_subnet(share_network.id)):
        html = demo_client.get(url, **MODAL).content.decode()
        assert 'name="neutron_net_id"' in html and 'name="neutron_subnet_id"' in html
        assert 'name="neutron_subnet"' not in html


@pytest.fixture
def dead_network_service(os_session: Any, stack: Any) -> Iterator[str]:
    """A ``network`` service in the catalog whose endpoint nothing answers."""
    admin = os_session("admin")
    keystone = stack.keystone_url
    url = f"http://{config.HOST}:{procs.free_port()}"
    service = admin.post(f"{keystone}/services", json={
        "service": {"type": "network", "name": "neutron"}}).json()["service"]
    try:
        for interface in config.INTERFACES:
            admin.post(f"{keystone}/endpoints", json={"endpoint": {
                "service_id": service["id"], "interface": interface,
                "region_id": config.REGION, "url": url}})
        yield url
    finally:
        admin.delete(f"{keystone}/services/{service['id']}")


@pytest.mark.bundled_only("puts an unreachable network service in the catalog, which "
                          "on the reference stack would hide its real Neutron")
def test_when_neutron_cannot_answer_the_ids_are_asked_for(
        dead_network_service: str, login: Any, manila: Any, networks_of: Any) -> None:
    client = Client()
    login(client, "demo")   # a token whose catalog lists the network service

    html = client.get(CREATE).content.decode()
    assert 'name="neutron_net_id"' in html and 'name="neutron_subnet"' not in html
    # The form is built as the page renders, after its messages: the next page says it.
    shown = messages(client.get(INDEX).content.decode())
    assert any(level in ("error", "danger") and text.startswith(
        "Unable to retrieve the networks") for level, text in shown), shown

    name = unique("typed")
    chosen_before = client.post(CREATE, {"name": name, "neutron_subnet": SUBNET_ID})
    assert "Enter the IDs of the Neutron network and subnet." in \
        chosen_before.content.decode()
    response = client.post(CREATE, {"name": name, "neutron_net_id": NET_ID,
                                    "neutron_subnet_id": SUBNET_ID})
    assert response.status_code == 302, response.content.decode()[-2000:]
    (made,) = manila("demo").share_networks.list(search_opts={"name": name})
    networks_of("demo").ids.append(made.id)
    assert made.share_network_subnets[0]["neutron_subnet_id"] == SUBNET_ID
