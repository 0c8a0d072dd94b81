"""Capacity in the browser, one story per test: an admin watches a thin pool
fill up as a user creates a share, its ``auto`` ratio rising; an admin takes
a back end out of scheduling, a user's share lands on another one, and the
admin puts it back."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import log_out
from manila_ui.tests.browser.pages.capacity import PoolsPage
from manila_ui.tests.browser.pages.capacity import ServicesPage
from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot


def _name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _create_in_browser(browser_login: Any, shares_of: Any, zone: str = "",
                       size: int = 1) -> Any:
    """demo creates a share (in ``zone``) in the modal; its row."""
    shares = browser_login("demo", then=SharesPage)
    modal = shares.open_create().fill_share(name=_name("cap"), size=size)
    if zone:
        Select(modal.field("availability_zone", modal.MODAL)).select_by_value(zone)
    name = modal.field("name", modal.MODAL).get_attribute("value")
    shares = modal.submit()
    row = shares.row(name).wait_present()
    shares_of("demo").created.append(row.share_id)
    return row


def _as_admin(browser_login: Any, browser: Any, page: Any) -> Any:
    browser_login("admin")
    return page(browser).open()


@pytest.mark.bundled_only("the bundled stack's thin pool alpha runs with an auto ratio, "
                          "and a share's simulated_driver:used_gb says what it wrote")
def test_an_admin_sees_a_thin_pool_fill_up_and_auto_rise(browser_login, browser, manila,
                                                         shares_of):
    admin = manila("admin", "2.98")
    alpha = next(p for p in admin.pools.list(detailed=True)
                 if p.capabilities.get("max_over_subscription_ratio_auto"))
    # What the pool's shares wrote so far: this share wrote 100 GiB of its 150.
    seeded = shares_of("demo").create(size=150, availability_zone="nova",
                                      metadata={"simulated_driver:used_gb": "100"})
    shares_of("demo").wait(seeded.id)

    pools = _as_admin(browser_login, browser, PoolsPage)
    before = pools.capacity(alpha.name)
    assert "auto" in pools.row_text(alpha.name)
    assert before["used"] >= 100
    log_out(browser)

    _create_in_browser(browser_login, shares_of, "nova", size=100).wait_status("Available")
    log_out(browser)

    pools = _as_admin(browser_login, browser, PoolsPage)
    after = pools.capacity(alpha.name)
    screenshot(browser, "admin-pools")
    assert after["provisioned"] == before["provisioned"] + 100
    assert after["used"] == before["used"]          # the new share wrote nothing yet
    # 1 + provisioned / (used + 1): more promised on the same data, a higher ratio
    # (until it reaches the default, 20).
    assert after["ratio"] > before["ratio"] or after["ratio"] == 20.0
    assert f"auto ({after['ratio']:g})" in pools.row_text(alpha.name)


def test_a_disabled_back_end_takes_no_share_until_the_admin_enables_it(
        browser_login, browser, manila, shares_of):
    admin = manila("admin", "2.98")
    # Where a share without a zone goes now: the back end the admin takes out.
    probe = shares_of("demo").create()
    shares_of("demo").wait(probe.id)
    favoured = admin.shares.get(probe.id).host.partition("#")[0]

    services = _as_admin(browser_login, browser, ServicesPage)
    services = services.disable(favoured, "disk swap")
    assert "Disabled (disk swap)" in services.row_text(favoured)
    screenshot(browser, "admin-services")
    log_out(browser)
    try:
        row = _create_in_browser(browser_login, shares_of)
        row.wait_status("Available")
        assert admin.shares.get(row.share_id).host.partition("#")[0] != favoured
        log_out(browser)
    finally:
        services = _as_admin(browser_login, browser, ServicesPage)
        services = services.enable(favoured)
    assert "Disabled" not in services.row_text(favoured)
    (after,) = admin.services.list(search_opts={"host": favoured,
                                                "binary": "manila-share"})
    assert after.status == "enabled"
