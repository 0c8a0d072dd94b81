"""Page objects of share networks, security services and (admin) share
servers, on the harness's ``BasePage``.

Keys: tables ``#share_networks``, ``#security_services``, ``#subnets``,
``#share_servers``; the wizard ``#create_share_network__network`` /
``__subnet`` steps; the modals ``#<modal_id>`` with fields ``#id_<field>``.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage


class ShareNetworksPage(BasePage):
    URL = "/project/share_networks/"
    TABLE = "share_networks"

    def loaded(self) -> ShareNetworksPage:
        super().loaded()
        self.wait_visible(f"#{self.TABLE}")
        return self

    def create(self, name: str, zone: str) -> ShareNetworksPage:
        """The wizard: name, Next, the first subnet's zone, Create."""
        self.table_action(self.TABLE, "create")
        self.wait_visible("#create_share_network__network #id_name")
        self.fill("#create_share_network__network", name=name)
        self.click(".modal-footer .button-next")
        self.wait_visible("#create_share_network__subnet #id_availability_zone")
        self.fill("#create_share_network__subnet", availability_zone=zone)
        self.click(".modal-footer .button-final")
        self.wait_gone("#create_share_network__subnet")
        page = self.go(ShareNetworksPage)
        page.wait_visible(page.row_css(self.TABLE, name))
        return page

    def open_detail(self, name: str) -> ShareNetworkDetailPage:
        self.click(f"{self.row_css(self.TABLE, name)} td a[href*='/share_networks/']")
        return self.go(ShareNetworkDetailPage)


class ShareNetworkDetailPage(BasePage):
    def loaded(self) -> ShareNetworkDetailPage:
        super().loaded()
        self.wait_visible("#share_network_details")
        return self

    def open_tab(self, slug: str) -> ShareNetworkDetailPage:
        """Its tables' tabs load on their first click: wait for the table."""
        self.click(f'a[data-target="#share_network_details__{slug}"]')
        self.wait_visible(f"#share_network_details__{slug} table#{slug}")
        return self

    def add_security_service(self, service_id: str) -> ShareNetworkDetailPage:
        self.open_tab("security_services")
        self.table_action("security_services", "add_security_service")
        modal = "#add_security_service_modal"
        self.wait_visible(f"{modal} #id_security_service_id")
        self.fill(modal, security_service_id=service_id)
        self.submit_modal(modal)
        self.wait_message("success", "Added the security service")
        return self.go(ShareNetworkDetailPage)

    def service_names(self) -> list[str]:
        return self.row_names("security_services")


class SecurityServicesPage(BasePage):
    URL = "/project/security_services/"
    TABLE = "security_services"

    def loaded(self) -> SecurityServicesPage:
        super().loaded()
        self.wait_visible(f"#{self.TABLE}")
        return self

    def create_ldap(self, name: str, server: str, password: str) -> SecurityServicesPage:
        self.table_action(self.TABLE, "create")
        modal = "#create_security_service_modal"
        self.wait_visible(f"{modal} #id_type")
        self.fill(modal, name=name, type="ldap")
        # Horizon shows the LDAP fields (with their LDAP labels) for that type.
        self.wait_visible(f"{modal} #id_server")
        assert self.element(f"{modal} label[for=id_server]").text.startswith("LDAP Server")
        self.fill(modal, server=server, password=password, confirm_password=password)
        self.submit_modal(modal)
        page = self.go(SecurityServicesPage)
        page.wait_visible(page.row_css(self.TABLE, name))
        return page


def choose_share_network(page: BasePage, modal: str, share_type: str,
                         network_id: str, zone: str) -> None:
    """In Create Share: a DHSS=True type shows the share network field."""
    page.fill(modal, share_type=share_type, availability_zone=zone)
    page.wait_visible(f"{modal} #id_share_network")
    Select(page.field("share_network", modal)).select_by_value(network_id)


class ShareServersPage(BasePage):
    URL = "/admin/share_servers/"
    TABLE = "share_servers"

    def loaded(self) -> ShareServersPage:
        super().loaded()
        self.wait_visible(f"#{self.TABLE}")
        return self

    def row_css_of(self, server_id: str) -> str:
        return f'#{self.TABLE} tbody tr[data-object-id="{server_id}"]'

    def status_of(self, server_id: str) -> str:
        cells = self.elements(f"{self.row_css_of(server_id)} td.status_up, "
                              f"{self.row_css_of(server_id)} td.status_down, "
                              f"{self.row_css_of(server_id)} td.warning")
        return str(cells[0].text).strip() if cells else ""

    def wait_status(self, server_id: str, status: str) -> ShareServersPage:
        self.wait().until(lambda _d: self.status_of(server_id) == status,
                          message=f"server {server_id} {status}")
        return self

    def row_action_of(self, server_id: str, action: str) -> None:
        css = f"#{self.TABLE}__row_{server_id}__action_{action}"
        if not self.element(css).is_displayed():
            self.element(f"{self.row_css_of(server_id)} .dropdown-toggle").click()
        self.wait_clickable(css).click()

    def unmanage(self, server_id: str) -> ShareServersPage:
        self.row_action_of(server_id, "unmanage")
        self.confirm()
        page = self.go(ShareServersPage)
        page.wait_gone(page.row_css_of(server_id))
        return page

    def manage(self, host: str, subnet: str, identifier: str) -> ShareServersPage:
        self.table_action(self.TABLE, "manage")
        modal = "#manage_share_server_modal"
        self.wait_visible(f"{modal} #id_identifier")
        self.fill(modal, host=host, subnet=subnet, identifier=identifier)
        self.submit_modal(modal)
        return self.go(ShareServersPage)

    def manage_share(self, server_id: str, export_path: str, name: str) -> ShareServersPage:
        self.row_action_of(server_id, "manage_share")
        modal = "#manage_share_on_server_modal"
        self.wait_visible(f"{modal} #id_export_path")
        self.fill(modal, export_path=export_path, share_type="dhss_true", name=name)
        self.submit_modal(modal)
        return self.go(ShareServerDetailPage).back()


class ShareServerDetailPage(BasePage):
    def loaded(self) -> ShareServerDetailPage:
        super().loaded()
        self.wait_visible("#share_server_details")
        return self

    def back(self) -> ShareServersPage:
        self.driver.get(self.base_url + ShareServersPage.URL)
        return self.go(ShareServersPage)
