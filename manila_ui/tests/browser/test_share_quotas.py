"""An admin lowers demo's share quota to what demo already uses; demo finds
the Create Share button disabled ("Quota exceeded"); the admin raises the
quota (through Identity › Projects › Modify Quotas); demo creates a share."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from manila_ui.tests.browser.pages.base import LoginPage
from manila_ui.tests.browser.pages.base import log_out
from manila_ui.tests.browser.pages.share_quotas import ModifyQuotasShareStep
from manila_ui.tests.browser.pages.share_quotas import ShareQuotasPage
from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot
from manila_ui.tests.dashboards.helpers import cloud_user_ids
from manila_ui.tests.dashboards.helpers import require_counted_usage
from manila_ui.tests.dashboards.helpers import reset_usage_counters
from manila_ui.tests.dashboards.helpers import restore_default_quotas


@pytest.mark.bundled_only("real Manila's usage counters drift after the whole suite (reservations "
                          "left by other stories): open, see the issue note")
def test_quota_reached_then_raised(browser: Any, browser_login: Any, shares_of: Any,
                                   manila: Any, os_session: Any) -> None:
    demo_project = os_session("demo").get_project_id()
    reset_usage_counters(manila("admin"), demo_project, cloud_user_ids(os_session))
    shares_of("demo").create(name=f"sel-q-{uuid.uuid4().hex[:6]}")
    require_counted_usage(manila("admin"), demo_project)
    try:
        # The admin sets demo's share limit to what demo uses now.
        browser_login("admin")
        project = ShareQuotasPage(browser).open().open_project("demo")
        modal = project.edit()
        used = modal.in_use("shares")
        assert used >= 1
        project = modal.set(shares=used).save()
        project.wait_message("success", "Share quotas updated.")
        assert project.limit("shares") == str(used)
        assert manila("admin").quotas.get(demo_project).shares == used

        # Demo's Create Share button says so, and stays shut.
        log_out(browser)
        shares = LoginPage(browser).open().login("demo", then=SharesPage)
        button = shares.create_button
        assert "Quota exceeded" in button.text
        assert "disabled" in (button.get_attribute("class") or "")
        assert shares.element("#share_usage_summary").is_displayed()
        screenshot(shares.driver, "quota-exceeded")

        # The admin raises it, from Identity > Projects > Modify Quotas.
        log_out(browser)
        browser_login("admin")
        step = ModifyQuotasShareStep(browser, project_id=demo_project).open()
        assert step.in_use("shares") == used
        step.set(shares=used + 1).save()
        assert manila("admin").quotas.get(demo_project).shares == used + 1

        # Demo creates a share.
        log_out(browser)
        shares = LoginPage(browser).open().login("demo", then=SharesPage)
        assert "Quota exceeded" not in shares.create_button.text
        name = f"sel-q-{uuid.uuid4().hex[:6]}"
        shares = shares.open_create().fill_share(name=name, size=1, protocol="NFS").submit()
        shares.row(name).wait_present()
        created = [s for s in manila("demo").shares.list() if s.name == name]
        assert len(created) == 1
        shares_of("demo").created.append(created[0].id)
    finally:
        restore_default_quotas(manila("admin"), demo_project)
