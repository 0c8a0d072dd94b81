"""Share snapshots: paginated list, get, create, update, delete, metadata
(2.73), the admin actions (reset status, force delete, manage,
unmanage), and mountable snapshots (2.32): access rules and export
locations."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client
from manila_ui.api import exceptions

SORT_KEYS = ("created_at", "updated_at", "name", "size", "status", "id",
             "share_id", "share_proto", "project_id")
_SORT_KEY_ALIASES = {"name": "display_name"}

RESET_STATUSES = ("available", "error", "creating", "deleting",
                  "error_deleting", "manage_error", "unmanage_error")


class Snapshot(base.ManilaResource):
    _attrs = ("id", "name", "description", "status", "size", "share_id",
              "share_size", "share_proto", "created_at", "user_id",
              "project_id", "provider_location", "metadata")
    id: str
    name: str | None
    description: str | None
    status: str | None
    size: int | None
    share_id: str | None
    share_size: int | None
    share_proto: str | None
    created_at: str | None
    project_id: str | None
    metadata: dict[str, str] | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_snapshots


def snapshot_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                        search_opts: dict[str, Any] | None = None,
                        sort_key: str = "created_at", sort_dir: str = "desc",
                        all_projects: bool = False) -> base.Page[Snapshot]:
    """One page of snapshots in ONE API call (``limit`` = page size + 1)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"cannot sort snapshots by {sort_key!r}")
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset),
                sort_key=_SORT_KEY_ALIASES.get(sort_key, sort_key),
                sort_dir=sort_dir)
    if all_projects:
        opts["all_tenants"] = 1
    if client.supports(request, "with_count_snapshots") and not (
            all_projects and opts.get("project_id")):
        opts["with_count"] = True
    result = _manager(request).list(detailed=True, search_opts=opts)
    total: int | None = None
    if isinstance(result, tuple):
        result, total = result
    items = base.wrap_all(Snapshot, result)
    return base.Page(items=items[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=len(items) > page_size,
                     total=total)


def snapshot_list(request: Any, *, share_id: str | None = None,
                  status: str | None = None,
                  limit: int | None = None) -> list[Snapshot]:
    """Newest first; ``share_id`` narrows to one share's snapshots."""
    opts: dict[str, Any] = {"sort_key": "created_at", "sort_dir": "desc"}
    if share_id:
        opts["share_id"] = share_id
    if status:
        opts["status"] = status
    if limit:
        opts["limit"] = limit
    result = _manager(request).list(detailed=True, search_opts=opts)
    if isinstance(result, tuple):
        result = result[0]
    return base.wrap_all(Snapshot, result)


def snapshot_get(request: Any, snapshot_id: str) -> Snapshot:
    return Snapshot.from_resource(_manager(request).get(snapshot_id))


def snapshot_create(request: Any, share_id: str, *, name: str | None = None,
                    description: str | None = None,
                    metadata: dict[str, str] | None = None,
                    force: bool = False) -> Snapshot:
    """Metadata needs 2.73; below it, asking for metadata is an error
    rather than a silent loss."""
    kwargs: dict[str, Any] = {"force": force, "name": name or None,
                              "description": description or None}
    if metadata:
        if not client.supports(request, "snapshot_metadata"):
            raise ValueError("snapshot metadata needs Manila 2.73")
        kwargs["metadata"] = metadata
    created = _manager(request).create(share_id, **kwargs)
    base.forget(request)
    return Snapshot.from_resource(created)


def snapshot_update(request: Any, snapshot_id: str, *,
                    name: str | None = None,
                    description: str | None = None) -> None:
    fields: dict[str, Any] = {}
    if name is not None:
        fields["display_name"] = name
    if description is not None:
        fields["display_description"] = description
    _manager(request).update(snapshot_id, **fields)
    base.forget(request)


def snapshot_delete(request: Any, snapshot_id: str) -> None:
    _manager(request).delete(snapshot_id)
    base.forget(request)


def snapshot_force_delete(request: Any, snapshot_id: str) -> None:
    _manager(request).force_delete(snapshot_id)
    base.forget(request)


def snapshot_reset_status(request: Any, snapshot_id: str, status: str) -> None:
    _manager(request).reset_state(snapshot_id, status)
    base.forget(request)


def snapshot_manage(request: Any, *, share_id: str, provider_location: str,
                    name: str | None = None, description: str | None = None,
                    driver_options: dict[str, str] | None = None) -> Snapshot:
    managed = _manager(request).manage(
        share_id, provider_location, driver_options=driver_options or {},
        name=name or None, description=description or None)
    base.forget(request)
    return Snapshot.from_resource(managed)


def snapshot_unmanage(request: Any, snapshot_id: str) -> None:
    _manager(request).unmanage(snapshot_id)
    base.forget(request)


def snapshot_metadata_get(request: Any, snapshot_id: str) -> dict[str, str]:
    return base.info_of(_manager(request).get_metadata(snapshot_id))


def snapshot_metadata_replace(request: Any, snapshot_id: str,
                              metadata: dict[str, str]) -> dict[str, str]:
    found = _manager(request).update_all_metadata(snapshot_id, metadata)
    base.forget(request)
    return dict(base.info_of(found).get("metadata") or {})


# -- mountable snapshots (2.32) -------------------------------------------------

SNAPSHOT_ACCESS_TYPES = ("ip", "user", "cert")


class SnapshotRule(base.ManilaResource):
    _attrs = ("id", "access_type", "access_to", "state")
    id: str
    access_type: str | None
    access_to: str | None
    state: str | None

    @property
    def name_or_id(self) -> str:
        return self.access_to or str(self.id)


class SnapshotExportLocation(base.ManilaResource):
    _attrs = ("id", "path", "is_admin_only", "share_snapshot_instance_id")
    id: str
    path: str | None
    is_admin_only: bool | None


def snapshot_rule_list(request: Any, snapshot_id: str) -> list[SnapshotRule]:
    """Every rule of the snapshot: one call."""
    return base.wrap_all(SnapshotRule, _manager(request).access_list(snapshot_id))


def snapshot_rule_get(request: Any, snapshot_id: str, rule_id: str) -> SnapshotRule:
    """One rule (a polling row): Manila has no URL for it, so the list."""
    for rule in snapshot_rule_list(request, snapshot_id):
        if rule.id == rule_id:
            return rule
    raise exceptions.NotFound(f"Snapshot access rule {rule_id} not found.")


def snapshot_allow(request: Any, snapshot_id: str, access_type: str,
                   access_to: str) -> SnapshotRule:
    return SnapshotRule.from_resource(
        _manager(request).allow(snapshot_id, access_type, access_to))


def snapshot_deny(request: Any, snapshot_id: str, rule_id: str) -> None:
    _manager(request).deny(snapshot_id, rule_id)


def snapshot_export_locations(request: Any,
                              snapshot_id: str) -> list[SnapshotExportLocation]:
    found = client.manilaclient(request).share_snapshot_export_locations.list(
        snapshot_id)
    return base.wrap_all(SnapshotExportLocation, found)
