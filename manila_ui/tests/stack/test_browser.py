"""The browser harness itself: headless chromium against the live Horizon, the
page-object base, and the failure artifacts."""

from __future__ import annotations

from typing import Any

import pytest

from manila_ui.tests import conftest
from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.base import LoginPage
from manila_ui.tests.browser.pages.base import log_out

pytestmark = pytest.mark.browser


def test_demo_logs_in_and_lands_on_the_shares_panel(browser: Any) -> None:
    page = LoginPage(browser).open().login("demo", then=BasePage)
    assert page.path == "/project/"
    page.wait_visible("#shares")
    assert "Shares" in browser.title
    # The offline-compressed stylesheet arrived: Horizon's navbar is laid out.
    assert page.element("nav.navbar").value_of_css_property("position") in ("fixed", "relative")
    log_out(browser)
    assert LoginPage(browser).open().path == "/auth/login/"


def test_wrong_password_shows_the_error(browser: Any) -> None:
    text = LoginPage(browser).open().login_fails("demo", "wrong")
    assert "Invalid credentials" in text


def test_failed_test_artifacts(browser: Any) -> None:
    BasePage(browser).open()
    nodeid = "manila_ui/tests/stack/test_browser.py::artifact[probe]"
    conftest.save_artifacts(browser, nodeid)
    stem = "manila_ui_tests_stack_test_browser.py_artifact_probe"
    png, html = (conftest.ARTIFACTS / f"{stem}{suffix}" for suffix in (".png", ".html"))
    try:
        assert png.read_bytes().startswith(b"\x89PNG")
        assert "loginBtn" in html.read_text()
    finally:
        png.unlink(missing_ok=True)
        html.unlink(missing_ok=True)
