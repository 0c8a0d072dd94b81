"""A user backs a share up from its row, changes what the share holds,
restores the backup and finds the old content again, watching the rows
update themselves while Manila works."""

import uuid

from manila_ui.tests.browser.pages.share_backups import BackupsPage
from manila_ui.tests.browser.pages.shares import SharesPage
from manila_ui.tests.browser.screenshots import screenshot

DATA = "simulated_driver:data"


def test_back_up_a_share_and_restore_it(browser_login, browser, manila, shares_of,
                                        target):
    demo = shares_of("demo")
    share = demo.create(name=f"precious-{uuid.uuid4().hex[:8]}", metadata={DATA: "v1"})
    demo.wait(share.id)
    client = manila("demo")

    shares = browser_login("demo", then=SharesPage)
    backup_name = f"nightly-{uuid.uuid4().hex[:8]}"
    backups = shares.row(share.name).open_create_backup().create(backup_name,
                                                                 backup_type="daily")
    demo.backups.append(backups.backup_id(backup_name))
    backups.wait_status(backup_name, "Available")
    screenshot(browser, "share-backups-index")
    assert backups.cell(backup_name, "Share") == share.name
    demo.wait(share.id)

    # The share changes after the backup (the simulated driver's content
    # marker; real Manila's DummyDriver keeps no content).
    client.shares.set_metadata(share.id, {DATA: "v2"})
    modal = backups.open_restore(backup_name)
    assert modal.targets[0] == f"Its own share ({share.name})"
    backups = modal.restore()
    assert backups.wait_message("info", "Restoring the backup")
    backups.wait_status(backup_name, "Available")
    demo.wait(share.id, timeout=demo.BACKUP_TIMEOUT)

    restored = client.shares.get(share.id)
    assert restored.source_backup_id == backups.backup_id(backup_name)
    if target == "bundled":
        assert client.shares.get_metadata(share.id)._info[DATA] == "v1"
    assert BackupsPage(browser).open().row_names("share_backups").count(backup_name) == 1
