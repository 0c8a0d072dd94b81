"""Page objects of Project > Share > Share Backups.

Keys: the table ``#share_backups``, a row ``tr[data-display="<name>"]``, row
actions ``#share_backups__row_<id>__action_<name>``, the modals
``#create_share_backup_modal`` and ``#restore_share_backup_modal``.
"""

from __future__ import annotations

from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage

TABLE = "share_backups"
# Real Manila's DummyDriver finishes a backup or a restore in a periodic task
# that runs every minute.
SLOW = 240.0


class BackupsPage(BasePage):
    URL = "/project/share_backups/"

    def loaded(self) -> BackupsPage:
        super().loaded()
        self.wait_visible(f"#{TABLE}")
        return self

    def cell(self, name: str, title: str) -> str:
        """The text of a row's cell under the column titled ``title``, read in
        one script (Horizon replaces a polling row at any time)."""
        found = self.driver.execute_script(
            "var titles = Array.from(document.querySelectorAll("
            "  '#' + arguments[0] + ' thead tr.table_column_header th'))"
            "  .map(function (th) { return th.textContent.trim(); });"
            " var row = document.querySelector(arguments[1]);"
            " if (!row) { return ''; }"
            " var cells = row.querySelectorAll('td');"
            " var i = titles.indexOf(arguments[2]);"
            " return i < 0 || cells.length !== titles.length ? ''"
            "  : cells[i].textContent.trim();",
            TABLE, self.row_css(TABLE, name), title)
        return str(found or "")

    def wait_status(self, name: str, status: str, timeout: float = SLOW) -> BackupsPage:
        """Wait for the row's own update (no reload) to show ``status``."""
        self.wait_visible(self.row_css(TABLE, name))
        self.wait(timeout).until(lambda _d: self.cell(name, "Status") == status,
                                 message=f"backup {name} showing {status}")
        return self

    def backup_id(self, name: str) -> str:
        return self.row_id(TABLE, name)

    def open_restore(self, name: str) -> RestoreBackupModal:
        self.row_action(TABLE, name, "restore")
        return self.go(RestoreBackupModal)


class CreateBackupModal(BasePage):
    MODAL = "#create_share_backup_modal"

    def loaded(self) -> CreateBackupModal:
        self.wait_visible(f"{self.MODAL} #id_name")
        return self

    def create(self, name: str, backup_type: str = "") -> BackupsPage:
        """Submit; Horizon then shows the backups panel."""
        self.fill(self.MODAL, name=name, backup_type=backup_type)
        self.submit_modal(self.MODAL)
        return self.go(BackupsPage)


class RestoreBackupModal(BasePage):
    MODAL = "#restore_share_backup_modal"

    def loaded(self) -> RestoreBackupModal:
        self.wait_visible(f"{self.MODAL} #id_target")
        return self

    @property
    def targets(self) -> list[str]:
        return [option.text for option in Select(self.field("target", self.MODAL)).options]

    def restore(self, target_id: str = "") -> BackupsPage:
        """Into the backup's own share (``""``) or another share."""
        self.fill(self.MODAL, target=target_id)
        self.submit_modal(self.MODAL)
        return self.go(BackupsPage)
