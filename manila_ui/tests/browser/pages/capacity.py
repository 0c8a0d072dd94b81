"""Page objects of Admin > Share > Pools and Admin > Share > Services.

Keys: the tables ``#share_pools`` (a row's object id is the pool's name) and
``#share_services`` (the service's id; its display name the host), a pool's capacity block
``.manila-ui-capacity`` with its numbers in ``data-*`` attributes, the
Disable modal ``#disable_service_modal``.
"""

from __future__ import annotations

from manila_ui.tests.browser.pages.base import BasePage

POOLS = "share_pools"
SERVICES = "share_services"


class PoolsPage(BasePage):
    URL = "/admin/share_pools/"

    def loaded(self) -> PoolsPage:
        super().loaded()
        self.wait_visible(f"#{POOLS}")
        return self

    def _row(self, pool: str) -> str:
        return f'#{POOLS} tbody tr[data-object-id="{pool}"]'

    @property
    def pools(self) -> list[str]:
        return [r.get_attribute("data-object-id") or ""
                for r in self.elements(f"#{POOLS} tbody tr[data-object-id]")]

    def capacity(self, pool: str) -> dict[str, float]:
        """What the pool's bar shows: used, free, provisioned, total (GiB)."""
        block = self.element(f"{self._row(pool)} .manila-ui-capacity")
        return {key: float(block.get_attribute(f"data-{key}") or 0)
                for key in ("used", "free", "provisioned", "total", "ratio")}

    def row_text(self, pool: str) -> str:
        return str(self.element(self._row(pool)).text)


class ServicesPage(BasePage):
    URL = "/admin/share_services/"

    def loaded(self) -> ServicesPage:
        super().loaded()
        self.wait_visible(f"#{SERVICES}")
        return self

    def _row(self, host: str) -> str:
        return self.row_css(SERVICES, host)

    def row_text(self, host: str) -> str:
        return str(self.element(self._row(host)).text)

    def disable(self, host: str, reason: str) -> ServicesPage:
        self.row_action(SERVICES, host, "disable")
        self.wait_visible("#disable_service_modal #id_reason")
        self.fill("#disable_service_modal", reason=reason)
        self.submit_modal("#disable_service_modal")
        return self.go(ServicesPage)

    def enable(self, host: str) -> ServicesPage:
        self.row_action(SERVICES, host, "enable")   # no confirmation: it is harmless
        self.wait().until(lambda _d: "Disabled" not in self.row_text(host),
                          message=f"{host} enabled")
        return self.go(ServicesPage)
