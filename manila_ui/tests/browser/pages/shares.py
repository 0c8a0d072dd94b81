"""Page objects of Project > Share > Shares (on the harness's ``BasePage``).

Keys: the table ``#shares``, its actions ``#shares__action_<name>``, a row
``tr[data-display="<name>"]`` (id ``shares__row__<share id>``), a row action
``#shares__row_<id>__action_<name>``, the modal ``#create_share_modal`` with
fields ``#id_<field>``. Queries are properties, actions return the page they
lead to, waits are explicit.
"""

from __future__ import annotations

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage

TABLE = "shares"


class SharesPage(BasePage):
    URL = "/project/"

    def loaded(self) -> SharesPage:
        super().loaded()
        self.wait_visible(f"#{TABLE}")
        return self

    @property
    def create_button(self) -> WebElement:
        return self.element(f"#{TABLE}__action_create")

    @property
    def names(self) -> list[str]:
        return self.row_names(TABLE)

    def row(self, name: str) -> ShareRow:
        return ShareRow(self, name)

    def mark(self) -> None:
        """Tag the loaded document, to tell later whether it was reloaded."""
        self.driver.execute_script("window.manilaUiMark = true;")

    @property
    def was_reloaded(self) -> bool:
        return not self.driver.execute_script("return window.manilaUiMark === true;")

    def open_create(self) -> CreateShareModal:
        self.table_action(TABLE, "create")
        return self.go(CreateShareModal)


class ShareRow:
    """One row, looked up again on every query: Horizon swaps rows in place."""

    def __init__(self, page: SharesPage, name: str) -> None:
        self.page = page
        self.name = name
        self.css = page.row_css(TABLE, name)

    @property
    def share_id(self) -> str:
        return self.page.row_id(TABLE, self.name)

    @property
    def status(self) -> str:
        """The status cell: the one Horizon marks status_up/status_down/warning."""
        try:
            cell = self.page.element(
                f"{self.css} td.status_up, {self.css} td.status_down, "
                f"{self.css} td.warning")
        except NoSuchElementException:
            return ""
        return str(cell.text).strip()

    @property
    def is_polling(self) -> bool:
        try:
            classes = self.page.element(self.css).get_attribute("class") or ""
        except NoSuchElementException:
            return False
        return "ajax-update" in classes

    def wait_present(self) -> ShareRow:
        self.page.wait_visible(self.css)
        return self

    def wait_status(self, status: str) -> ShareRow:
        """Wait for Horizon's ajax row update to show ``status`` (no reload)."""
        self.page.wait().until(lambda _d: self.status == status,
                               message=f"row {self.name} showing {status}")
        return self

    def delete(self) -> SharesPage:
        self.page.row_action(TABLE, self.name, "delete")
        self.page.confirm()
        return self.page.go(SharesPage)

    def wait_gone(self) -> None:
        self.page.wait_gone(self.css)


class CreateShareModal(BasePage):
    MODAL = "#create_share_modal"

    def loaded(self) -> CreateShareModal:
        self.wait_visible(f"{self.MODAL} #id_size")
        return self

    @property
    def protocols(self) -> list[str]:
        select = Select(self.field("share_proto", self.MODAL))
        return [o.get_attribute("value") or "" for o in select.options]

    @property
    def quota_text(self) -> str:
        return str(self.element("#quota_gigabytes_usage").text)

    def fill_share(self, *, name: str, size: int = 1, protocol: str = "NFS",
                   description: str = "") -> CreateShareModal:
        self.fill(self.MODAL, name=name, size=size, share_proto=protocol)
        if description:
            self.fill(self.MODAL, description=description)
        return self

    def submit(self) -> SharesPage:
        self.click(f"{self.MODAL} .modal-footer input[type=submit]")
        self.wait_gone(self.MODAL)
        return self.go(SharesPage)

    def submit_refused(self) -> str:
        """Submit input the browser itself rejects (e.g. below a field's min):
        the modal stays open; returns the browser's validation message."""
        self.click(f"{self.MODAL} .modal-footer input[type=submit]")
        self.wait_visible(f"{self.MODAL} #id_size")
        invalid = self.elements(f"{self.MODAL} input:invalid, "
                                f"{self.MODAL} select:invalid")
        assert invalid, "the browser accepted the form"
        return str(invalid[0].get_property("validationMessage") or "")
