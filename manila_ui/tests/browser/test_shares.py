"""A member creates a share in the modal, watches it turn Available by itself
(Horizon's ajax row update, no reload), then deletes it."""

import uuid

from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot


def test_demo_creates_a_share_sees_it_become_available_and_deletes_it(
        browser_login, manila):
    name = f"sel-{uuid.uuid4().hex[:8]}"
    shares = browser_login("demo", then=SharesPage)  # the landing page

    modal = shares.open_create()
    assert "NFS" in modal.protocols
    assert "GiB used" in modal.quota_text
    modal = modal.fill_share(name=name, size=1, protocol="NFS")
    screenshot(modal.driver, "create-share", css=f"{modal.MODAL} .modal-content")
    shares = modal.submit()

    row = shares.row(name).wait_present()
    shares.mark()
    row.wait_status("Available")
    assert not shares.was_reloaded        # the row updated itself (ajax)
    screenshot(shares.driver, "shares-index")
    share_id = row.share_id
    assert manila("demo").shares.get(share_id).status == "available"

    row.delete().row(name).wait_gone()    # "Deleting", then the row goes
    assert share_id not in {s.id for s in manila("demo").shares.list()}


def test_a_bad_size_never_leaves_the_modal(browser_login, manila):
    """The browser refuses 0 (the field says min=1); the server would too."""
    name = f"sel-{uuid.uuid4().hex[:8]}"
    modal = browser_login("demo", then=SharesPage).open_create()
    problem = modal.fill_share(name=name, size=0).submit_refused()
    assert problem  # the browser's own message, e.g. "Value must be ≥ 1."
    assert not manila("demo").shares.list(search_opts={"name": name})
