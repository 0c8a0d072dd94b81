"""Share groups (GA 2.55): paginated list, get, create (from share types or a
group snapshot), update, delete, and the admin actions (reset status, force
delete)."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

SORT_KEYS = ("created_at", "name", "status", "id", "share_group_type_id",
             "availability_zone_id", "project_id")
# Manila's statuses a reset may set (its admin-actions list).
RESET_STATUSES = ("available", "error", "creating", "deleting", "error_deleting")


class ShareGroup(base.ManilaResource):
    _attrs = ("id", "name", "description", "status", "project_id", "host",
              "share_group_type_id", "source_share_group_snapshot_id",
              "share_network_id", "share_server_id", "share_types",
              "availability_zone", "consistent_snapshot_support", "created_at")
    id: str
    name: str | None
    description: str | None
    status: str | None
    project_id: str | None
    host: str | None
    share_group_type_id: str | None
    source_share_group_snapshot_id: str | None
    share_network_id: str | None
    share_types: list[str] | None
    availability_zone: str | None
    created_at: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_groups


def share_group_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                           search_opts: dict[str, Any] | None = None,
                           sort_key: str = "created_at", sort_dir: str = "desc",
                           all_projects: bool = False) -> base.Page[ShareGroup]:
    """One page of groups in ONE API call (``limit`` = page size + 1; Manila
    counts no groups)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"cannot sort share groups by {sort_key!r}")
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset), sort_key=sort_key,
                sort_dir=sort_dir)
    if all_projects:
        opts["all_tenants"] = 1
    items = base.wrap_all(ShareGroup, _manager(request).list(detailed=True,
                                                             search_opts=opts))
    return base.Page(items=items[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(items) > page_size)


@base.request_memoized
def share_group_list(request: Any, status: str | None = None) -> list[ShareGroup]:
    """The project's groups (by name), for choices in forms: one call."""
    opts: dict[str, Any] = {"sort_key": "name", "sort_dir": "asc", "limit": 1000}
    if status:
        opts["status"] = status
    return base.wrap_all(ShareGroup, _manager(request).list(detailed=True,
                                                            search_opts=opts))


@base.request_memoized
def share_group_names(request: Any, all_projects: bool = False) -> dict[str, str]:
    """id -> name of the groups a page shows (one summary call)."""
    opts: dict[str, Any] = {"all_tenants": 1} if all_projects else {}
    return {g.id: g.name_or_id for g in base.wrap_all(
        ShareGroup, _manager(request).list(detailed=False, search_opts=opts))}


def share_group_get(request: Any, group_id: str) -> ShareGroup:
    return ShareGroup.from_resource(_manager(request).get(group_id))


def share_group_create(request: Any, *, name: str | None = None,
                       description: str | None = None,
                       share_group_type: str | None = None,
                       share_types: list[str] | None = None,
                       share_network: str | None = None,
                       availability_zone: str | None = None,
                       source_share_group_snapshot: str | None = None) -> ShareGroup:
    created = _manager(request).create(
        name=name or None, description=description or None,
        share_group_type=share_group_type or None, share_types=share_types or None,
        share_network=share_network or None, availability_zone=availability_zone or None,
        source_share_group_snapshot=source_share_group_snapshot or None)
    base.forget(request)
    return ShareGroup.from_resource(created)


def share_group_update(request: Any, group_id: str, *, name: str,
                       description: str) -> ShareGroup:
    updated = _manager(request).update(group_id, name=name, description=description)
    base.forget(request)
    return ShareGroup.from_resource(updated)


def share_group_delete(request: Any, group_id: str) -> None:
    _manager(request).delete(group_id)
    base.forget(request)


def share_group_force_delete(request: Any, group_id: str) -> None:
    _manager(request).delete(group_id, force=True)
    base.forget(request)


def share_group_reset_status(request: Any, group_id: str, status: str) -> None:
    _manager(request).reset_state(group_id, status)
    base.forget(request)
