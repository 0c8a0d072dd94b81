"""Admin > Share Networks, Security Services and Share Servers: every
project's, named once per page; a server's detail with its shares and
addresses; reset, unmanage, manage the server and then its share."""

from __future__ import annotations

from django.urls import reverse

from manila_ui.api import microversions
from manila_ui.tests.dashboards.helpers import row_html
from manila_ui.tests.dashboards.helpers import row_ids
from manila_ui.tests.dashboards.helpers import unique
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.dashboards.network_helpers import dhss_pool

NETWORKS = reverse("horizon:admin:share_networks:index")
SERVICES = reverse("horizon:admin:security_services:index")
SERVERS = reverse("horizon:admin:share_servers:index")
MANAGE = reverse("horizon:admin:share_servers:manage")
SECRET = "admin-never-sees-this"


def server_url(server_id):
    return reverse("horizon:admin:share_servers:detail", args=(server_id,))


def test_networks_and_services_of_every_project_with_project_names(
        admin_client, networks_of, backend_calls):
    demo = networks_of("demo")
    network = demo.create(name=unique("adm"))
    service = demo.service("ldap", password=SECRET)

    microversions.clear_cache()
    with backend_calls() as calls:
        html = admin_client.get(NETWORKS).content.decode()
    services = admin_client.get(SERVICES).content.decode()

    assert network.id in row_ids(html)
    row = row_html(html, network.id).replace(" <", "<").replace("> ", ">")
    assert ">demo<" in row                        # the project's name, not its id
    assert calls.count <= 3, calls.lines
    assert service.id in row_ids(services)
    assert ">demo<" in row_html(services, service.id).replace(" <", "<").replace("> ", ">")
    assert SECRET not in services
    detail = admin_client.get(
        reverse("horizon:admin:share_networks:detail", args=(network.id,)),
        {"tab": "share_network_details__share_servers"})
    assert detail.status_code == 200
    assert 'id="share_servers"' in detail.content.decode()   # admins see servers


def test_reset_a_networks_status(admin_client, manila, networks_of):
    network = networks_of("demo").create()
    url = reverse("horizon:admin:share_networks:reset_status", args=(network.id,))

    response = admin_client.post(url, {"network_id": network.id, "status": "error"})

    assert response.status_code == 302
    assert manila("demo").share_networks.get(network.id).status == "error"
    admin_client.post(url, {"network_id": network.id, "status": "active"})


def test_share_servers_lifecycle_through_the_admin_pages(admin_client, manila,
                                                         networks_of, shares_of):
    demo = networks_of("demo")
    network = demo.create(name=unique("srv"), availability_zone="nova")
    service = demo.service("ldap", password=SECRET, server="ldap.example.org")
    manila("demo").share_networks.add_security_service(network.id, service.id)
    share = shares_of("demo").create(name=unique("on-server"), share_type="dhss_true",
                                     share_network=network.id)
    shares_of("demo").wait(share.id)
    admin = manila("admin")
    (server,) = admin.share_servers.list(search_opts={"share_network_id": network.id})

    index = admin_client.get(SERVERS).content.decode()
    row = row_html(index, server.id).replace(" <", "<").replace("> ", ">")
    assert network.name in row and ">demo<" in row, row
    detail = admin_client.get(server_url(server.id)).content.decode()
    assert share.name in detail
    assert 'id="share_server_detail__addresses"' in detail
    assert SECRET not in detail

    # Reset, then back.
    reset = reverse("horizon:admin:share_servers:reset_status", args=(server.id,))
    admin_client.post(reset, {"server_id": server.id, "status": "inactive"})
    assert admin.share_servers.get(server.id).status == "inactive"
    admin_client.post(reset, {"server_id": server.id, "status": "active"})

    # Unmanage the share, then the server (through the table's action).
    path = next(el.path for el in manila("demo").share_export_locations.list(share.id)
                if el.preferred)
    admin.shares.unmanage(share.id)
    shares_of("demo").wait_gone(share.id)
    admin_client.post(SERVERS, {"action": f"share_servers__unmanage__{server.id}"})
    wait_until(lambda: server.id not in {s.id for s in admin.share_servers.list()},
               what="the server to be unmanaged")

    # Manage the server again, then its share.
    pool = dhss_pool(manila)
    host = pool.split("#")[0]
    form = admin_client.get(MANAGE).content.decode()
    subnet_id = manila("demo").share_networks.get(network.id).share_network_subnets[0][
        "id"]
    assert f"{network.id}|{subnet_id}" in form and host in form
    response = admin_client.post(MANAGE, {"host": host,
                                          "subnet": f"{network.id}|{subnet_id}",
                                          "identifier": server.identifier})
    assert response.status_code == 302, response.content.decode()[-2000:]
    (managed,) = admin.share_servers.list(search_opts={"share_network_id": network.id})
    wait_until(lambda: admin.share_servers.get(managed.id).status == "active",
               what="the managed server")
    manage_share = reverse("horizon:admin:share_servers:manage_share",
                           args=(managed.id,))
    form = admin_client.get(manage_share).content.decode()
    assert "dhss_true" in form and pool in form
    response = admin_client.post(manage_share, {
        "server_id": managed.id, "export_path": path, "share_proto": "NFS",
        "share_type": "dhss_true", "service_host": pool,
        "name": share.name})
    assert response.status_code == 302, response.content.decode()[-2000:]
    (back,) = admin.shares.list(search_opts={"name": share.name, "all_tenants": 1})
    wait_until(lambda: admin.shares.get(back.id).status == "available",
               what="the managed share")
    assert share.name in admin_client.get(server_url(managed.id)).content.decode()
    admin.shares.delete(back.id)
    wait_until(lambda: back.id not in {s.id for s in admin.shares.list(
        search_opts={"all_tenants": 1})}, what="the share to go")
    # A managed server is never deleted on its own (it blocks the network).
    admin.share_servers.delete(managed.id)
    wait_until(lambda: managed.id not in {s.id for s in admin.share_servers.list()},
               what="the managed server to go")


def test_delete_an_unused_server(admin_client, manila, networks_of, shares_of):
    network = networks_of("demo").create(availability_zone="nova")
    share = shares_of("demo").create(share_type="dhss_true", share_network=network.id)
    shares_of("demo").wait(share.id)
    admin = manila("admin")
    (server,) = admin.share_servers.list(search_opts={"share_network_id": network.id})

    admin_client.post(SERVERS, {"action": f"share_servers__delete__{server.id}"})
    assert admin.share_servers.get(server.id).status == "active"   # in use: refused
    manila("demo").shares.delete(share.id)
    shares_of("demo").wait_gone(share.id)
    admin_client.post(SERVERS, {"action": f"share_servers__delete__{server.id}"})
    wait_until(lambda: server.id not in {s.id for s in admin.share_servers.list()},
               what="the server to go")


def test_members_do_not_reach_the_admin_panels(demo_client):
    for url in (NETWORKS, SERVICES, SERVERS):
        response = demo_client.get(url)
        assert response.status_code in (302, 403), url
