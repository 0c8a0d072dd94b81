"""Share transfers between projects (2.77).

The giver creates a transfer and receives its auth key once; the receiver
accepts it with the transfer id and that key, in their own project.
"""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class Transfer(base.ManilaResource):
    _attrs = ("id", "name", "resource_type", "resource_id", "created_at",
              "expires_at", "source_project_id", "destination_project_id",
              "accepted", "auth_key")
    id: str
    name: str | None
    resource_id: str | None
    expires_at: str | None
    auth_key: str | None


def _manager(request: Any) -> Any:
    return client.manilaclient(request).transfers


def transfer_create(request: Any, share_id: str,
                    name: str | None = None) -> Transfer:
    """The answer is the only place Manila ever shows the auth key."""
    created = _manager(request).create(share_id, name=name or None)
    base.forget(request)
    return Transfer.from_resource(created)


def transfer_list(request: Any, *, resource_id: str | None = None
                  ) -> list[Transfer]:
    opts: dict[str, Any] = {}
    if resource_id:
        opts["resource_id"] = resource_id
    return base.wrap_all(Transfer,
                         _manager(request).list(detailed=True,
                                                search_opts=opts))


def transfer_get(request: Any, transfer_id: str) -> Transfer:
    return Transfer.from_resource(_manager(request).get(transfer_id))


def transfer_delete(request: Any, transfer_id: str) -> None:
    _manager(request).delete(transfer_id)
    base.forget(request)


def transfer_accept(request: Any, transfer_id: str, auth_key: str, *,
                    clear_access_rules: bool = False) -> None:
    _manager(request).accept(transfer_id, auth_key,
                             clear_access_rules=clear_access_rules)
    base.forget(request)
