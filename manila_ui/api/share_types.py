"""Share types as a project user sees them."""

from __future__ import annotations

from typing import Any

from manila_ui.api import base
from manila_ui.api import client


class ShareType(base.ManilaResource):
    _attrs = ("id", "name", "description", "is_default", "extra_specs",
              "required_extra_specs")
    id: str
    name: str | None
    description: str | None
    is_default: bool | None
    extra_specs: dict[str, str] | None
    required_extra_specs: dict[str, str] | None

    @property
    def is_public(self) -> bool:
        return bool(self._info.get("share_type_access:is_public", True))

    @property
    def driver_handles_share_servers(self) -> bool:
        specs = self.extra_specs or self.required_extra_specs or {}
        value = str(specs.get("driver_handles_share_servers", "")).lower()
        return value in ("true", "1", "yes", "on")


@base.request_memoized
def share_type_list(request: Any) -> list[ShareType]:
    """The share types the user may use; the server filters by role."""
    types = client.manilaclient(request).share_types.list(show_all=True)
    return base.wrap_all(ShareType, types)


# -- admin: the share types panel ------------------------------------------------

def share_type_get(request: Any, type_id: str) -> ShareType:
    return ShareType.from_resource(client.manilaclient(request).share_types.get(type_id))


def share_type_create(request: Any, *, name: str, description: str | None,
                      is_public: bool, dhss: bool,
                      extra_specs: dict[str, str]) -> ShareType:
    kwargs: dict[str, Any] = {"is_public": is_public, "extra_specs": extra_specs}
    if description and client.supports(request, "share_type_description"):
        kwargs["description"] = description
    created = client.manilaclient(request).share_types.create(
        name, spec_driver_handles_share_servers=dhss, **kwargs)
    base.forget(request)
    return ShareType.from_resource(created)


def share_type_delete(request: Any, type_id: str) -> None:
    client.manilaclient(request).share_types.delete(type_id)
    base.forget(request)


def share_type_update_extra_specs(request: Any, type_id: str, *,
                                  set_specs: dict[str, str],
                                  unset_keys: list[str]) -> None:
    share_type = client.manilaclient(request).share_types.get(type_id)
    if set_specs:
        share_type.set_keys(set_specs)
    if unset_keys:
        share_type.unset_keys(unset_keys)
    base.forget(request)


def share_type_list_filtered(request: Any, extra_specs: dict[str, str]) -> list[ShareType]:
    """Every type (public and private) whose extra specs hold these exact
    values; Manila filters (2.43)."""
    search: dict[str, Any] = {"extra_specs": extra_specs} if extra_specs else {}
    types = client.manilaclient(request).share_types.list(search_opts=search, show_all=True)
    return base.wrap_all(ShareType, types)


def share_type_update(request: Any, type_id: str, *, name: str | None = None,
                      description: str | None = None,
                      is_public: bool | None = None) -> ShareType:
    """Rename, describe or change the visibility of a type (2.50); only the
    fields given change, an empty description clears it."""
    updated = client.manilaclient(request).share_types.update(
        type_id, name=name, is_public=is_public, description=description)
    base.forget(request)
    return ShareType.from_resource(updated)


def share_type_access_list(request: Any, share_type: ShareType) -> list[str]:
    """The projects given access to a private type (none for a public one:
    the client does not ask)."""
    found = client.manilaclient(request).share_type_access.list(share_type)
    return [entry.project_id for entry in found or []]


def share_type_access_add(request: Any, type_id: str, project_id: str) -> None:
    client.manilaclient(request).share_type_access.add_project_access(type_id, project_id)


def share_type_access_remove(request: Any, type_id: str, project_id: str) -> None:
    client.manilaclient(request).share_type_access.remove_project_access(type_id, project_id)
