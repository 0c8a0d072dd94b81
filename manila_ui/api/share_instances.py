"""Share instances (admin, 2.3): what holds a share on a back end — its
primary, its replicas, a migration's destination. Manila does not page
them: the list is one call."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client
from manila_ui.api import shares as api_shares

# What Manila's AdminActionsMixin lets an admin set.
RESET_STATUSES = ("available", "error", "creating", "deleting", "error_deleting",
                  "migrating", "migrating_to")
TRANSITIONAL = ("creating", "deleting", "migrating", "migrating_to",
                "replication_change")


class ShareInstance(base.ManilaResource):
    _attrs = ("id", "share_id", "status", "host", "availability_zone",
              "share_network_id", "share_server_id", "share_type_id",
              "access_rules_status", "replica_state", "cast_rules_to_readonly",
              "progress", "created_at", "updated_at")
    id: str
    share_id: str | None
    status: str | None
    host: str | None
    availability_zone: str | None
    share_network_id: str | None
    share_server_id: str | None
    replica_state: str | None
    created_at: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).share_instances


def instance_list(request: Any, search_opts: dict[str, Any] | None = None
                  ) -> list[ShareInstance]:
    """Every share instance Manila knows (it does not page them): one call."""
    return base.wrap_all(ShareInstance, _manager(request).list(search_opts=search_opts))


def instances_of_share(request: Any, share_id: str) -> list[ShareInstance]:
    manila = client.manilaclient(request)
    return base.wrap_all(ShareInstance, manila.shares.list_instances(share_id))


def instance_get(request: Any, instance_id: str) -> ShareInstance:
    return ShareInstance.from_resource(_manager(request).get(instance_id))


def instance_export_locations(request: Any, instance_id: str
                              ) -> list[api_shares.ExportLocation]:
    manila = client.manilaclient(request)
    return base.wrap_all(api_shares.ExportLocation,
                         manila.share_instance_export_locations.list(instance_id))


def instance_reset_status(request: Any, instance_id: str, status: str) -> None:
    _manager(request).reset_state(instance_id, status)
    base.forget(request)


def instance_force_delete(request: Any, instance_id: str) -> None:
    _manager(request).force_delete(instance_id)
    base.forget(request)


def instance_list_paged(request: Any, *, offset: int = 0, page_size: int = 20,
                        search_opts: dict[str, Any] | None = None
                        ) -> base.Page[ShareInstance]:
    """One page of instances, newest first. Manila has no paging for this
    list: one call, sliced here (the page still costs one call)."""
    found = sorted(instance_list(request, search_opts or None),
                   key=lambda i: (str(i.created_at or ""), i.id), reverse=True)
    start = max(0, offset)
    return base.Page(items=found[start:start + page_size], offset=start,
                     page_size=page_size, has_more=len(found) > start + page_size)
