"""Project > Share > Share Networks, as a user lives it: the list and its
filters, the create wizard, edit, delete, and the detail page's subnets
and security services (with the checked changes of networks in use)."""

from __future__ import annotations

import os
import re

import pytest
from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import messages
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.dashboards.network_helpers import neutron_root

INDEX = reverse("horizon:project:share_networks:index")
CREATE = reverse("horizon:project:share_networks:create")
NET_ID = "8e0b8c66-8d5c-4c10-9e2a-3fb5c6f0c111"
SUBNET_ID = "4f4c1b0e-7f0a-4a41-8b6e-4b8d5f0b2222"


def detail(network_id):
    return reverse("horizon:project:share_networks:detail", args=(network_id,))


def tab(client, network_id, slug):
    """A detail page's tab as the browser loads it on its first click."""
    return client.get(detail(network_id), {"tab": f"share_network_details__{slug}"},
                      HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_index_lists_the_projects_networks_with_their_zones(demo_client, networks_of):
    mine = networks_of("demo").create(availability_zone="nova")
    theirs = networks_of("alt_demo").create()

    html = demo_client.get(INDEX).content.decode()

    assert mine.id in row_ids(html)
    assert theirs.id not in row_ids(html)
    assert "Create Share Network" in html


@pytest.mark.parametrize("query", ["(", "[a-", ".*", "%", "\\"])
def test_filters_never_compile_what_the_user_types(demo_client, networks_of, query):
    plain = networks_of("demo").create(name=unique("plain"))
    odd = networks_of("demo").create(name=unique("odd") + query)

    response = demo_client.post(INDEX, {"share_networks__filter__q_field": "name",
                                        "share_networks__filter__q": query})
    assert response.status_code in (200, 302)
    html = demo_client.get(INDEX).content.decode()

    assert odd.id in row_ids(html)
    assert plain.id not in row_ids(html)
    demo_client.post(INDEX, {"share_networks__filter__q_field": "name",
                             "share_networks__filter__q": ""})


def test_the_index_costs_the_same_few_calls_for_any_number_of_networks(
        alt_demo_client, networks_of, backend_calls):
    alt = networks_of("alt_demo")
    alt.create()
    microversions.clear_cache()   # cold: the version document is read too
    with backend_calls() as few:
        assert alt_demo_client.get(INDEX).status_code == 200
    for _i in range(8):
        alt.create()
    microversions.clear_cache()
    with backend_calls() as many:
        html = alt_demo_client.get(INDEX).content.decode()

    assert len(row_ids(html)) >= 9
    assert many.count == few.count <= 3, many.lines
    assert [c.path for c in many].count("/v2/share-networks/detail") == 1


def test_create_wizard_makes_the_network_and_its_first_subnet(demo_client, manila,
                                                              networks_of, os_session):
    if neutron_root(os_session("demo")) is not None:
        pytest.skip("the catalog has a network service: the wizard offers its subnets "
                    "by name instead of the ID fields (test_share_network_neutron.py)")
    name = unique("wizard")
    form = demo_client.get(CREATE).content.decode()
    assert 'name="availability_zone"' in form and 'name="neutron_net_id"' in form

    bad = demo_client.post(CREATE, {"name": name, "neutron_net_id": "not-a-uuid",
                                    "availability_zone": "nova"})
    assert "Enter the ID (a UUID) of a Neutron resource." in bad.content.decode()
    half = demo_client.post(CREATE, {"name": name, "neutron_net_id": NET_ID})
    assert "Give both the Neutron network and subnet, or neither." in \
        half.content.decode()

    response = demo_client.post(CREATE, {
        "name": name, "description": "from the wizard", "availability_zone": "nova",
        "neutron_net_id": NET_ID, "neutron_subnet_id": SUBNET_ID,
        "metadata-key-0": "team", "metadata-value-0": "storage"})
    assert response.status_code == 302, response.content.decode()[-2000:]

    (network,) = manila("demo").share_networks.list(search_opts={"name": name})
    networks_of("demo").ids.append(network.id)
    (subnet,) = network.share_network_subnets
    assert (subnet["availability_zone"], subnet["neutron_net_id"]) == ("nova", NET_ID)
    assert subnet["metadata"] == {"team": "storage"}
    page = demo_client.get(INDEX).content.decode()
    assert (("success", f'Created share network "{name}".') in messages(page))


def test_edit_and_delete(demo_client, manila, networks_of):
    network = networks_of("demo").create()
    update = reverse("horizon:project:share_networks:update", args=(network.id,))

    form = demo_client.get(update).content.decode()
    assert "Share Name" not in form
    response = demo_client.post(update, {"network_id": network.id, "name": "renamed",
                                         "description": "new words"})
    assert response.status_code == 302
    assert manila("demo").share_networks.get(network.id).name == "renamed"

    deleted = demo_client.post(INDEX, {"action": f"share_networks__delete__{network.id}"})
    assert deleted.status_code == 302
    assert network.id not in row_ids(demo_client.get(INDEX).content.decode())


def test_deleting_a_network_in_use_says_why(demo_client, networks_of, shares_of):
    network = networks_of("demo").create(availability_zone="nova")
    share = shares_of("demo").create(share_type="dhss_true", share_network=network.id)
    shares_of("demo").wait(share.id)

    demo_client.post(INDEX, {"action": f"share_networks__delete__{network.id}"})
    page = demo_client.get(INDEX).content.decode()

    assert network.id in row_ids(page)
    assert any("it has 1 share(s)" in text for _level, text in messages(page)), \
        messages(page)


def test_detail_subnets_add_delete_and_metadata(demo_client, manila, networks_of):
    network = networks_of("demo").create()
    page = tab(demo_client, network.id, "subnets")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="subnets"' in html and "All zones (default)" in html
    add = reverse("horizon:project:share_networks:add_subnet", args=(network.id,))

    response = demo_client.post(add, {"network_id": network.id,
                                       "availability_zone": "nova-2",
                                       "metadata-key-0": "k", "metadata-value-0": "v"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    subnets = manila("demo").share_networks.get(network.id).share_network_subnets
    added = next(s for s in subnets if s["availability_zone"] == "nova-2")
    assert added["metadata"] == {"k": "v"}

    metadata = reverse("horizon:project:share_networks:subnet_metadata",
                       args=(network.id, added["id"]))
    assert 'value="k"' in demo_client.get(metadata).content.decode()
    demo_client.post(metadata, {"network_id": network.id, "subnet_id": added["id"],
                                "metadata-key-0": "tier", "metadata-value-0": "gold"})
    subnets = manila("demo").share_networks.get(network.id).share_network_subnets
    assert next(s for s in subnets if s["id"] == added["id"])["metadata"] == {
        "tier": "gold"}

    demo_client.post(detail(network.id), {"action": f"subnets__delete__{added['id']}"})
    subnets = manila("demo").share_networks.get(network.id).share_network_subnets
    assert [s["availability_zone"] for s in subnets] == [None]


def test_security_services_add_replace_remove(demo_client, manila, networks_of):
    nets = networks_of("demo")
    network = nets.create()
    ldap, other = nets.service("ldap"), nets.service("ldap", name=unique("ldap2"))
    add = reverse("horizon:project:share_networks:add_security_service",
                  args=(network.id,))

    form = demo_client.get(add).content.decode()
    assert ldap.id in form
    response = demo_client.post(add, {"network_id": network.id,
                                      "security_service_id": ldap.id})
    assert response.status_code == 302, response.content.decode()[-2000:]
    attached = manila("demo").security_services.list(
        search_opts={"share_network_id": network.id})
    assert [s.id for s in attached] == [ldap.id]
    # One per type: the form no longer offers LDAP services.
    assert other.id not in demo_client.get(add).content.decode()

    replace = reverse("horizon:project:share_networks:replace_security_service",
                      args=(network.id,)) + f"?current={ldap.id}"
    response = demo_client.post(replace, {"network_id": network.id,
                                          "current_id": ldap.id, "new_id": other.id})
    assert response.status_code == 302, response.content.decode()[-2000:]
    attached = manila("demo").security_services.list(
        search_opts={"share_network_id": network.id})
    assert [s.id for s in attached] == [other.id]

    demo_client.post(detail(network.id),
                     {"action": f"security_services__remove__{other.id}"})
    assert not manila("demo").security_services.list(
        search_opts={"share_network_id": network.id})


@pytest.mark.skipif(os.environ.get("MANILA_UI_TARGET") == "reference",
                    reason="real Manila 23 never answers this check: its share service "
                           "fails on it (share_server_get_all_by_host); the page's "
                           "start-over and polling limit are for that")
def test_a_network_in_use_goes_through_the_check(demo_client, manila, networks_of,
                                                 shares_of):
    nets = networks_of("demo")
    network = nets.create(availability_zone="nova")
    share = shares_of("demo").create(share_type="dhss_true", share_network=network.id)
    shares_of("demo").wait(share.id)
    ldap = nets.service("ldap", server="ldap.example.org")
    add = reverse("horizon:project:share_networks:add_security_service",
                  args=(network.id,))

    response = demo_client.post(add, {"network_id": network.id,
                                      "security_service_id": ldap.id})
    assert response.status_code == 302
    check = response["Location"]
    assert "/check/?" in check and "op=add" in check

    def ready():
        html = demo_client.get(check).content.decode()
        return html if 'data-state="ready"' in html else None
    html = wait_until(ready, what="the back ends to accept")
    assert 'id="share_network_check__apply"' in html
    applied = demo_client.post(check, {})
    assert applied.status_code == 302
    assert applied["Location"] == detail(network.id)
    attached = manila("demo").security_services.list(
        search_opts={"share_network_id": network.id})
    assert [s.id for s in attached] == [ldap.id]


def test_a_reader_sees_no_mutating_buttons(reader_client, networks_of):
    network = networks_of("demo").create()

    index = reader_client.get(INDEX).content.decode()
    page = reader_client.get(detail(network.id)).content.decode()
    subnets, services = (tab(reader_client, network.id, slug).content.decode()
                         for slug in ("subnets", "security_services"))

    assert network.id in row_ids(index)
    assert 'id="subnets"' in subnets and 'id="security_services"' in services
    for html in (index, page, subnets, services):
        for action in ("share_networks__action_create", "__delete__", "__edit",
                       "subnets__action_add_subnet",
                       "security_services__action_add_security_service"):
            assert action not in html, action
    for html in (page, subnets, services):
        assert not re.search(r'id="[a-z_]+__row_[^"]+__action_', html)


def test_the_detail_page_costs_the_same_calls_with_many_subnets(
        alt_demo_client, manila, networks_of, backend_calls):
    network = networks_of("alt_demo").create()
    microversions.clear_cache()
    with backend_calls() as few:
        assert tab(alt_demo_client, network.id, "subnets").status_code == 200
    subnets = manila("alt_demo").share_network_subnets
    for zone in ("nova", "nova-2"):
        subnets.create(share_network_id=network.id, availability_zone=zone)
    microversions.clear_cache()
    with backend_calls() as many:
        html = tab(alt_demo_client, network.id, "subnets").content.decode()

    subnets_table = re.search(r'<table[^>]*id="subnets".*?</table>', html, re.S).group(0)
    assert len(row_ids(subnets_table)) == 3
    # version document + the network (its subnets embedded)
    assert many.count == few.count <= 2, many.lines


def test_the_detail_page_loads_its_tables_when_their_tab_is_opened(
        demo_client, manila, networks_of, backend_calls):
    nets = networks_of("demo")
    network = nets.create(availability_zone="nova")
    ldap = nets.service("ldap")
    manila("demo").share_networks.add_security_service(network.id, ldap.id)
    microversions.clear_cache()

    with backend_calls() as page_calls:
        page = demo_client.get(detail(network.id)).content.decode()
    with backend_calls() as tab_calls:
        services = tab(demo_client, network.id, "security_services").content.decode()
    opened = demo_client.get(detail(network.id),
                             {"tab": "share_network_details__security_services"})

    # The page: its overview, and the tabs' titles with nothing in them yet.
    assert network.id in page and ">Security Services<" in page
    assert 'id="security_services"' not in page and ldap.id not in page
    assert not any("/security-services" in line for line in page_calls.lines)
    assert page_calls.count <= 2, page_calls.lines
    # The first click: only that tab, with the service, in one more list.
    assert ldap.id in row_ids(services) and 'id="subnets"' not in services
    assert "<html" not in services
    assert tab_calls.count <= 2, tab_calls.lines
    # A link to the tab opens the page on it, loaded.
    assert ldap.id in row_ids(opened.content.decode())
