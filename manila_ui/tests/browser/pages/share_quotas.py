"""Page objects of the share quota pages: Admin › Share › Share Quotas (a
project's limits, per share type) and the Share step of Identity ›
Projects › Modify Quotas.

Keys: the tables ``#projects``, ``#project_quotas`` and ``#type_quotas``,
their actions ``#<table>__action_<name>``, a quota row
``tr[data-object-id="<resource>"]``, the edit modal
``#update_share_quotas_modal`` with one ``#id_share_quota_<resource>`` per
resource, its usage beside it (``td.share-quota-in-use``).
"""

from __future__ import annotations

from manila_ui.tests.browser.pages.base import BasePage


class ShareQuotasPage(BasePage):
    URL = "/admin/share_quotas/"

    def loaded(self) -> ShareQuotasPage:
        super().loaded()
        self.wait_visible("#projects")
        return self

    def open_project(self, name: str) -> ProjectQuotasPage:
        self.click(f'{self.row_css("projects", name)} a')
        return self.go(ProjectQuotasPage)


class ProjectQuotasPage(BasePage):
    def loaded(self) -> ProjectQuotasPage:
        super().loaded()
        self.wait_visible("#project_quotas")
        return self

    def limit(self, resource: str) -> str:
        return self.element(f'#project_quotas tr[data-object-id="{resource}"] '
                            "td:nth-child(2)").text.strip()

    def in_use(self, resource: str) -> int:
        return int(self.element(f'#project_quotas tr[data-object-id="{resource}"] '
                                "td:nth-child(3)").text.strip())

    def edit(self) -> EditQuotasModal:
        self.table_action("project_quotas", "edit")
        return self.go(EditQuotasModal)


class EditQuotasModal(BasePage):
    MODAL = "#update_share_quotas_modal"

    def loaded(self) -> EditQuotasModal:
        self.wait_visible(f"{self.MODAL} #id_share_quota_shares")
        return self

    def in_use(self, resource: str) -> int:
        return int(self.element(
            f'{self.MODAL} td.share-quota-in-use[data-resource="{resource}"]').text)

    def set(self, force: bool = False, **limits: int) -> EditQuotasModal:
        self.fill(self.MODAL, **{f"share_quota_{k}": v for k, v in limits.items()},
                  share_quota_force=force)
        return self

    def save(self) -> ProjectQuotasPage:
        self.submit_modal(self.MODAL, ".modal-footer .btn-primary")
        return self.go(ProjectQuotasPage)


class ModifyQuotasShareStep(BasePage):
    """Identity › Projects › Modify Quotas, opened on its Share step (a full
    page when reached by URL)."""

    def __init__(self, *args: object, project_id: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.URL = f"/identity/{project_id}/update_quotas/?step=update_share_quotas"

    def loaded(self) -> ModifyQuotasShareStep:
        super().loaded()
        self.wait_visible("#id_share_quota_shares")
        return self

    def in_use(self, resource: str) -> int:
        return int(self.element(
            f'td.share-quota-in-use[data-resource="{resource}"]').text)

    def set(self, **limits: int) -> ModifyQuotasShareStep:
        self.fill(**{f"share_quota_{k}": v for k, v in limits.items()})
        return self

    def save(self) -> None:
        self.click('form input[type="submit"].btn-primary, form button.btn-primary')
        self.wait().until(lambda d: "update_quotas" not in d.current_url,
                          message="the workflow to finish")
