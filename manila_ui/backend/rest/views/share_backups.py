"""Share backup views (2.80): Manila's keys, ``backup_type`` from 2.85; the
back end's ``host`` and ``topic`` for host admins only."""

from __future__ import annotations

from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import Share
from manila_ui.backend.types.records import ShareBackup


class ShareBackupView(ViewBuilder):
    collection = "share-backups"
    modifiers = ("add_backup_type",)

    def summary(self, req: ApiRequest, backup: ShareBackup) -> dict[str, Any]:
        return {"id": backup.id, "name": backup.display_name,
                "share_id": backup.share_id, "status": backup.status}

    def detail(self, req: ApiRequest, backup: ShareBackup) -> dict[str, Any]:
        view: dict[str, Any] = {
            **self.summary(req, backup),
            "description": backup.display_description,
            "size": backup.size,
            "created_at": isotime(backup.created_at),
            "updated_at": isotime(backup.updated_at),
            "availability_zone": backup.availability_zone,
            "progress": backup.progress,
            "restore_progress": backup.restore_progress,
        }
        self.apply_modifiers(req, view, backup)
        if req.allowed("context_is_host_admin"):
            view["host"] = backup.host
            view["topic"] = backup.topic
        return view

    def show(self, req: ApiRequest, backup: ShareBackup) -> dict[str, Any]:
        return {"share_backup": self.detail(req, backup)}

    def index(self, req: ApiRequest, backups: list[ShareBackup],
              detail: bool) -> dict[str, Any]:
        build = self.detail if detail else self.summary
        body: dict[str, Any] = {"share_backups": [build(req, b) for b in backups]}
        links = self.next_links(req, backups)
        if links:
            body["share_backup_links"] = links
        return body

    @staticmethod
    def restored(backup: ShareBackup, share: Share) -> dict[str, Any]:
        return {"restore": {"backup_id": backup.id, "share_id": share.id}}

    # -- modifiers -------------------------------------------------------

    @since("2.85")
    def add_backup_type(self, req: ApiRequest, view: dict[str, Any],
                        backup: ShareBackup) -> None:
        view["backup_type"] = backup.backup_type
