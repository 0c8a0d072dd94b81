"""A member makes a share of a squash-capable type, allows rw to 10.0.0.0/8
and ro, all_squash, anonuid 65534 to 10.1.0.0/16, sees both turn Active in
the order they take effect with the overlap warning, then deletes one.
The page's script refuses a bad CIDR before anything is sent, with the
server's words."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from manila_ui.dashboards.project.share_rules import forms as validation
from manila_ui.tests.browser.pages.share_rules import RulesPage
from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot


@pytest.fixture
def squash_type(manila: Any) -> Any:
    return manila("admin", "2.98").share_types.create(
        "sel-squash-" + uuid.uuid4().hex[:6], spec_driver_handles_share_servers=False,
        extra_specs={"squash_support": "True"})


def test_rules_with_squash_in_effective_order_with_the_warning(
        browser_login, manila, squash_type, shares_of, stack):
    name = f"sel-rules-{uuid.uuid4().hex[:6]}"
    shares = browser_login("demo", then=SharesPage)
    modal = shares.open_create().fill_share(name=name, size=1, protocol="NFS")
    modal.fill(modal.MODAL, share_type=squash_type.name)
    shares = modal.submit()
    row = shares.row(name).wait_present().wait_status("Available")
    share_id = row.share_id
    shares_of("demo").created.append(share_id)

    shares.row_action("shares", name, "manage_rules")
    rules = shares.go(RulesPage)

    add = rules.open_add().choose("access_type", "ip")
    assert add.shows("squash") and not add.shows("anonuid")
    refused = add.type_to("10.0.0.1/24").submit_refused()
    assert refused == "10.0.0.1/24: 10.0.0.1/24 has host bits set"
    rules = add.type_to("10.0.0.0/8").choose("access_level", "rw").submit()

    add = rules.open_add().type_to("10.1.0.0/16").choose("access_level", "ro")
    add.choose("squash", "all_squash")
    assert add.shows("anonuid")        # the anon ids follow the squash mode
    add.fill(add.MODAL, anonuid=65534)
    screenshot(add.driver, "add-rule-squash", css=f"{add.MODAL} .modal-content")
    rules = add.submit()

    rules.wait_state("10.1.0.0/16", "Active").wait_state("10.0.0.0/8", "Active")
    assert rules.order == ["10.1.0.0/16", "10.0.0.0/8"]
    rules.driver.refresh()        # the warning is rendered with the page
    rules = rules.loaded()
    assert "10.1.0.0/16 (ro) and 10.0.0.0/8 (rw) overlap" in rules.warning
    assert "clients in 10.1.0.0/16 get ro" in rules.warning
    screenshot(rules.driver, "access-rules")
    exports = (stack.state_path / "exports" / f"{share_id}.exports").read_text()
    assert exports.index("10.1.0.0/16(ro,all_squash,anonuid=65534)") < \
        exports.index("10.0.0.0/8(rw,no_root_squash)")

    rules = rules.delete("10.0.0.0/8")
    rules.wait_gone("10.0.0.0/8")
    assert rules.order == ["10.1.0.0/16"]
    rules.driver.refresh()
    assert not rules.loaded().warning
    assert [r.access_to for r in manila("demo", "2.98").share_access_rules.access_list(
        share_id)] == ["10.1.0.0/16"]


CASES = ["10.0.0.0/8", "10.0.0.1", "10.0.0.1/24", "10.0.0.0/33", "010.0.0.0/8",
         "2001:db8::/64", "2001:db8::1/64", "::ffff:10.0.0.0/120", "2001:db8:::/64",
         "fe80::/10", "1:2:3:4:5:6:7:8/128", "1:2:3:4:5:6:7::/112", "bogus", "10.0.0"]


def test_the_page_script_checks_as_the_server_does(browser_login, shares_of):
    share = shares_of("demo").create()
    page = browser_login("demo", then=SharesPage)
    page.driver.get(page.base_url + f"/project/share_rules/{share.id}/")
    for value in CASES:
        script = page.driver.execute_script(
            "return window.manilaUiShareRules.ipError(arguments[0], true);", value)
        assert script == validation.access_to_error("ip", value), value
    for kind, value in [("user", "abc"), ("user", "alice"), ("cert", "c" * 65),
                        ("cephx", "client.x"), ("cephx", "bé"), ("user", "....")]:
        script = page.driver.execute_script(
            "return window.manilaUiShareRules.accessError(arguments[0], arguments[1]);",
            kind, value)
        assert script == validation.access_to_error(kind, value), (kind, value)
