"""Page objects of Project > Share > Share Snapshots."""

from __future__ import annotations

from selenium.common.exceptions import NoSuchElementException

from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.shares import CreateShareModal

TABLE = "share_snapshots"


class SnapshotsPage(BasePage):
    URL = "/project/share_snapshots/"

    def loaded(self) -> SnapshotsPage:
        super().loaded()
        self.wait_visible(f"#{TABLE}")
        return self

    def status(self, name: str) -> str:
        css = self.row_css(TABLE, name)
        try:
            cell = self.element(f"{css} td.status_up, {css} td.status_down, "
                                f"{css} td.warning")
        except NoSuchElementException:
            return ""
        return str(cell.text).strip()

    def wait_status(self, name: str, status: str) -> SnapshotsPage:
        self.wait_visible(self.row_css(TABLE, name))
        self.wait().until(lambda _d: self.status(name) == status,
                          message=f"snapshot {name} showing {status}")
        return self

    def snapshot_id(self, name: str) -> str:
        return self.row_id(TABLE, name)

    def open_create_share(self, name: str) -> CreateShareModal:
        self.row_action(TABLE, name, "create_share")
        return self.go(CreateShareModal)
