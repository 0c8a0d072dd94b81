"""A member creates a share network with a subnet, attaches an LDAP security
service and creates a DHSS=True share on it; the admin sees its share
server appear, then unmanages the share and the server and manages both
again (server first, then its share)."""

import uuid

from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.base import LoginPage
from manila_ui.tests.browser.pages.base import log_out
from manila_ui.tests.browser.pages.share_networks import SecurityServicesPage
from manila_ui.tests.browser.pages.share_networks import ShareNetworksPage
from manila_ui.tests.browser.pages.share_networks import ShareServersPage
from manila_ui.tests.browser.pages.share_networks import choose_share_network
from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot
from manila_ui.tests.dashboards.helpers import wait_until
from manila_ui.tests.dashboards.network_helpers import dhss_pool

SECRET = "story-secret-never-shown"


def test_share_network_to_share_server_and_back(browser, browser_login, manila):
    tag = uuid.uuid4().hex[:6]
    net_name, svc_name, share_name = f"net-{tag}", f"ldap-{tag}", f"onnet-{tag}"
    demo, admin = manila("demo"), manila("admin")

    # The member: a network with its first subnet, an LDAP service on it.
    browser_login("demo")
    networks = ShareNetworksPage(browser).open().create(net_name, zone="nova")
    (network,) = demo.share_networks.list(search_opts={"name": net_name})
    services = SecurityServicesPage(browser).open().create_ldap(
        svc_name, server="ldap.example.org", password=SECRET)
    assert SECRET not in browser.page_source
    (service,) = demo.security_services.list(search_opts={"name": svc_name})
    detail = ShareNetworksPage(browser).open().open_detail(net_name)
    detail = detail.add_security_service(service.id).open_tab("security_services")
    assert svc_name in detail.service_names()
    screenshot(browser, "share-network-detail")
    assert services and networks

    # A DHSS=True share on it.
    shares = SharesPage(browser).open()
    modal = shares.open_create()
    modal.fill_share(name=share_name, size=1, protocol="NFS")
    choose_share_network(modal, modal.MODAL, "dhss_true", network.id, "nova")
    shares = modal.submit()
    shares.row(share_name).wait_present().wait_status("Available")

    # The admin sees the share server appear.
    log_out(browser)
    LoginPage(browser).open().login("admin", then=BasePage)
    (server,) = admin.share_servers.list(search_opts={"share_network_id": network.id})
    servers = ShareServersPage(browser).open()
    servers.wait_visible(servers.row_css_of(server.id))
    assert net_name in servers.element(servers.row_css_of(server.id)).text
    servers.wait_status(server.id, "Active")
    assert SECRET not in browser.page_source

    # Unmanage the share, then the server.
    share = next(s for s in admin.shares.list(search_opts={"all_tenants": 1,
                                                           "name": share_name}))
    path = next(el.path for el in admin.share_export_locations.list(share.id)
                if el.preferred)
    admin_shares = BasePage(browser)
    browser.get(admin_shares.base_url + "/admin/shares/")
    admin_shares.wait_visible(admin_shares.row_css("shares", share_name))
    admin_shares.row_action("shares", share_name, "unmanage")
    admin_shares.confirm()
    wait_until(lambda: not admin.shares.list(search_opts={"all_tenants": 1,
                                                          "name": share_name}),
               what="the share to be unmanaged")
    servers = ShareServersPage(browser).open().unmanage(server.id)

    # Manage the server again, then its share.
    subnet = demo.share_networks.get(network.id).share_network_subnets[0]["id"]
    servers = servers.manage(dhss_pool(manila).split("#")[0], f"{network.id}|{subnet}",
                             server.identifier)
    # The modal closes as the form is sent: the server shows up a moment later.
    (managed,) = wait_until(lambda: admin.share_servers.list(
        search_opts={"share_network_id": network.id}), what="the managed server")
    servers.wait_visible(servers.row_css_of(managed.id))
    servers.wait_status(managed.id, "Active")
    servers = servers.manage_share(managed.id, path, share_name)
    wait_until(lambda: [s for s in admin.shares.list(search_opts={
        "all_tenants": 1, "name": share_name}) if s.status == "available"],
        what="the managed share")
    (back,) = admin.shares.list(search_opts={"all_tenants": 1, "name": share_name})
    assert back.share_server_id == managed.id

    # Leave nothing behind.
    admin.shares.delete(back.id)
    wait_until(lambda: not admin.shares.list(search_opts={"all_tenants": 1,
                                                          "name": share_name}),
               what="the share to go")
    admin.share_servers.delete(managed.id)
    wait_until(lambda: managed.id not in {s.id for s in admin.share_servers.list()},
               what="the server to go")
    demo.share_networks.delete(network.id)
    demo.security_services.delete(service.id)
