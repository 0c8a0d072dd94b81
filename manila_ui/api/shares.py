"""Shares: list (paginated on the server), get, create, update, delete."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from manila_ui.api import base
from manila_ui.api import client

# Sort keys the Manila API accepts for shares (manilaclient's list).
SORT_KEYS = ("created_at", "updated_at", "name", "size", "status",
             "share_proto", "availability_zone", "project_id", "id")

# Dashboard sort key -> what the API calls it.
_SORT_KEY_ALIASES = {"name": "display_name",
                     "availability_zone": "availability_zone_id"}


class Share(base.ManilaResource):
    _attrs = (
        "id", "name", "description", "size", "status", "share_proto",
        "share_type", "share_type_name", "availability_zone", "is_public",
        "project_id", "user_id", "created_at", "updated_at", "metadata",
        "host", "share_network_id", "share_server_id", "share_group_id",
        "snapshot_id", "snapshot_support", "create_share_from_snapshot_support",
        "revert_to_snapshot_support", "mount_snapshot_support",
        "access_rules_status", "replication_type", "has_replicas",
        "task_state", "progress", "is_soft_deleted",
        "scheduled_to_be_deleted_at", "mount_point_name",
    )
    id: str
    name: str | None
    description: str | None
    size: int | None
    status: str | None
    share_proto: str | None
    share_type: str | None
    share_type_name: str | None
    availability_zone: str | None
    is_public: bool | None
    project_id: str | None
    metadata: dict[str, str] | None

    @property
    def type_name(self) -> str | None:
        return self.share_type_name or self.share_type


class ExportLocation(base.ManilaResource):
    _attrs = ("id", "path", "preferred", "is_admin_only",
              "share_instance_id", "metadata")
    id: str
    path: str | None
    preferred: bool | None


def share_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                     search_opts: dict[str, Any] | None = None,
                     sort_key: str = "created_at", sort_dir: str = "desc",
                     all_projects: bool = False) -> base.Page[Share]:
    """One page of shares, in ONE API call whatever the project holds.

    Asks for ``page_size + 1`` rows: the extra row only tells whether a next
    page exists. ``with_count`` (2.42) adds the total at no extra cost.
    """
    if sort_key not in SORT_KEYS:
        raise ValueError(f"cannot sort shares by {sort_key!r}")
    opts: dict[str, Any] = dict(search_opts or {})
    opts.update(limit=page_size + 1, offset=max(0, offset),
                sort_key=_SORT_KEY_ALIASES.get(sort_key, sort_key),
                sort_dir=sort_dir)
    # Manila lists public shares of other projects unless told not to; the
    # project's panel shows what the project owns.
    opts.setdefault("is_public", False)
    if all_projects:
        opts["all_tenants"] = 1
    # Manila (23 too) drops the project_id filter of an all-projects list
    # when with_count is asked for: the filter matters more than the total.
    if client.supports(request, "with_count") and not (
            all_projects and opts.get("project_id")):
        opts["with_count"] = True
    manila = client.manilaclient(request)
    # The manager validates sort keys against its own list; pass the query
    # through search_opts so the server is the only judge.
    result = manila.shares.list(detailed=True, search_opts=opts)
    total: int | None = None
    if isinstance(result, tuple):
        result, total = result
    shares = base.wrap_all(Share, result)
    has_more = len(shares) > page_size
    return base.Page(items=shares[:page_size], offset=max(0, offset),
                     page_size=page_size, has_more=has_more, total=total)


def share_get(request: Any, share_id: str) -> Share:
    return Share.from_resource(client.manilaclient(request).shares.get(share_id))


def share_create(request: Any, *, size: int, share_proto: str,
                 name: str | None = None, description: str | None = None,
                 share_type: str | None = None,
                 availability_zone: str | None = None,
                 is_public: bool = False,
                 metadata: dict[str, str] | None = None,
                 share_network: str | None = None,
                 snapshot_id: str | None = None,
                 share_group_id: str | None = None) -> Share:
    created = client.manilaclient(request).shares.create(
        share_proto=share_proto, size=size, name=name or None,
        description=description or None, share_type=share_type or None,
        availability_zone=availability_zone or None, is_public=is_public,
        metadata=metadata or {}, share_network=share_network or None,
        snapshot_id=snapshot_id or None,
        share_group_id=share_group_id or None)
    base.forget(request)
    forget_names(request)
    return Share.from_resource(created)


def share_update(request: Any, share_id: str, *, name: str | None = None,
                 description: str | None = None,
                 is_public: bool | None = None) -> Share:
    """Change only what is given (None leaves a field alone, "" clears it)."""
    fields: dict[str, Any] = {}
    if name is not None:
        fields["display_name"] = name
    if description is not None:
        fields["display_description"] = description
    if is_public is not None:
        fields["is_public"] = is_public
    updated = client.manilaclient(request).shares.update(share_id, **fields)
    base.forget(request)
    forget_names(request)
    return Share.from_resource(updated)


def share_delete(request: Any, share_id: str, share_group_id: str | None = None) -> None:
    """A share of a group is deleted with its group's id (Manila asks)."""
    client.manilaclient(request).shares.delete(share_id, share_group_id=share_group_id)
    base.forget(request)
    forget_names(request)


def export_location_list(request: Any, share_id: str) -> list[ExportLocation]:
    manila = client.manilaclient(request)
    return base.wrap_all(ExportLocation,
                         manila.share_export_locations.list(share_id))


def export_location_metadata_replace(request: Any, share_id: str, export_location_id: str,
                                     metadata: dict[str, str]) -> dict[str, str]:
    """Make an export location's metadata exactly ``metadata`` (one PUT, 2.87)."""
    found = client.manilaclient(request).share_export_locations.update_all_metadata(
        share_id, metadata, subresource=export_location_id)
    return dict(base.info_of(found).get("metadata") or {})


# Share names for pages that show other objects' shares (snapshots, backups,
# group snapshots). Manila 23 has no filter for a set of share ids: its share
# list takes only the keys of share/api.py's filter_keys (display_name[~],
# display_description[~], status, share_type_id, snapshot_id, share_network_id,
# share_group_id, project_id, host, export_location_id/path, is_soft_deleted,
# mount_point_name, encryption_key_ref, availability_zone, metadata,
# extra_specs); it drops any other key, even an admin's `id`, and lists
# everything. One GET per share is a call per row. So the names come from ONE
# listing of the user's shares, kept in the user's map (base.NameMaps: per
# token and scope, listed again for an id it lacks, and after NAMES_TTL
# seconds behind the page that finds it stale; our own writes drop it at
# once). Without `limit` Manila's share list has no cap (osapi_max_limit
# only bounds a `limit` asked for), so no share is left out at any size; a
# share the listing lacks shows its id. Checked on Manila 23.0.1 as demo and
# admin: `id=`, `id=a,b`, `id=a&id=b`, `ids=`, `share_id=`, `id~=` all list
# every share.
NAMES_TTL = 60.0
_MAPS = base.NameMaps(NAMES_TTL)  # scope: (all_projects, detailed)


@dataclasses.dataclass(frozen=True)
class ShareName:
    """What a page about other objects shows of their share."""

    id: str
    name: str | None
    # Whether the share may mount its snapshots (2.32, fixed when the
    # share is made); None from a summary listing.
    mount_snapshot_support: bool | None = None

    @property
    def name_or_id(self) -> str:
        return self.name or self.id


def _list_names(request: Any, all_projects: bool, detailed: bool) -> dict[str, ShareName]:
    """ONE listing, read from the JSON body: manilaclient's resource objects
    (and the completion cache files it writes for every listing) cost more
    than the call at 10,000 shares."""
    path = "/shares/detail" if detailed else "/shares"
    if all_projects:
        path += "?all_tenants=1"
    _resp, body = client.manilaclient(request).client.get(path)
    found: dict[str, ShareName] = {}
    for share in (body or {}).get("shares") or ():
        share_id = str(share.get("id"))
        found[share_id] = ShareName(share_id, share.get("name"),
                                    share.get("mount_snapshot_support") if detailed else None)
    return found


def _scope(all_projects: bool, detailed: bool) -> tuple[str, bool, bool]:
    return ("share names", all_projects, detailed)


def start_share_names(request: Any, all_projects: bool = False,
                      detailed: bool = False) -> None:
    """Start the listing ``share_names_of``/``shares_of`` will need, on
    another thread, unless the user's map is fresh: a page lists its
    objects meanwhile, and waits for the longer of the two calls."""
    scope = _scope(all_projects, detailed)
    if not _MAPS.held(request, scope):  # a stale map answers, refreshed behind
        client.manilaclient(request)  # made (and negotiated) once, here
        base.start_early(request, scope, _list_names, request, all_projects, detailed)


def _names(request: Any, share_ids: Iterable[str | None], all_projects: bool,
           detailed: bool) -> dict[str, ShareName]:
    wanted = {str(i) for i in share_ids if i}
    scope = _scope(all_projects, detailed)
    found = _MAPS.names(
        request, scope, wanted,
        lambda: base.take_once(request, scope, _list_names, request, all_projects, detailed),
        refresh=lambda: _list_names(request, all_projects, detailed))
    return {i: found[i] for i in wanted if i in found}


def share_names_of(request: Any, share_ids: Iterable[str | None],
                   all_projects: bool = False) -> dict[str, str]:
    """Share id -> name (or id) for these ids, as far as Manila shows them
    to this user: no call when the user's name map knows every id, else ONE
    summary list (admins: of every project). A page's cost does not grow
    with the shares beyond it, except for that one listing."""
    return {i: share.name_or_id
            for i, share in _names(request, share_ids, all_projects, False).items()}


def shares_of(request: Any, share_ids: Iterable[str | None],
              all_projects: bool = False) -> dict[str, ShareName]:
    """As ``share_names_of``, from the detail list, for a page that also
    needs to know whether each share may mount its snapshots (2.32)."""
    return _names(request, share_ids, all_projects, True)


def forget_names(request: Any) -> None:
    """After this user created, renamed or deleted a share."""
    _MAPS.forget(request)


@base.request_memoized
def share_network_names(request: Any,
                        all_projects: bool = False) -> dict[str, str]:
    """Share network id -> name, in one call (summary list)."""
    opts: dict[str, Any] = {"all_tenants": 1} if all_projects else {}
    found = client.manilaclient(request).share_networks.list(
        detailed=False, search_opts=opts)
    names: dict[str, str] = {}
    for network in found:
        info = base.info_of(network)
        names[str(info.get("id"))] = str(info.get("name") or info.get("id"))
    return names
