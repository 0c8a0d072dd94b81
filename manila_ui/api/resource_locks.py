"""Resource locks (2.81): the locks on a share's access rules, read in one
call for the whole rules table; and the Resource Locks panels' list, get,
create ("Lock against deletion"), update and delete."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class ResourceLock(base.ManilaResource):
    _attrs = ("id", "user_id", "project_id", "lock_context", "resource_type",
              "resource_id", "resource_action", "lock_reason", "created_at",
              "updated_at")
    id: str
    user_id: str | None
    project_id: str | None
    lock_context: str | None
    resource_type: str | None
    resource_id: str | None
    resource_action: str | None
    lock_reason: str | None
    created_at: str | None


def rule_locks(request: Any, rule_ids: Iterable[str]) -> dict[str, list[ResourceLock]]:
    """The project's locks on these rules, by rule id: one call (the
    project's access-rule locks, filtered here), nothing below 2.81."""
    wanted = set(rule_ids)
    found: dict[str, list[ResourceLock]] = {rule_id: [] for rule_id in wanted}
    if not wanted or not client.supports(request, "resource_locks"):
        return found
    locks = client.manilaclient(request).resource_locks.list(
        search_opts={"resource_type": "access_rule"})
    for lock in base.wrap_all(ResourceLock, locks):
        if lock.resource_id in wanted:
            found[str(lock.resource_id)].append(lock)
    return found


def locks_of_rule(request: Any, rule_id: str) -> list[ResourceLock]:
    """One rule's locks (a polling row)."""
    if not client.supports(request, "resource_locks"):
        return []
    return base.wrap_all(ResourceLock, client.manilaclient(request).resource_locks.list(
        search_opts={"resource_id": rule_id}))


# -- the Resource Locks panels and "Lock against deletion" -------------------------

# Filters Manila applies to /resource-locks (lock_reason~ is its "like").
FILTERS = ("resource_id", "resource_type", "resource_action", "lock_reason~",
           "project_id", "user_id")
# What Manila 23 may lock, and how (resource type -> actions).
LOCKABLE = {"share": ("delete",), "access_rule": ("delete", "show")}


def lock_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                    search_opts: dict[str, Any] | None = None,
                    all_projects: bool = False) -> base.Page[ResourceLock]:
    """One page of locks, newest first, in one call (``limit`` = page size
    + 1); nothing below 2.81."""
    if not client.supports(request, "resource_locks"):
        return base.Page(items=[], offset=0, page_size=page_size, has_more=False)
    opts = {k: v for k, v in (search_opts or {}).items() if k in FILTERS and v}
    opts.update(limit=page_size + 1, offset=max(0, offset))
    if all_projects:
        opts["all_projects"] = True
    found = base.wrap_all(ResourceLock, client.manilaclient(request).resource_locks.list(
        search_opts=opts, sort_key="created_at", sort_dir="desc"))
    return base.Page(items=found[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(found) > page_size)


def locks_of_resource(request: Any, resource_id: str,
                      all_projects: bool = False) -> list[ResourceLock]:
    """The locks on one share or rule, in one call (nothing below 2.81)."""
    if not client.supports(request, "resource_locks"):
        return []
    opts: dict[str, Any] = {"resource_id": resource_id}
    if all_projects:
        opts["all_projects"] = True
    return base.wrap_all(ResourceLock, client.manilaclient(request).resource_locks.list(
        search_opts=opts))


def lock_get(request: Any, lock_id: str) -> ResourceLock:
    return ResourceLock.from_resource(client.manilaclient(request).resource_locks.get(
        lock_id))


def lock_create(request: Any, *, resource_id: str, resource_type: str,
                resource_action: str = "delete",
                lock_reason: str | None = None) -> ResourceLock:
    created = client.manilaclient(request).resource_locks.create(
        resource_id, resource_type, resource_action=resource_action,
        lock_reason=lock_reason or None)
    base.forget(request)
    return ResourceLock.from_resource(created)


def lock_update(request: Any, lock_id: str, *, lock_reason: str | None) -> None:
    client.manilaclient(request).resource_locks.update(lock_id,
                                                       lock_reason=lock_reason or None)
    base.forget(request)


def lock_delete(request: Any, lock_id: str) -> None:
    client.manilaclient(request).resource_locks.delete(lock_id)
    base.forget(request)
