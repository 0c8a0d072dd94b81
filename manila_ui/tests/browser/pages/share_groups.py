"""Page objects of Project > Share > Share Groups and Share Group Snapshots."""

from __future__ import annotations

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage
from manila_ui.tests.browser.pages.shares import CreateShareModal

GROUPS = "share_groups"
SNAPSHOTS = "share_group_snapshots"


class _StatusTable(BasePage):
    TABLE = ""

    def loaded(self) -> _StatusTable:
        super().loaded()
        self.wait_visible(f"#{self.TABLE}")
        return self

    def status(self, name: str) -> str:
        css = self.row_css(self.TABLE, name)
        try:
            cell = self.element(f"{css} td.status_up, {css} td.status_down, "
                                f"{css} td.warning")
        except NoSuchElementException:
            return ""
        return str(cell.text).strip()

    def wait_status(self, name: str, status: str) -> _StatusTable:
        """The row updates itself (Horizon's ajax row update), no reload."""
        self.wait_visible(self.row_css(self.TABLE, name))
        self.wait().until(lambda _d: self.status(name) == status,
                          message=f"{name} showing {status}")
        return self

    def object_id(self, name: str) -> str:
        return self.row_id(self.TABLE, name)


class ShareGroupsPage(_StatusTable):
    URL = "/project/share_groups/"
    TABLE = GROUPS

    def open_create(self) -> CreateShareGroupModal:
        self.table_action(GROUPS, "create")
        return self.go(CreateShareGroupModal)

    def open_create_share(self, name: str) -> CreateShareModal:
        self.row_action(GROUPS, name, "create_share")
        return self.go(CreateShareModal)

    def open_create_snapshot(self, name: str) -> CreateGroupSnapshotModal:
        self.row_action(GROUPS, name, "create_snapshot")
        return self.go(CreateGroupSnapshotModal)


class GroupSnapshotsPage(_StatusTable):
    URL = "/project/share_group_snapshots/"
    TABLE = SNAPSHOTS

    def open_create_group(self, name: str) -> CreateShareGroupModal:
        self.row_action(SNAPSHOTS, name, "create_share_group")
        return self.go(CreateShareGroupModal)


class CreateShareGroupModal(BasePage):
    MODAL = "#create_share_group_modal"

    def loaded(self) -> CreateShareGroupModal:
        self.wait_visible(f"{self.MODAL} #id_name")
        return self

    @property
    def source(self) -> str:
        return str(Select(self.field("source", self.MODAL))
                   .first_selected_option.get_attribute("value") or "")

    @property
    def source_snapshot(self) -> str:
        """The chosen group snapshot (a field shown only for that source)."""
        self.wait_visible(f"{self.MODAL} #id_snapshot_id")
        return str(Select(self.field("snapshot_id", self.MODAL))
                   .first_selected_option.get_attribute("value") or "")

    def create(self, name: str) -> ShareGroupsPage:
        self.fill(self.MODAL, name=name)
        self.submit_modal(self.MODAL)
        return self.go(ShareGroupsPage)


class CreateGroupSnapshotModal(BasePage):
    MODAL = "#create_share_group_snapshot_modal"

    def loaded(self) -> CreateGroupSnapshotModal:
        self.wait_visible(f"{self.MODAL} #id_name")
        return self

    def create(self, name: str) -> GroupSnapshotsPage:
        """Submit; Horizon then shows the group snapshots panel."""
        self.fill(self.MODAL, name=name)
        self.submit_modal(self.MODAL)
        return self.go(GroupSnapshotsPage)
