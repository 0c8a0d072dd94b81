"""Page objects of a share's Replicas tab and of Admin › Shares' migration.

Keys: the tab's table ``#replicas`` (rows ``tr[data-display="<replica id>"]``,
row actions ``#replicas__row_<id>__action_<name>``, the table action
``#replicas__action_create_replica``), the modals ``#create_share_replica_modal``
and ``#migrate_share_modal``; Admin › Shares' table ``#shares`` with its
``Task`` column (a ``.progress-bar`` while a migration copies).
"""

from __future__ import annotations

from manila_ui.tests.browser.pages.base import BasePage

REPLICAS = "replicas"
SHARES = "shares"
# Real Manila moves replicas and migrations on in periodic tasks.
SLOW = 120.0

_CELL = (
    "var titles = Array.from(document.querySelectorAll("
    "  '#' + arguments[0] + ' thead tr.table_column_header th'))"
    "  .map(function (th) { return th.textContent.trim(); });"
    " var row = document.querySelector(arguments[1]);"
    " if (!row) { return ''; }"
    " var cells = row.querySelectorAll('td');"
    " var i = titles.indexOf(arguments[2]);"
    " return i < 0 || cells.length !== titles.length ? ''"
    "  : cells[i].textContent.trim();")


class _Cells(BasePage):
    def cell(self, table: str, display: str, title: str) -> str:
        """A row's cell under the column titled ``title``, read in one script
        (Horizon replaces a polling row at any time)."""
        return str(self.driver.execute_script(
            _CELL, table, self.row_css(table, display), title) or "")


class ReplicasTab(_Cells):
    """``/project/shares/<id>/?tab=share_details__replicas``."""

    def __init__(self, *args, share_id: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.URL = f"/project/shares/{share_id}/?tab=share_details__replicas"

    def loaded(self) -> ReplicasTab:
        self.wait_visible(f"#{REPLICAS}")
        return self

    def replica_ids(self) -> list[str]:
        return self.row_names(REPLICAS)

    def wait_state(self, replica_id: str, state: str, timeout: float = SLOW) -> ReplicasTab:
        """Wait for the row's own update (no reload) to show ``state``."""
        self.wait(timeout).until(
            lambda _d: self.cell(REPLICAS, replica_id, "Replica State") == state,
            message=f"replica {replica_id} showing {state}")
        return self

    def wait_rows(self, count: int, timeout: float = SLOW) -> list[str]:
        return self.wait(timeout).until(
            lambda _d: ids if len(ids := self.replica_ids()) == count else False,
            message=f"{count} replica rows")

    def create_replica(self) -> ReplicasTab:
        self.table_action(REPLICAS, "create_replica")
        self.wait_visible("#create_share_replica_modal #id_availability_zone")
        self.submit_modal("#create_share_replica_modal")
        return self.loaded()

    def promote(self, replica_id: str) -> ReplicasTab:
        # Not a dangerous action: Horizon posts it without a confirmation.
        self.row_action(REPLICAS, replica_id, "promote")
        return self.loaded()


class AdminSharesPage(_Cells):
    URL = "/admin/shares/"

    def loaded(self) -> AdminSharesPage:
        self.wait_visible(f"#{SHARES}")
        return self

    def task(self, name: str) -> str:
        return self.cell(SHARES, name, "Task")

    def shows_progress(self, name: str) -> bool:
        return bool(self.driver.execute_script(
            "return !!document.querySelector(arguments[0] + ' .progress-bar');",
            self.row_css(SHARES, name)))

    def migrate(self, name: str, host: str) -> AdminSharesPage:
        self.row_action(SHARES, name, "migrate")
        self.wait_visible("#migrate_share_modal #id_host")
        self.fill("#migrate_share_modal", host=host)
        self.submit_modal("#migrate_share_modal")
        return self.go(AdminSharesPage)

    def complete_migration(self, name: str) -> AdminSharesPage:
        self.row_action(SHARES, name, "migration_complete")
        return self.go(AdminSharesPage)
