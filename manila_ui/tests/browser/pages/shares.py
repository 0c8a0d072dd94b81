"""Page objects of Project > Share > Shares (on the harness's ``BasePage``).

Keys: the table ``#shares``, its actions ``#shares__action_<name>``, a row
``tr[data-display="<name>"]`` (id ``shares__row__<share id>``), a row action
``#shares__row_<id>__action_<name>``, the modal ``#create_share_modal`` with
fields ``#id_<field>``. Queries are properties, actions return the page they
lead to, waits are explicit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from selenium.common.exceptions import NoSuchElementException
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from manila_ui.tests.browser.pages.base import BasePage

if TYPE_CHECKING:
    from manila_ui.tests.browser.pages.share_backups import CreateBackupModal
    from manila_ui.tests.browser.pages.snapshots import SnapshotsPage

TABLE = "shares"


class SharesPage(BasePage):
    URL = "/project/"

    def loaded(self) -> SharesPage:
        super().loaded()
        self.wait_visible(f"#{TABLE}")
        return self

    @property
    def create_button(self) -> WebElement:
        return self.element(f"#{TABLE}__action_create")

    @property
    def names(self) -> list[str]:
        return self.row_names(TABLE)

    def row(self, name: str) -> ShareRow:
        return ShareRow(self, name)

    def mark(self) -> None:
        """Tag the loaded document, to tell later whether it was reloaded."""
        self.driver.execute_script("window.manilaUiMark = true;")

    @property
    def was_reloaded(self) -> bool:
        return not self.driver.execute_script("return window.manilaUiMark === true;")

    def open_create(self) -> CreateShareModal:
        self.table_action(TABLE, "create")
        return self.go(CreateShareModal)

    def open_recycle_bin(self) -> RecycleBinPage:
        self.table_action(TABLE, "recycle_bin")
        return self.go(RecycleBinPage)


class ShareRow:
    """One row, looked up again on every query: Horizon swaps rows in place."""

    def __init__(self, page: SharesPage, name: str) -> None:
        self.page = page
        self.name = name
        self.css = page.row_css(TABLE, name)

    @property
    def share_id(self) -> str:
        return self.page.row_id(TABLE, self.name)

    @property
    def status(self) -> str:
        """The status cell: the one Horizon marks status_up/status_down/warning."""
        try:
            cell = self.page.element(
                f"{self.css} td.status_up, {self.css} td.status_down, "
                f"{self.css} td.warning")
        except NoSuchElementException:
            return ""
        return str(cell.text).strip()

    @property
    def is_polling(self) -> bool:
        try:
            classes = self.page.element(self.css).get_attribute("class") or ""
        except NoSuchElementException:
            return False
        return "ajax-update" in classes

    def wait_present(self) -> ShareRow:
        self.page.wait_visible(self.css)
        return self

    def wait_status(self, status: str) -> ShareRow:
        """Wait for Horizon's ajax row update to show ``status`` (no reload)."""
        self.page.wait().until(lambda _d: self.status == status,
                               message=f"row {self.name} showing {status}")
        return self

    def cell(self, title: str) -> str:
        """The text of the row's cell under the column titled ``title``."""
        titles = [str(th.text).strip() for th in self.page.elements(
            f"#{TABLE} thead tr.table_column_header th")]
        cells = self.page.elements(f"{self.css} td")
        if title not in titles or len(cells) != len(titles):
            return ""
        return str(cells[titles.index(title)].text).strip()

    @property
    def size(self) -> str:
        return self.cell("Size")

    def wait_size(self, size: str) -> ShareRow:
        self.page.wait().until(lambda _d: self.size == size,
                               message=f"row {self.name} showing {size}")
        return self

    def delete(self) -> SharesPage:
        self.page.row_action(TABLE, self.name, "delete")
        self.page.confirm()
        return self.page.go(SharesPage)

    def soft_delete(self) -> SharesPage:
        self.page.row_action(TABLE, self.name, "soft_delete")
        self.page.confirm()
        return self.page.go(SharesPage)

    def open_resize(self) -> ResizeModal:
        self.page.row_action(TABLE, self.name, "resize")
        return self.page.go(ResizeModal)

    def open_create_snapshot(self) -> CreateSnapshotModal:
        self.page.row_action(TABLE, self.name, "create_snapshot")
        return self.page.go(CreateSnapshotModal)

    def open_create_backup(self) -> CreateBackupModal:
        from manila_ui.tests.browser.pages.share_backups import CreateBackupModal

        self.page.row_action(TABLE, self.name, "create_backup")
        return self.page.go(CreateBackupModal)

    def open_detail(self) -> ShareDetailPage:
        self.page.click(f"{self.css} td a[href*='/project/']")
        return self.page.go(ShareDetailPage)

    def wait_gone(self) -> None:
        self.page.wait_gone(self.css)


class CreateShareModal(BasePage):
    MODAL = "#create_share_modal"

    def loaded(self) -> CreateShareModal:
        self.wait_visible(f"{self.MODAL} #id_size")
        return self

    @property
    def protocols(self) -> list[str]:
        select = Select(self.field("share_proto", self.MODAL))
        return [o.get_attribute("value") or "" for o in select.options]

    @property
    def quota_text(self) -> str:
        return str(self.element("#quota_gigabytes_usage").text)

    def fill_share(self, *, name: str, size: int = 1, protocol: str = "NFS",
                   description: str = "") -> CreateShareModal:
        self.fill(self.MODAL, name=name, size=size, share_proto=protocol)
        if description:
            self.fill(self.MODAL, description=description)
        return self

    def add_metadata(self, **pairs: str) -> CreateShareModal:
        """Fill key/value rows, adding rows with the form's own button."""
        fill_metadata(self, self.MODAL, "metadata", pairs)
        return self

    @property
    def source_snapshot(self) -> str:
        return str(Select(self.field("snapshot_id", self.MODAL))
                   .first_selected_option.get_attribute("value") or "")

    def submit(self) -> SharesPage:
        self.submit_modal(self.MODAL)
        return self.go(SharesPage)

    def submit_refused(self) -> str:
        """Submit input the browser itself rejects (e.g. below a field's min):
        the modal stays open; returns the browser's validation message."""
        self.click(f"{self.MODAL} .modal-footer input[type=submit]")
        self.wait_visible(f"{self.MODAL} #id_size")
        invalid = self.elements(f"{self.MODAL} input:invalid, "
                                f"{self.MODAL} select:invalid")
        assert invalid, "the browser accepted the form"
        return str(invalid[0].get_property("validationMessage") or "")


def fill_metadata(page: BasePage, modal: str, name: str,
                  pairs: dict[str, str]) -> None:
    """Type pairs into the key/value rows widget, clicking "Add row" when
    the blank rows run out (manila_ui.metadata_rows.js)."""
    for key, value in pairs.items():
        blank = [el for el in page.elements(f"{modal} #id_{name} .manila-ui-kv-key")
                 if not el.get_attribute("value")]
        if not blank:
            page.click(f"{modal} #id_{name}-add")
            page.wait().until(lambda _d: any(
                not el.get_attribute("value") for el in page.elements(
                    f"{modal} #id_{name} .manila-ui-kv-key")))
            blank = [el for el in page.elements(
                f"{modal} #id_{name} .manila-ui-kv-key")
                if not el.get_attribute("value")]
        key_input = blank[0]
        row_id = (key_input.get_attribute("id") or "").replace("-key-", "-value-")
        key_input.send_keys(key)
        page.element(f"{modal} #{row_id}").send_keys(value)


class ResizeModal(BasePage):
    MODAL = "#resize_share_modal"

    def loaded(self) -> ResizeModal:
        self.wait_visible(f"{self.MODAL} #id_new_size")
        return self

    def resize(self, new_size: int) -> SharesPage:
        self.fill(self.MODAL, new_size=new_size)
        self.submit_modal(self.MODAL)
        return self.go(SharesPage)


class CreateSnapshotModal(BasePage):
    MODAL = "#create_share_snapshot_modal"

    def loaded(self) -> CreateSnapshotModal:
        self.wait_visible(f"{self.MODAL} #id_name")
        return self

    def create(self, name: str) -> SnapshotsPage:
        """Submit; Horizon then shows the snapshots panel."""
        from manila_ui.tests.browser.pages.snapshots import SnapshotsPage

        self.fill(self.MODAL, name=name)
        self.submit_modal(self.MODAL)
        return self.go(SnapshotsPage)


class ShareDetailPage(BasePage):
    def loaded(self) -> ShareDetailPage:
        super().loaded()
        self.wait_visible("#share_details")
        return self

    def open_tab(self, slug: str) -> ShareDetailPage:
        self.click(f'a[data-target="#share_details__{slug}"]')
        self.wait_visible(f"#share_details__{slug}")
        return self

    def mount_command(self, export: int = 0, index: int = 0) -> str:
        return str(self.wait_visible(
            f"#share_detail__mount_{export}_{index}").text).strip()

    def copy_mount_command(self, export: int = 0, index: int = 0) -> str:
        """Click Copy; returns what the button then says (its data-copied)."""
        css = f"#share_detail__copy_{export}_{index}"
        self.click(css)
        self.wait().until(lambda _d: self.element(css).get_attribute(
            "data-copied"), message="the copy button to answer")
        return str(self.element(css).get_attribute("data-copied"))

    def clipboard(self) -> str:
        return str(self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "navigator.clipboard.readText().then(done, function (e) {"
            " done('!' + e); });"))


class RecycleBinPage(BasePage):
    URL = "/project/recycle-bin/"
    TABLE = "recycle_bin"

    def loaded(self) -> RecycleBinPage:
        super().loaded()
        self.wait_visible(f"#{self.TABLE}")
        return self

    def has(self, name: str) -> bool:
        return name in self.row_names(self.TABLE)

    def restore(self, name: str) -> RecycleBinPage:
        self.row_action(self.TABLE, name, "restore")  # harmless: no confirm
        self.wait_gone(self.row_css(self.TABLE, name))
        return self.go(RecycleBinPage)
