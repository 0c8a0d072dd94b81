"""Page objects of a share's access rules (Project > Share > Shares > Manage
Rules): the table ``#rules`` (rows keyed by ``data-display`` = access to),
the Add Rule modal ``#add_rule_modal``, the overlap warning
``#rules__conflicts``."""

from __future__ import annotations

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.shares import fill_metadata

TABLE = "rules"


class RulesPage(BasePage):
    def loaded(self) -> RulesPage:
        super().loaded()
        self.wait_visible(f"#{TABLE}")
        return self

    @property
    def order(self) -> list[str]:
        return self.row_names(TABLE)

    @property
    def warning(self) -> str:
        found = self.elements("#rules__conflicts")
        return str(found[0].text) if found else ""

    def state(self, access_to: str) -> str:
        css = self.row_css(TABLE, access_to)
        try:
            cell = self.element(f"{css} td.status_up, {css} td.status_down, "
                                f"{css} td.warning")
        except NoSuchElementException:
            return ""
        return str(cell.text).strip()

    def wait_state(self, access_to: str, state: str) -> RulesPage:
        self.wait().until(lambda _d: self.state(access_to) == state,
                          message=f"rule {access_to} {state}")
        return self

    def open_add(self) -> AddRuleModal:
        self.table_action(TABLE, "add_rule")
        return self.go(AddRuleModal)

    def delete(self, access_to: str) -> RulesPage:
        before = self.element("html")
        self.row_action(TABLE, access_to, "delete")
        self.confirm()
        self.wait().until(ec.staleness_of(before), message="the page reloaded")
        return self.go(RulesPage)

    def wait_gone(self, access_to: str) -> None:  # type: ignore[override]
        super().wait_gone(self.row_css(TABLE, access_to))


class AddRuleModal(BasePage):
    MODAL = "#add_rule_modal"

    def loaded(self) -> AddRuleModal:
        self.wait_visible(f"{self.MODAL} #id_access_to")
        return self

    def choose(self, name: str, value: str) -> AddRuleModal:
        Select(self.field(name, self.MODAL)).select_by_value(value)
        return self

    def shows(self, name: str) -> bool:
        found = self.elements(f"{self.MODAL} #id_{name}")
        return bool(found) and found[0].is_displayed()

    def type_to(self, text: str) -> AddRuleModal:
        field = self.field("access_to", self.MODAL)
        field.clear()
        field.send_keys(text)
        return self

    @property
    def inline_error(self) -> str:
        found = self.elements(f"{self.MODAL} .manila-ui-rule-errors")
        return str(found[0].text) if found else ""

    def add_metadata(self, **pairs: str) -> AddRuleModal:
        fill_metadata(self, self.MODAL, "metadata", pairs)
        return self

    def submit(self) -> RulesPage:
        """Submit; Horizon then loads the rules page again."""
        self.submit_modal(self.MODAL)
        return self.go(RulesPage)

    def submit_refused(self) -> str:
        """Submit what the page's script refuses: the modal stays, with the
        reason under the field."""
        self.click(f"{self.MODAL} .modal-footer input[type=submit]")
        self.wait().until(lambda _d: self.inline_error, message="an inline error")
        self.wait_visible(f"{self.MODAL} #id_access_to")
        return self.inline_error
