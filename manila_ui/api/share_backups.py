"""Share backups (2.80, experimental; 2.85 ``backup_type``; 2.91 restore to
another share): paginated list, get, create, update, delete, restore, reset
status. python-manilaclient sends the experimental header itself."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client

# What python-manilaclient lets a list sort on, plus Manila's default.
SORT_KEYS = ("created_at", "name", "size", "status", "id", "share_id", "progress",
             "project_id")
RESET_STATUSES = ("available", "error", "creating", "deleting", "error_deleting")
TRANSITIONAL = ("creating", "deleting", "restoring")


class ShareBackup(base.ManilaResource):
    _attrs = ("id", "name", "description", "share_id", "status", "size",
              "availability_zone", "progress", "restore_progress", "backup_type",
              "created_at", "updated_at", "host", "topic", "project_id")
    id: str
    name: str | None
    description: str | None
    share_id: str | None
    status: str | None
    size: int | None
    availability_zone: str | None
    progress: str | None
    restore_progress: str | None
    backup_type: str | None
    created_at: str | None
    host: str | None
    topic: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_backups


def backup_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                      search_opts: dict[str, Any] | None = None,
                      sort_key: str = "created_at", sort_dir: str = "desc",
                      all_projects: bool = False) -> base.Page[ShareBackup]:
    """One page of backups in ONE API call (``limit`` = page size + 1;
    Manila does not count backups)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"cannot sort share backups by {sort_key!r}")
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset), sort_key=sort_key,
                sort_dir=sort_dir)
    if all_projects:
        opts["all_tenants"] = 1
    result = _manager(request).list(detailed=True, search_opts=opts)
    items = base.wrap_all(ShareBackup, result)
    return base.Page(items=items[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(items) > page_size)


def backup_get(request: Any, backup_id: str) -> ShareBackup:
    return ShareBackup.from_resource(_manager(request).get(backup_id))


def backup_create(request: Any, share_id: str, *, name: str | None = None,
                  description: str | None = None,
                  backup_type: str | None = None) -> ShareBackup:
    """A backup type (2.85) makes it a driver-assisted backup (Manila's
    ``backup_options``); without one Manila takes the generic way."""
    options = {"backup_type": backup_type} if backup_type else None
    created = _manager(request).create(share_id, backup_options=options,
                                       name=name or None,
                                       description=description or None)
    base.forget(request)
    return ShareBackup.from_resource(created)


def backup_update(request: Any, backup_id: str, *, name: str | None = None,
                  description: str | None = None) -> None:
    fields: dict[str, Any] = {}
    if name is not None:
        fields["name"] = name
    if description is not None:
        fields["description"] = description
    _manager(request).update(backup_id, **fields)
    base.forget(request)


def backup_delete(request: Any, backup_id: str) -> None:
    _manager(request).delete(backup_id)
    base.forget(request)


def backup_restore(request: Any, backup_id: str,
                   target_share_id: str | None = None) -> None:
    """Into the backup's share, or (2.91) into ``target_share_id``."""
    manager = _manager(request)
    if target_share_id:
        if not client.supports(request, "backup_restore_to_target"):
            raise ValueError("restoring into another share needs Manila 2.91")
        manager.restore(backup_id, target_share_id)
    else:
        manager.restore(backup_id)
    base.forget(request)


def backup_reset_status(request: Any, backup_id: str, status: str) -> None:
    _manager(request).reset_status(backup_id, status)
    base.forget(request)
