"""Share views, with Manila's per-microversion additions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from manila_ui.backend.rest.request import ApiRequest
from manila_ui.backend.rest.views.base import ViewBuilder
from manila_ui.backend.rest.views.base import isotime
from manila_ui.backend.rest.views.base import since
from manila_ui.backend.types.records import Page
from manila_ui.backend.types.records import Share


class ShareView(ViewBuilder):
    collection = "shares"
    modifiers = (
        "add_snapshot_support",
        "add_task_state",
        "use_share_type_id",
        "drop_export_locations",
        "add_access_rules_status",
        "add_replication_fields",
        "add_user_id",
        "add_create_share_from_snapshot_support",
        "add_revert_to_snapshot_support",
        "show_syncing_as_out_of_sync",
        "add_share_group_fields",
        "add_mount_snapshot_support",
        "add_progress",
        "show_creating_from_snapshot_as_creating",
        "add_recycle_bin_fields",
        "add_source_backup_id",
        "add_encryption_key_ref",
        "add_snapshot_inherit_share_access_support",
    )

    def summary(self, req: ApiRequest, share: Share) -> dict[str, Any]:
        return {"id": share.id, "name": share.display_name,
                "links": self.links(req, share.id)}

    def detail(self, req: ApiRequest, share: Share,
               export_paths: Mapping[str, list[str]] | None = None) -> dict[str, Any]:
        paths = (export_paths or {}).get(share.id, [])
        view: dict[str, Any] = {
            "id": share.id,
            "size": share.size,
            "availability_zone": share.availability_zone,
            "created_at": isotime(share.created_at),
            "status": share.status,
            "name": share.display_name,
            "description": share.display_description,
            "project_id": share.project_id,
            "snapshot_id": share.snapshot_id,
            "share_network_id": share.share_network_id,
            "share_proto": share.share_proto,
            "export_location": paths[0] if paths else None,
            "metadata": dict(share.metadata),
            # Up to 2.5 the type is named by its name.
            "share_type": share.share_type_name or share.share_type_id,
            "volume_type": share.share_type_name or share.share_type_id,
            "links": self.links(req, share.id),
            "is_public": share.is_public,
            "export_locations": paths,
        }
        self.apply_modifiers(req, view, share)
        if req.allowed("context_is_host_admin"):
            view["share_server_id"] = share.share_server_id
            view["host"] = share.host
        return view

    def summary_list(self, req: ApiRequest, page: Page[Share]) -> dict[str, Any]:
        return self._list(req, page, [self.summary(req, s) for s in page.items])

    def detail_list(self, req: ApiRequest, page: Page[Share],
                    export_paths: Mapping[str, list[str]] | None = None
                    ) -> dict[str, Any]:
        return self._list(req, page, [self.detail(req, s, export_paths)
                                      for s in page.items])

    def _list(self, req: ApiRequest, page: Page[Share],
              items: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {"shares": items}
        if page.count is not None:
            body["count"] = page.count
        links = self.next_links(req, page.items)
        if links:
            body["shares_links"] = links
        return body

    # -- modifiers, oldest first -------------------------------------------

    @since("2.2")
    def add_snapshot_support(self, req: ApiRequest, view: dict[str, Any], share: Share) -> None:
        view["snapshot_support"] = share.snapshot_support

    @since("2.5")
    def add_task_state(self, req: ApiRequest, view: dict[str, Any], share: Share) -> None:
        view["task_state"] = share.task_state

    @since("2.6")
    def use_share_type_id(self, req: ApiRequest, view: dict[str, Any], share: Share) -> None:
        view["share_type"] = share.share_type_id
        view["share_type_name"] = share.share_type_name

    @since("2.9")
    def drop_export_locations(self, req: ApiRequest, view: dict[str, Any],
                              share: Share) -> None:
        view.pop("export_location")
        view.pop("export_locations")

    @since("2.10")
    def add_access_rules_status(self, req: ApiRequest, view: dict[str, Any],
                                share: Share) -> None:
        view["access_rules_status"] = share.access_rules_status

    @since("2.11")
    def add_replication_fields(self, req: ApiRequest, view: dict[str, Any],
                               share: Share) -> None:
        view["replication_type"] = share.replication_type
        view["has_replicas"] = share.has_replicas

    @since("2.16")
    def add_user_id(self, req: ApiRequest, view: dict[str, Any], share: Share) -> None:
        view["user_id"] = share.user_id

    @since("2.24")
    def add_create_share_from_snapshot_support(self, req: ApiRequest, view: dict[str, Any],
                                               share: Share) -> None:
        view["create_share_from_snapshot_support"] = share.create_share_from_snapshot_support

    @since("2.27")
    def add_revert_to_snapshot_support(self, req: ApiRequest, view: dict[str, Any],
                                       share: Share) -> None:
        view["revert_to_snapshot_support"] = share.revert_to_snapshot_support

    @since("2.10", "2.27")
    def show_syncing_as_out_of_sync(self, req: ApiRequest, view: dict[str, Any],
                                    share: Share) -> None:
        if share.access_rules_status == "syncing":
            view["access_rules_status"] = "out_of_sync"

    @since("2.31")
    def add_share_group_fields(self, req: ApiRequest, view: dict[str, Any],
                               share: Share) -> None:
        view["share_group_id"] = share.share_group_id
        view["source_share_group_snapshot_member_id"] = (
            share.source_share_group_snapshot_member_id)

    @since("2.32")
    def add_mount_snapshot_support(self, req: ApiRequest, view: dict[str, Any],
                                   share: Share) -> None:
        view["mount_snapshot_support"] = share.mount_snapshot_support

    @since("2.54")
    def add_progress(self, req: ApiRequest, view: dict[str, Any], share: Share) -> None:
        view["progress"] = share.progress

    @since("2.0", "2.53")
    def show_creating_from_snapshot_as_creating(self, req: ApiRequest,
                                                view: dict[str, Any], share: Share) -> None:
        if share.status == "creating_from_snapshot":
            view["status"] = "creating"

    @since("2.69")
    def add_recycle_bin_fields(self, req: ApiRequest, view: dict[str, Any],
                               share: Share) -> None:
        view["is_soft_deleted"] = share.is_soft_deleted
        view["scheduled_to_be_deleted_at"] = isotime(share.scheduled_to_be_deleted_at)

    @since("2.80")
    def add_source_backup_id(self, req: ApiRequest, view: dict[str, Any],
                             share: Share) -> None:
        view["source_backup_id"] = share.source_backup_id

    @since("2.90")
    def add_encryption_key_ref(self, req: ApiRequest, view: dict[str, Any],
                               share: Share) -> None:
        view["encryption_key_ref"] = None

    @since("2.99")
    def add_snapshot_inherit_share_access_support(self, req: ApiRequest,
                                                  view: dict[str, Any],
                                                  share: Share) -> None:
        view["snapshot_inherit_share_access_support"] = (
            share.snapshot_inherit_share_access_support)
