"""Share group snapshots (GA 2.55): paginated list, get (with its members),
create, update, delete, and the admin actions."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

SORT_KEYS = ("created_at", "name", "status", "id", "share_group_id", "project_id")
RESET_STATUSES = ("available", "error", "creating", "deleting", "error_deleting")


class ShareGroupSnapshot(base.ManilaResource):
    _attrs = ("id", "name", "description", "status", "project_id", "share_group_id",
              "members", "created_at")
    id: str
    name: str | None
    description: str | None
    status: str | None
    project_id: str | None
    share_group_id: str | None
    members: list[dict[str, Any]] | None
    created_at: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_group_snapshots


def snapshot_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                        search_opts: dict[str, Any] | None = None,
                        sort_key: str = "created_at", sort_dir: str = "desc",
                        all_projects: bool = False) -> base.Page[ShareGroupSnapshot]:
    """One page of group snapshots in ONE API call."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"cannot sort share group snapshots by {sort_key!r}")
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset), sort_key=sort_key,
                sort_dir=sort_dir)
    if all_projects:
        opts["all_tenants"] = 1
    items = base.wrap_all(ShareGroupSnapshot, _manager(request).list(
        detailed=True, search_opts=opts))
    return base.Page(items=items[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(items) > page_size)


def snapshot_list(request: Any, *, share_group_id: str | None = None,
                  status: str | None = None,
                  all_projects: bool = False) -> list[ShareGroupSnapshot]:
    """Newest first (a group's, or those in ``status``): one call."""
    opts: dict[str, Any] = {"sort_key": "created_at", "sort_dir": "desc", "limit": 1000}
    if all_projects:
        opts["all_tenants"] = 1
    if share_group_id:
        opts["share_group_id"] = share_group_id
    if status:
        opts["status"] = status
    return base.wrap_all(ShareGroupSnapshot, _manager(request).list(
        detailed=True, search_opts=opts))


def snapshot_get(request: Any, snapshot_id: str) -> ShareGroupSnapshot:
    return ShareGroupSnapshot.from_resource(_manager(request).get(snapshot_id))


def snapshot_create(request: Any, share_group_id: str, *, name: str | None = None,
                    description: str | None = None) -> ShareGroupSnapshot:
    created = _manager(request).create(share_group_id, name=name or None,
                                       description=description or None)
    base.forget(request)
    return ShareGroupSnapshot.from_resource(created)


def snapshot_update(request: Any, snapshot_id: str, *, name: str,
                    description: str) -> None:
    _manager(request).update(snapshot_id, name=name, description=description)
    base.forget(request)


def snapshot_delete(request: Any, snapshot_id: str) -> None:
    _manager(request).delete(snapshot_id)
    base.forget(request)


def snapshot_force_delete(request: Any, snapshot_id: str) -> None:
    _manager(request).delete(snapshot_id, force=True)
    base.forget(request)


def snapshot_reset_status(request: Any, snapshot_id: str, status: str) -> None:
    _manager(request).reset_state(snapshot_id, status)
    base.forget(request)
