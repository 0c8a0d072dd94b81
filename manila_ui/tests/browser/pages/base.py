"""Page-object base for Horizon pages, keyed on Horizon's stable DOM ids.

Horizon names things predictably: a table ``#<table>``, a table action
``#<table>__action_<name>``, a row ``tr[data-display="<name>"]`` (its object id in
``data-object-id``), a row action ``#<table>__row_<id>__action_<name>``, a form
field ``#id_<field>``, messages as ``.alert-<level>`` in ``.messages``. Every
wait is explicit (``WebDriverWait``); nothing sleeps.
"""

from __future__ import annotations

from typing import Any
from typing import TypeVar

from selenium.common.exceptions import NoSuchElementException
from selenium.common.exceptions import StaleElementReferenceException
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select
from selenium.webdriver.support.ui import WebDriverWait

from manila_ui.stack import config

TIMEOUT = 30.0
P = TypeVar("P", bound="BasePage")


class BasePage:
    """A Horizon page; ``URL`` is relative to the live Horizon, ``loaded()`` waits
    for the page's landmark (override it)."""

    URL = "/"

    def __init__(self, driver: WebDriver, base_url: str | None = None,
                 timeout: float = TIMEOUT) -> None:
        self.driver = driver
        self.base_url = str(base_url or getattr(driver, "base_url", "") or "").rstrip("/")
        self.timeout = timeout

    # --- navigation and waiting ---------------------------------------------------

    def open(self: P) -> P:
        self.driver.get(self.base_url + self.URL)
        return self.loaded()

    def loaded(self: P) -> P:
        self.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")
        return self

    def go(self, page: type[P]) -> P:
        """The same browser, as another page object (after a click led there)."""
        return page(self.driver, self.base_url, self.timeout).loaded()

    def wait(self, timeout: float | None = None) -> WebDriverWait[WebDriver]:
        # While a document is replaced, chromedriver can answer about an element of
        # the old one with a bare "unknown error" (node not in the document): retry.
        return WebDriverWait(self.driver, timeout or self.timeout,
                             ignored_exceptions=(StaleElementReferenceException,
                                                 WebDriverException))

    def element(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def elements(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait_visible(self, css: str, timeout: float | None = None) -> WebElement:
        return self.wait(timeout).until(
            ec.visibility_of_element_located((By.CSS_SELECTOR, css)), message=f"{css} visible")

    def wait_clickable(self, css: str, timeout: float | None = None) -> WebElement:
        return self.wait(timeout).until(
            ec.element_to_be_clickable((By.CSS_SELECTOR, css)), message=f"{css} clickable")

    def wait_gone(self, css: str, timeout: float | None = None) -> None:
        """No element matching ``css`` shows, looked up afresh at each poll.
        Selenium's invisibility_of_element_located also passes when the element
        it found goes stale, as a polled table row does each time Horizon
        replaces it with its update (CI saw a deleted rule still listed)."""
        self.wait(timeout).until(
            lambda _d: not any(e.is_displayed() for e in self.elements(css)),
            message=f"{css} gone")

    def submit_modal(self, modal: str, button: str = ".modal-footer input[type=submit]") -> None:
        """Submit a modal form that succeeds, and wait for the page Horizon then loads:
        the modal going away is not enough, the old document lingers until the redirect
        lands (a mark set on it must be gone)."""
        self.driver.execute_script("window.manilaUiBeforeSubmit = true;")
        self.click(f"{modal} {button}")
        self.wait().until(
            lambda d: d.execute_script(
                "return window.manilaUiBeforeSubmit === undefined"
                " && document.readyState === 'complete';"),
            message=f"{modal} submitted and the next page loaded")

    def click(self, css: str) -> None:
        self.wait_clickable(css).click()

    @property
    def path(self) -> str:
        url: str = self.driver.current_url
        return url[len(self.base_url):] if url.startswith(self.base_url) else url

    # --- forms ------------------------------------------------------------------------

    def field(self, name: str, scope: str = "") -> WebElement:
        """The form field ``#id_<name>`` (inside ``scope``, e.g. a modal's ``#id``)."""
        return self.element(f"{scope} #id_{name}".strip())

    def fill(self, scope: str = "", **values: Any) -> None:
        """Set fields by name: text is typed, selects are chosen by value, booleans tick."""
        for name, value in values.items():
            el = self.field(name, scope)
            if el.tag_name == "select":
                Select(el).select_by_value(str(value))
            elif el.get_attribute("type") == "checkbox":
                if el.is_selected() != bool(value):
                    el.click()
            else:
                el.clear()
                el.send_keys(str(value))

    # --- Horizon tables ------------------------------------------------------------------

    @staticmethod
    def row_css(table: str, display: str) -> str:
        return f'#{table} tbody tr[data-display="{display}"]'

    def table_action(self, table: str, action: str) -> None:
        self.click(f"#{table}__action_{action}")

    def row_names(self, table: str) -> list[str]:
        # One script: a row its poll replaces between a find and a read would be stale.
        return list(self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".map(r => r.getAttribute('data-display') || '');",
            f"#{table} tbody tr[data-display]"))

    def row_id(self, table: str, display: str) -> str:
        # One script, not a find and then a read: Horizon replaces a polling row
        # in between (a stale element, seen under load).
        found = self.driver.execute_script(
            "var row = document.querySelector(arguments[0]);"
            " return row ? row.getAttribute('data-object-id') : null;",
            self.row_css(table, display))
        if found is None:
            raise NoSuchElementException(f"no row {display!r} in #{table}")
        return str(found)

    def row_action(self, table: str, display: str, action: str) -> None:
        """Click a row action, opening the row's action dropdown when it hides there."""
        obj_id = self.row_id(table, display)
        css = f"#{table}__row_{obj_id}__action_{action}"
        target = self.element(css)
        if not target.is_displayed():
            self.element(f"{self.row_css(table, display)} .dropdown-toggle").click()
        self.wait_clickable(css).click()

    def confirm(self) -> None:
        """Accept Horizon's confirmation dialog (delete and other dangerous actions)."""
        self.click("#modal_wrapper .modal .modal-footer .btn-danger, "
                   "#modal_wrapper .modal .modal-footer .btn-primary")

    # --- messages ------------------------------------------------------------------------

    def messages(self, level: str | None = None) -> list[str]:
        """Texts of Horizon's toast messages (``success``, ``info``, ``warning``, ``danger``)."""
        css = f".messages .alert-{level}" if level else ".messages .alert"
        return [el.text.strip() for el in self.elements(css)]

    def wait_message(self, level: str, contains: str = "") -> str:
        def found(_d: WebDriver) -> str | None:
            return next((m for m in self.messages(level) if contains in m), None)

        return str(self.wait().until(found, message=f"{level} message {contains!r}"))


class LoginPage(BasePage):
    URL = "/auth/login/"

    def loaded(self) -> LoginPage:
        self.wait_clickable("#loginBtn")
        return self

    def login(self, user: str = "demo", password: str | None = None,
              then: type[P] = BasePage) -> P:  # type: ignore[assignment]
        """Log in as a local user (doc/contributing.md), return the landing page as ``then``."""
        if password is None:
            password = config.USERS[user].password
        self.fill(username=user, password=password)
        self.element("#loginBtn").click()
        self.wait().until(lambda d: "/auth/login/" not in d.current_url,
                          message=f"login as {user}")
        return self.go(then)

    def login_fails(self, user: str, password: str) -> str:
        """Submit bad credentials; return the form's error text."""
        self.fill(username=user, password=password)
        self.element("#loginBtn").click()
        return self.wait_visible(".alert-danger, .help-block.alert").text


def log_out(driver: WebDriver) -> None:
    """Forget the session (Horizon's logout is a POST; cookies are all there is).

    Leave for a script-free page of the site first: a response still on its way
    (the redirect after a workflow, a polling row) carries a fresh session cookie
    and would log the user in again after the cookies were cleared (seen once in
    the quota story). Then clear every cookie through the DevTools protocol."""
    driver.get(driver.base_url + "/static/dashboard/img/favicon.ico")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
