"""Resource locks (2.81): here, the locks on a share's access rules, read
in one call for the whole rules table."""

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
    resource_type: str | None
    resource_id: str | None
    resource_action: str | None
    lock_reason: str | None


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
